-- Emails compare case-insensitively: lookups and uniqueness use a normalized copy.
ALTER TABLE user ADD COLUMN email_normalized VARCHAR(255);
UPDATE user SET email_normalized = LOWER(email);
ALTER TABLE user MODIFY email_normalized VARCHAR(255) NOT NULL;
CREATE UNIQUE INDEX user_email_normalized ON user (email_normalized);
