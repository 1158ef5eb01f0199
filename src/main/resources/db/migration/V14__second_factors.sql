-- TOTP second factors: one per user. secret: the Base32 secret sealed with KEY_ENCRYPTION_KEY (a compact JWE) when
-- one is set. Active once confirmed_at is set (a first valid code). last_step: the RFC 6238 time step of the last
-- accepted code; a code is accepted only for a later step (a conditional update), so it works once on any node.
CREATE TABLE totp_factor (
  user_id INT NOT NULL PRIMARY KEY,
  secret VARCHAR(1024) NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  last_step BIGINT
);

-- Recovery codes: SHA-256 (hex) of each, single-use (used_at set by a conditional update); regenerating deletes
-- the old ones. Times in milliseconds.
CREATE TABLE recovery_code (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT NOT NULL,
  code_hash VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE UNIQUE INDEX recovery_code_user_hash ON recovery_code (user_id, code_hash);

-- The second step of a login: the mfa_token handed out after the right password (only its SHA-256 is stored),
-- good for one completed login until it expires or MAX failures were counted. Times in milliseconds.
CREATE TABLE mfa_challenge (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id INT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  failures INT NOT NULL,
  used_at BIGINT
);
CREATE INDEX mfa_challenge_expires ON mfa_challenge (expires_at);

-- How a provider session's sign-in was made, carried into its codes and their tokens (amr, space-separated; null:
-- a password, as before).
ALTER TABLE oidc_login ADD COLUMN amr VARCHAR(32);
ALTER TABLE oidc_code ADD COLUMN amr VARCHAR(32);
