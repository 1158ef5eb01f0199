-- The OpenID Provider (issue #16): registered clients, authorization codes, the provider's browser sessions,
-- and which client a token session was started for.
CREATE TABLE oidc_client (
  client_id VARCHAR(64) NOT NULL PRIMARY KEY,
  secret_hash VARCHAR(64),
  auth_method VARCHAR(32) NOT NULL,
  client_name VARCHAR(128),
  redirect_uris VARCHAR(4000) NOT NULL,
  grant_types VARCHAR(255) NOT NULL,
  post_logout_redirect_uris VARCHAR(4000),
  backchannel_logout_uri VARCHAR(2000),
  created_at BIGINT NOT NULL
);

-- A code is kept by its SHA-256 only; used_at marks it spent, session_id is the token session it started
-- (ended when the code is presented again).
CREATE TABLE oidc_code (
  code_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  redirect_uri VARCHAR(2000) NOT NULL,
  code_challenge VARCHAR(128),
  scope VARCHAR(255) NOT NULL,
  nonce VARCHAR(255),
  user_id BIGINT NOT NULL,
  login_sid VARCHAR(36) NOT NULL,
  auth_time BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  session_id VARCHAR(36)
);
CREATE INDEX oidc_code_expires_at ON oidc_code (expires_at);

-- A browser's sign-in at the provider (single sign-on), found by the SHA-256 of its cookie.
CREATE TABLE oidc_login (
  cookie_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  sid VARCHAR(36) NOT NULL,
  user_id BIGINT NOT NULL,
  auth_time BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at BIGINT
);

ALTER TABLE user_session ADD COLUMN client_id VARCHAR(64);
ALTER TABLE user_session ADD COLUMN scope VARCHAR(255);
-- the provider session (oidc_login.sid) a client's session was started from: logging out there ends them all
ALTER TABLE user_session ADD COLUMN login_sid VARCHAR(36);
CREATE INDEX user_session_login_sid ON user_session (login_sid);
CREATE INDEX oidc_login_sid ON oidc_login (sid);
CREATE INDEX oidc_login_user ON oidc_login (user_id);
