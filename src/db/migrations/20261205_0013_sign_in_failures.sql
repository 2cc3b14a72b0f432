-- Failed sign-ins and second-factor codes per account, counted whatever address they come from:
-- after five, the account is locked for a minute, then twice as long at each further failure,
-- up to an hour. Keyed by the username typed (lower case), so that an unknown name is counted and
-- locked like a real one and the answers do not tell which accounts exist. A success deletes the
-- row; an administrator's unlock too.
create table sign_in_failures (
  username text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null,
  locked_until timestamptz
);
