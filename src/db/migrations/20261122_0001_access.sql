-- Reference data, users, sessions, API tokens and the audit log.

create table jurisdictions (
  code text primary key,
  name text not null,
  note text
);

create table agencies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null,
  jurisdiction_code text not null references jurisdictions (code)
);

create table locations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('airport', 'seaport', 'land-crossing', 'office')),
  iata_code text,
  un_locode text,
  jurisdiction_code text not null references jurisdictions (code)
);

create table units (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null,
  agency_id uuid not null references agencies (id),
  location_id uuid not null references locations (id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  unit_id uuid not null references units (id),
  roles text[] not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);

create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  token_hash text not null unique,
  role text not null,
  unit_id uuid not null references units (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  sequence bigint primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  action text not null,
  entity text not null,
  entity_id text,
  reason text,
  details jsonb not null default '{}'::jsonb,
  previous_hash text not null,
  hash text not null
);
create index audit_log_entity on audit_log (entity, entity_id);

-- Append-only: the log can be read and extended, never changed.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
