-- Watchlists, their entries with every earlier version, and each import with its report.
create table watchlists (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('person', 'organisation', 'document')),
  source text not null check (source in ('un-sc', 'national', 'international', 'manual')),
  description text not null default '',
  -- Who keeps the list, and who screens against it: the owner unit, its jurisdiction, or everyone.
  owner_unit_id uuid references units (id),
  jurisdiction_code text not null references jurisdictions (code),
  sharing text not null default 'all' check (sharing in ('unit', 'jurisdiction', 'all')),
  -- The UN list arrives as one file for two lists (individuals, entities): the key ties them.
  source_key text unique,
  source_version text,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table watchlist_entries (
  id uuid primary key default gen_random_uuid(),
  watchlist_id uuid not null references watchlists (id) on delete cascade,
  external_id text not null,
  kind text not null check (kind in ('person', 'organisation', 'document')),
  primary_name text not null,
  -- Lower-case, accent-free primary name and aliases, for the entries list filter.
  search_text text not null,
  -- Aliases, original-script names, dates and places of birth, nationalities, sex, documents.
  details jsonb not null,
  reason text,
  category text,
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  valid_from date,
  valid_to date,
  source_reference text,
  active boolean not null default true,
  version integer not null default 1,
  content_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deactivated_at timestamptz,
  unique (watchlist_id, external_id)
);
create index watchlist_entries_list on watchlist_entries (watchlist_id, active, primary_name);

create table watchlist_imports (
  id uuid primary key default gen_random_uuid(),
  watchlist_id uuid references watchlists (id) on delete cascade,
  format text not null check (format in ('un-sc-xml', 'csv')),
  file_name text,
  sha256 text not null,
  status text not null check (status in ('applied', 'rejected')),
  generated_at text,
  counts jsonb not null,
  errors jsonb not null,
  warnings jsonb not null,
  -- The file as received: a rejected import is kept with its errors.
  content text not null,
  imported_by text not null,
  imported_at timestamptz not null default now()
);
create index watchlist_imports_list on watchlist_imports (watchlist_id, imported_at desc);

-- Every earlier state of an entry: what it was before each change and which import or user changed it.
create table watchlist_entry_history (
  entry_id uuid not null references watchlist_entries (id) on delete cascade,
  version integer not null,
  change text not null check (change in ('created', 'updated', 'deactivated', 'reactivated')),
  snapshot jsonb not null,
  import_id uuid references watchlist_imports (id) on delete set null,
  changed_by text not null,
  changed_at timestamptz not null default now(),
  primary key (entry_id, version)
);

-- Bumped on every change of lists or entries, so that every process knows its name index is stale.
create table watchlist_revision (
  id integer primary key check (id = 1),
  revision bigint not null
);
insert into watchlist_revision (id, revision) values (1, 0);
