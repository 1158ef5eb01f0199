-- WebAuthn passkeys (discoverable credentials). credential_id is the credential's id in base64url (at most 1023
-- bytes, so 1364 characters); credential_hash its SHA-256 in hex, unique (an index on the id itself would be too
-- long for MySQL). attested_credential_data: webauthn4j's encoding of AAGUID, id and COSE public key, base64url.
-- user_handle: the WebAuthn user.id (random, 32 bytes base64url, one per user, shared by the user's passkeys).
-- sign_count, backup_eligible and backup_state are checked and updated at every use (WebAuthn §7.2).
CREATE TABLE passkey (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT NOT NULL,
  user_handle VARCHAR(64) NOT NULL,
  credential_hash VARCHAR(64) NOT NULL,
  credential_id VARCHAR(1400) NOT NULL,
  attested_credential_data TEXT NOT NULL,
  attestation_format VARCHAR(32) NOT NULL,
  name VARCHAR(64) NOT NULL,
  sign_count BIGINT NOT NULL,
  uv_initialized BOOLEAN NOT NULL,
  backup_eligible BOOLEAN NOT NULL,
  backup_state BOOLEAN NOT NULL,
  transports VARCHAR(255),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE UNIQUE INDEX passkey_credential ON passkey (credential_hash);
CREATE INDEX passkey_user ON passkey (user_id);

-- A ceremony's challenge, kept so that any node can finish it: only its SHA-256 (hex) is stored. purpose
-- 'register' (user_id and user_handle set) or 'login' (no user). Used once: used_at is set by a conditional update;
-- times in milliseconds.
CREATE TABLE passkey_challenge (
  challenge_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  purpose VARCHAR(16) NOT NULL,
  user_id INT,
  user_handle VARCHAR(64),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX passkey_challenge_expires ON passkey_challenge (expires_at);

-- How the session's login was made (the tokens' amr, space-separated); null: a password (sessions before this).
ALTER TABLE user_session ADD COLUMN amr VARCHAR(32);
