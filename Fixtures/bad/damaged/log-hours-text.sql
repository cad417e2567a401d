UPDATE logs SET hours = 'abc' WHERE id = 1;
