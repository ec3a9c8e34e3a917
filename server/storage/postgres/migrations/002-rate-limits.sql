-- Rate-limit counters shared by every process (rate-limiter-flexible's RateLimiterPostgres layout).
-- `key` is a rule name and a digest, `expire` the window's end in epoch milliseconds.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
