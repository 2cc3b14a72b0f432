-- Requests counted per route and client address in a fixed window (LOGIN_ATTEMPTS_PER_MINUTE and
-- the other per-address limits), kept in the database so that every server behind a load balancer
-- counts the same requests: one row per key, counted by one atomic upsert, the window measured on
-- the database's clock so that servers whose clocks differ agree. Rows whose window has ended are
-- deleted by the hourly maintenance.
create table rate_limit_counts (
  key text primary key,
  hits integer not null,
  window_ends_at timestamptz not null
);
create index rate_limit_counts_window_ends_at on rate_limit_counts (window_ends_at);
