-- Mail is written here in the same transaction as the change it announces, and sent later by a background worker
-- (MailDelivery): a node claims a row by setting lease_owner/lease_until in a conditional UPDATE, so two nodes never
-- send the same mail; a failed attempt is retried at next_attempt_at (exponential backoff). Once sent, the bodies
-- (which may hold a link's token) are emptied.
CREATE TABLE mail_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recipient VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner VARCHAR(64),
  lease_until BIGINT,
  sent_at BIGINT,
  gave_up_at BIGINT,
  last_error VARCHAR(255)
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, gave_up_at, next_attempt_at);

-- The language the user's mails are written in ('ko' or 'en'), from Accept-Language at registration.
ALTER TABLE user ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en';

-- Single-use tokens sent by mail (purpose 'verify': email verification, 'reset': a forgotten password): only the
-- SHA-256 of the link's token and of the short code are stored. code_attempts counts wrong codes; the code dies after
-- a few. bound_to (a reset): the SHA-256 of the password hash it was issued for, so it dies when the password changes.
CREATE TABLE email_token (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  code_hash VARCHAR(64),
  code_attempts INT NOT NULL DEFAULT 0,
  purpose VARCHAR(16) NOT NULL,
  user_id INT NOT NULL,
  email_normalized VARCHAR(254) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  bound_to VARCHAR(64)
);
CREATE UNIQUE INDEX email_token_hash ON email_token (token_hash);
CREATE INDEX email_token_user ON email_token (user_id, purpose);
