CREATE TABLE signing_key (
  kid VARCHAR(64) NOT NULL PRIMARY KEY,
  algorithm VARCHAR(10) NOT NULL,
  private_key TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE revoked_token (
  jti VARCHAR(64) NOT NULL PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX revoked_token_expires_at ON revoked_token (expires_at);
