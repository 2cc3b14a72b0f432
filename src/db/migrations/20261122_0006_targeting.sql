-- Targeting: code lists, rules with versions, the screening work queue, hits and their review.
create table code_lists (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('airport', 'country', 'carrier', 'document-number', 'keyword', 'phone', 'email', 'other')),
  description text not null default '',
  owner_unit_id uuid references units (id),
  jurisdiction_code text not null references jurisdictions (code),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table code_list_items (
  code_list_id uuid not null references code_lists (id) on delete cascade,
  value text not null,
  note text,
  primary key (code_list_id, value)
);

create table rules (
  id uuid primary key default gen_random_uuid(),
  subject text not null check (subject in ('traveller', 'reservation')),
  state text not null default 'draft' check (state in ('draft', 'active', 'retired')),
  current_version integer not null default 1,
  owner_unit_id uuid not null references units (id),
  jurisdiction_code text not null references jurisdictions (code),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Every edit is a new version; a hit points at the version that fired.
create table rule_versions (
  rule_id uuid not null references rules (id) on delete cascade,
  version integer not null,
  name text not null,
  description text not null default '',
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  category text not null,
  condition jsonb not null,
  valid_from date,
  valid_to date,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (rule_id, version)
);

-- Records waiting to be screened; workers claim them with FOR UPDATE SKIP LOCKED.
create table screening_jobs (
  id bigserial primary key,
  kind text not null check (kind in ('message', 'travellers', 'reservations', 'rescreen')),
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  available_at timestamptz not null default now(),
  locked_by text,
  locked_at timestamptz,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index screening_jobs_pending on screening_jobs (available_at, id) where status = 'pending';

create table hits (
  id uuid primary key default gen_random_uuid(),
  jurisdiction_code text not null references jurisdictions (code),
  subject_kind text not null check (subject_kind in ('traveller', 'reservation')),
  traveller_id uuid references travellers (id) on delete cascade,
  reservation_id uuid references reservations (id) on delete cascade,
  flight_id uuid references flights (id) on delete cascade,
  source text not null check (source in ('rule', 'watchlist')),
  rule_id uuid references rules (id) on delete cascade,
  rule_version integer,
  watchlist_entry_id uuid references watchlist_entries (id) on delete cascade,
  -- One hit per subject and source (rule or watchlist entry): screening again updates it.
  dedupe_key text not null unique,
  subject_name text not null,
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  category text not null,
  score double precision,
  explanation jsonb not null,
  -- False when a later version of the data no longer meets the rule: the hit stays, marked.
  still_matching boolean not null default true,
  -- Departure (outbound) or arrival (inbound) of the flight: the queue's countdown.
  due_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_matched_at timestamptz not null default now()
);
create index hits_due on hits (jurisdiction_code, due_at);
create index hits_rule on hits (rule_id, created_at);
create index hits_traveller on hits (traveller_id);
create index hits_reservation on hits (reservation_id);

-- Each agency (customs, police ...) reviews and closes its own view of a shared hit.
create table hit_reviews (
  hit_id uuid not null references hits (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  status text not null default 'new' check (status in ('new', 'in-review', 'referred', 'closed')),
  outcome text check (outcome in ('positive', 'negative', 'not-encountered', 'false-match')),
  assigned_to uuid references users (id),
  closed_by text,
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (hit_id, agency_id)
);
create index hit_reviews_agency on hit_reviews (agency_id, status);

create table hit_events (
  id bigserial primary key,
  hit_id uuid not null references hits (id) on delete cascade,
  agency_id uuid references agencies (id),
  kind text not null,
  actor_name text not null,
  details jsonb not null default '{}'::jsonb,
  at timestamptz not null default now()
);
create index hit_events_hit on hit_events (hit_id, id);

-- Bumped when rules or code lists change: every process recompiles its rule set.
create table targeting_revision (
  id integer primary key check (id = 1),
  revision bigint not null
);
insert into targeting_revision (id, revision) values (1, 0);
