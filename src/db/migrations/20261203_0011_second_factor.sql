-- A second factor per user: a time-based one-time password (RFC 6238) from an authenticator app.
-- Set up first (enabled_at null) and enabled once the user has typed a code from it; from then
-- on signing in and trading a password for an API token need a current code as well.
create table user_second_factors (
  user_id uuid primary key references users (id) on delete cascade,
  -- Base32, as the app was given it.
  secret text not null,
  enabled_at timestamptz,
  -- The time step of the last code accepted: each code signs in once.
  last_step bigint not null default 0,
  created_at timestamptz not null default now()
);
