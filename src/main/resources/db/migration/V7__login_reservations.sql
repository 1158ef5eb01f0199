-- Login attempts are counted before the password is checked: each account (and each account and client pair)
-- row holds the attempts being checked right now, and when the last one was reserved, so that reservations of a
-- crashed node run out. Rows quiet for a day are purged by updated_at.
ALTER TABLE login_failure ADD COLUMN in_flight INT NOT NULL DEFAULT 0;
ALTER TABLE login_failure ADD COLUMN reserved_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX login_failure_updated_at ON login_failure (updated_at);
