-- Reservations (PNR) with every pushed version (the current data is the latest version's), their travellers, flights, and what links bookings.
create table reservations (
  id uuid primary key default gen_random_uuid(),
  jurisdiction_code text not null references jurisdictions (code),
  owning_carrier text not null default '',
  record_locator text not null,
  version integer not null default 1,
  booked_at timestamp,
  first_departure_local timestamp,
  -- The retention periods run from the last flight of the reservation.
  last_flight_date date,
  traveller_count integer not null default 0,
  facts jsonb not null default '{}'::jsonb,
  first_received_at timestamptz not null default now(),
  last_received_at timestamptz not null default now(),
  masked_at timestamptz,
  hold_reason text,
  hold_by text,
  hold_at timestamptz,
  unique (jurisdiction_code, owning_carrier, record_locator)
);
create index reservations_last_flight on reservations (last_flight_date);
create index reservations_locator on reservations (record_locator);

create table reservation_versions (
  reservation_id uuid not null references reservations (id) on delete cascade,
  version integer not null,
  message_id uuid references messages (id) on delete set null,
  received_at timestamptz not null default now(),
  data jsonb not null,
  primary key (reservation_id, version)
);

-- Personal data taken out when a reservation is depersonalised; read only to unmask, with a reason.
create table reservation_sealed (
  reservation_id uuid not null references reservations (id) on delete cascade,
  version integer not null,
  data jsonb not null,
  primary key (reservation_id, version)
);

create table reservation_flights (
  reservation_id uuid not null references reservations (id) on delete cascade,
  flight_id uuid not null references flights (id) on delete cascade,
  primary key (reservation_id, flight_id)
);
create index reservation_flights_flight on reservation_flights (flight_id);

create table reservation_travellers (
  id uuid primary key default gen_random_uuid(),
  reservation_id uuid not null references reservations (id) on delete cascade,
  sequence integer not null,
  surname text not null,
  given_names text not null,
  search_name text not null,
  date_of_birth date,
  document_number text,
  -- The API traveller (PAXLST) who is this booked traveller, when found.
  traveller_id uuid references travellers (id) on delete set null,
  unique (reservation_id, sequence)
);
create index reservation_travellers_traveller on reservation_travellers (traveller_id);
create index reservation_travellers_document on reservation_travellers (document_number);
create index reservation_travellers_name on reservation_travellers (search_name);

-- Values that tie bookings together (phone, e-mail, card): co-travellers share them.
create table reservation_links (
  reservation_id uuid not null references reservations (id) on delete cascade,
  kind text not null check (kind in ('phone', 'email', 'card')),
  value text not null,
  primary key (reservation_id, kind, value)
);
create index reservation_links_value on reservation_links (kind, value);

-- Raw PNR messages are depersonalised with their reservations; the original is sealed for unmasking.
create table sealed_messages (
  message_id uuid primary key references messages (id) on delete cascade,
  content text not null,
  warnings jsonb not null,
  sealed_at timestamptz not null default now()
);
