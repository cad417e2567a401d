UPDATE logs SET note = replace(hex(zeroblob(600000)), '00', 'ab') WHERE id = 1;
