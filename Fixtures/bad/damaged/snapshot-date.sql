UPDATE snapshots SET as_of = 'soon' WHERE id = (SELECT max(id) FROM snapshots);
