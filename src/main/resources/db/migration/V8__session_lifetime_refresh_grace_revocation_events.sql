-- Absolute session lifetime: a session ends at expires_at at the latest, however often it is refreshed
-- (SESSION_MAX_LIFETIME, 30 days by default; sessions older than that end now).
ALTER TABLE user_session ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
UPDATE user_session SET expires_at = created_at + 2592000;

-- The grace answer of a just-replaced refresh token (REFRESH_REUSE_GRACE_SECONDS): the successor's value is
-- HMAC-SHA256(the replaced token's value, successor_nonce), recoverable only by whoever presents the replaced token.
ALTER TABLE refresh_token ADD COLUMN successor_nonce VARCHAR(64);
ALTER TABLE refresh_token ADD COLUMN grace_answers INT NOT NULL DEFAULT 0;

-- Every revocation (kind 't': a logged-out token, event_time its expiry) and every session end (kind 's',
-- event_time when it ended), numbered by the database in the same transaction: other nodes pull by id, not by clock.
CREATE TABLE revocation_event (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind CHAR(1) NOT NULL,
  subject VARCHAR(64) NOT NULL,
  event_time BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX revocation_event_created_at ON revocation_event (created_at);
