-- Which server last took each hourly maintenance task (PNR retention, the job queue, old sign-in
-- failures, expired sessions, ended rate-limit windows). Every server runs the maintenance timer;
-- a task runs on the one whose claim lands first in the hour (one atomic upsert), so several
-- servers on one database do the work once, not once each.
create table maintenance_claims (
  task text primary key,
  claimed_by text not null,
  claimed_at timestamptz not null
);
