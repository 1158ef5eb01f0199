-- Brute-force defense, shared by every node through the database and kept across restarts.

-- consecutive failed logins per account (by normalized email, known or not) and its lockout
CREATE TABLE login_failure (
  email_key VARCHAR(255) NOT NULL PRIMARY KEY,
  failures INT NOT NULL,
  streaks INT NOT NULL,
  locked_until BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- fixed-window counters per client address, e.g. "login-failure|203.0.113.7|1795332000"
CREATE TABLE rate_counter (
  bucket VARCHAR(120) NOT NULL PRIMARY KEY,
  hits INT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX rate_counter_expires_at ON rate_counter (expires_at);
