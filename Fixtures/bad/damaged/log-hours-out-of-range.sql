UPDATE logs SET hours = 1e300 WHERE id = 2;
