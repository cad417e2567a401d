UPDATE plans SET created_at = 'yesterday';
