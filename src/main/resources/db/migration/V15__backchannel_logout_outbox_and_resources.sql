-- Back-channel logouts owed to OpenID Connect clients (issue #16), written in the transaction that ends the session
-- and delivered by a background worker (BackChannelDelivery) as mails are (the same columns as mail_outbox: a node
-- claims a row by a conditional UPDATE of lease_owner/lease_until; a failed attempt is tried again at
-- next_attempt_at). The logout token is signed at each attempt and never stored; jti stays the same.
CREATE TABLE oidc_logout_notice (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  login_sid VARCHAR(36),
  jti VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_owner VARCHAR(64),
  lease_until BIGINT,
  sent_at BIGINT,
  gave_up_at BIGINT,
  last_error VARCHAR(255)
);
CREATE INDEX oidc_logout_notice_due ON oidc_logout_notice (sent_at, gave_up_at, next_attempt_at);

-- The resource servers (RFC 8707 resource indicators, space-separated) an authorization request named, and those
-- a client's session gives access tokens for besides this service (their aud); null: none.
ALTER TABLE oidc_code ADD COLUMN resources VARCHAR(2000);
ALTER TABLE user_session ADD COLUMN resources VARCHAR(2000);
