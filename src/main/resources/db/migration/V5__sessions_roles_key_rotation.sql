-- Sessions: one per login, each with a chain of refresh tokens (only their SHA-256 hashes are stored).
CREATE TABLE user_session (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  user_id INT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL,
  user_agent VARCHAR(255),
  refresh_expires_at BIGINT NOT NULL,
  -- NULL while the session lives; when it ended (logout, refresh-token reuse, password change, disabled user)
  ended_at BIGINT
);
CREATE INDEX user_session_user ON user_session (user_id);
CREATE INDEX user_session_ended_at ON user_session (ended_at);

CREATE TABLE refresh_token (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  session_id VARCHAR(36) NOT NULL,
  expires_at BIGINT NOT NULL,
  -- NULL until the token is exchanged; presenting a spent token again ends its session
  spent_at BIGINT
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);
CREATE INDEX refresh_token_expires_at ON refresh_token (expires_at);

-- Roles beyond "user", which everyone has: "admin" for the emails in ADMIN_EMAILS.
CREATE TABLE user_role (
  user_id INT NOT NULL,
  role VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, role)
);

ALTER TABLE user ADD COLUMN disabled_at BIGINT;

-- Key rotation: a new key is published before it signs, and the old one stays published after.
ALTER TABLE signing_key ADD COLUMN activates_at BIGINT NOT NULL DEFAULT 0;

-- Other nodes sharing the database pick up revocations made since they last looked.
ALTER TABLE revoked_token ADD COLUMN revoked_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX revoked_token_revoked_at ON revoked_token (revoked_at);
