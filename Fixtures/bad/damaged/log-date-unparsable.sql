UPDATE logs SET date = '2026-13-45' WHERE id = 2;
