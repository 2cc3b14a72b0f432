-- Received messages (kept whatever their fate), flights and travellers read from them.
create table messages (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null unique,
  format text not null,
  status text not null check (status in ('parsed', 'rejected')),
  filename text,
  received_at timestamptz not null default now(),
  received_by text not null,
  unit_id uuid references units (id),
  jurisdiction_code text not null references jurisdictions (code),
  size_bytes integer not null,
  content text not null,
  errors jsonb not null default '[]'::jsonb,
  warnings jsonb not null default '[]'::jsonb,
  traveller_count integer not null default 0,
  flight_ids uuid[] not null default '{}'
);
create index messages_received on messages (received_at desc);
create index messages_status on messages (status, received_at desc);

create table flights (
  id uuid primary key default gen_random_uuid(),
  jurisdiction_code text not null references jurisdictions (code),
  carrier text not null,
  flight_number text not null,
  departure_airport text not null default '',
  arrival_airport text not null default '',
  departure_date date,
  scheduled_departure_local timestamp,
  scheduled_departure_utc timestamptz,
  scheduled_arrival_local timestamp,
  scheduled_arrival_utc timestamptz,
  direction text not null check (direction in ('inbound', 'outbound', 'other')),
  passenger_count integer not null default 0,
  crew_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The same flight reported in several messages is one flight.
create unique index flights_identity on flights
  (jurisdiction_code, carrier, flight_number, departure_airport, arrival_airport, coalesce(departure_date, '0001-01-01'::date));
create index flights_departure on flights (scheduled_departure_local);
create index flights_arrival on flights (scheduled_arrival_local);

create table travellers (
  id uuid primary key default gen_random_uuid(),
  jurisdiction_code text not null references jurisdictions (code),
  primary_flight_id uuid not null references flights (id) on delete cascade,
  traveller_key text not null,
  role text not null,
  party_qualifier text not null,
  surname text not null,
  given_names text not null,
  search_name text not null,
  sex text,
  date_of_birth date,
  nationality text,
  country_of_residence text,
  place_of_birth text,
  address jsonb,
  embarkation text,
  debarkation text,
  documents jsonb not null default '[]'::jsonb,
  document_number text,
  document_type text,
  reservation_reference text,
  "references" jsonb not null default '{}'::jsonb,
  seat text,
  bags jsonb,
  warnings jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (primary_flight_id, traveller_key)
);
create index travellers_search_name on travellers (search_name text_pattern_ops);
create index travellers_document on travellers (document_number);
create index travellers_birth on travellers (date_of_birth);

-- A traveller on a multi-leg journey is on the manifest of every leg.
create table flight_travellers (
  flight_id uuid not null references flights (id) on delete cascade,
  traveller_id uuid not null references travellers (id) on delete cascade,
  primary key (flight_id, traveller_id)
);
create index flight_travellers_traveller on flight_travellers (traveller_id);

-- Which messages reported a traveller (provenance).
create table traveller_messages (
  traveller_id uuid not null references travellers (id) on delete cascade,
  message_id uuid not null references messages (id) on delete cascade,
  primary key (traveller_id, message_id)
);
create index traveller_messages_message on traveller_messages (message_id);
