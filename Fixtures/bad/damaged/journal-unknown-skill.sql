UPDATE changes SET previous = json_set(previous, '$.skill', 'quantum-yoga') WHERE kind = 'log-edit';
