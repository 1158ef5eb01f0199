-- Admin by proof, not by registration: until now an account registered with an ADMIN_EMAILS address became admin
-- without ever proving the address was its owner's. Those grants are void; an admin is made again by the operator's
-- bootstrap secret (or, once the address is verified, by ADMIN_EMAILS alone).
DELETE FROM user_role WHERE role = 'admin';

-- When the user proved control of the email address (epoch seconds); NULL while unproven.
ALTER TABLE user ADD COLUMN email_verified_at BIGINT;

-- Each bootstrap secret makes one admin, once: its SHA-256, who used it and when.
CREATE TABLE admin_bootstrap (
  secret_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id INT NOT NULL,
  used_at BIGINT NOT NULL
);

-- Private signing keys: encrypted (a JWE) when KEY_ENCRYPTION_KEY is set; NULL once a retired key can no longer sign.
ALTER TABLE signing_key MODIFY private_key TEXT NULL;
