-- Every run of the PNR retention policy, whoever started it, with the settings in force and what
-- it did: the administration page lists them, so that a deletion is never known only from a log line.
create table retention_runs (
  id uuid primary key default gen_random_uuid(),
  ran_at timestamptz not null default now(),
  as_of date not null,
  trigger text not null check (trigger in ('schedule', 'command', 'admin')),
  actor_name text not null,
  mask_after_months integer not null,
  delete_after_years integer not null,
  masked_before date not null,
  deleted_before date not null,
  masked_count integer not null,
  deleted_count integer not null,
  held_count integer not null,
  messages_sealed integer not null,
  messages_deleted integer not null
);
create index retention_runs_ran_at on retention_runs (ran_at desc);

-- Derived facts stored before they were validated could be negative (a ticket issued after the
-- first departure, flights out of date order): such a value is unknown, and rules must not match it.
update reservations set facts = jsonb_set(facts, '{daysBookedBeforeDeparture}', 'null')
    || jsonb_build_object('unknownBecause', coalesce(facts->'unknownBecause', '{}'::jsonb)
         || '{"daysBookedBeforeDeparture": "the reservation was created after its first departure"}'::jsonb)
  where (facts->>'daysBookedBeforeDeparture')::numeric < 0;
update reservations set facts = jsonb_set(facts, '{hoursTicketedBeforeDeparture}', 'null')
    || jsonb_build_object('unknownBecause', coalesce(facts->'unknownBecause', '{}'::jsonb)
         || '{"hoursTicketedBeforeDeparture": "the ticket was issued after the first departure"}'::jsonb)
  where (facts->>'hoursTicketedBeforeDeparture')::numeric < 0;
update reservations set facts = jsonb_set(jsonb_set(facts, '{tripLengthDays}', 'null'), '{tripType}', 'null')
    || jsonb_build_object('unknownBecause', coalesce(facts->'unknownBecause', '{}'::jsonb)
         || '{"tripType": "the flights are not in date order", "tripLengthDays": "the flights are not in date order"}'::jsonb)
  where (facts->>'tripLengthDays')::numeric < 0;
