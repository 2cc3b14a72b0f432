import type { ColumnType, Generated } from 'kysely';

/** Kysely table types. Dates and times come back as strings (see types.ts). */
type Timestamp = ColumnType<string, string | undefined, string>;
type Json<T> = ColumnType<T, string, string>;

export interface JurisdictionTable {
  code: string;
  name: string;
  note: string | null;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  jurisdiction_code: string;
}

export interface LocationTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: 'airport' | 'seaport' | 'land-crossing' | 'office';
  iata_code: string | null;
  un_locode: string | null;
  jurisdiction_code: string;
}

export interface UnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  agency_id: string;
  location_id: string;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  role: string;
  unit_id: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  sequence: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  previous_hash: string;
  hash: string;
}

export interface MessageTable {
  id: Generated<string>;
  sha256: string;
  format: string;
  status: 'parsed' | 'rejected';
  filename: string | null;
  received_at: Timestamp;
  received_by: string;
  unit_id: string | null;
  jurisdiction_code: string;
  size_bytes: number;
  content: string;
  errors: Json<unknown[]>;
  warnings: Json<unknown[]>;
  traveller_count: number;
  flight_ids: string[];
}

export interface FlightTable {
  id: Generated<string>;
  jurisdiction_code: string;
  carrier: string;
  flight_number: string;
  departure_airport: string;
  arrival_airport: string;
  departure_date: string | null;
  scheduled_departure_local: string | null;
  scheduled_departure_utc: string | null;
  scheduled_arrival_local: string | null;
  scheduled_arrival_utc: string | null;
  direction: 'inbound' | 'outbound' | 'other';
  passenger_count: number;
  crew_count: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TravellerTable {
  id: Generated<string>;
  jurisdiction_code: string;
  primary_flight_id: string;
  traveller_key: string;
  role: string;
  party_qualifier: string;
  surname: string;
  given_names: string;
  search_name: string;
  sex: string | null;
  date_of_birth: string | null;
  nationality: string | null;
  country_of_residence: string | null;
  place_of_birth: string | null;
  address: Json<Record<string, string> | null> | null;
  embarkation: string | null;
  debarkation: string | null;
  documents: Json<unknown[]>;
  document_number: string | null;
  document_type: string | null;
  reservation_reference: string | null;
  references: Json<Record<string, string>>;
  seat: string | null;
  bags: Json<unknown> | null;
  warnings: Json<unknown[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FlightTravellerTable {
  flight_id: string;
  traveller_id: string;
}

export interface TravellerMessageTable {
  traveller_id: string;
  message_id: string;
}

export interface ReservationTable {
  id: Generated<string>;
  jurisdiction_code: string;
  owning_carrier: string;
  record_locator: string;
  version: number;
  booked_at: string | null;
  first_departure_local: string | null;
  last_flight_date: string | null;
  traveller_count: number;
  facts: Json<Record<string, unknown>>;
  first_received_at: Timestamp;
  last_received_at: Timestamp;
  masked_at: string | null;
  hold_reason: string | null;
  hold_by: string | null;
  hold_at: string | null;
}

export interface ReservationVersionTable {
  reservation_id: string;
  version: number;
  message_id: string | null;
  received_at: Timestamp;
  data: Json<unknown>;
}

export interface ReservationSealedTable {
  reservation_id: string;
  version: number;
  data: Json<unknown>;
}

export interface ReservationFlightTable {
  reservation_id: string;
  flight_id: string;
}

export interface ReservationTravellerTable {
  id: Generated<string>;
  reservation_id: string;
  sequence: number;
  surname: string;
  given_names: string;
  search_name: string;
  date_of_birth: string | null;
  document_number: string | null;
  traveller_id: string | null;
}

export interface ReservationLinkTable {
  reservation_id: string;
  kind: 'phone' | 'email' | 'card';
  value: string;
}

export interface SealedMessageTable {
  message_id: string;
  content: string;
  warnings: Json<unknown[]>;
  sealed_at: Timestamp;
}

export interface WatchlistTable {
  id: Generated<string>;
  name: string;
  kind: 'person' | 'organisation' | 'document';
  source: 'un-sc' | 'national' | 'international' | 'manual';
  description: Generated<string>;
  owner_unit_id: string | null;
  jurisdiction_code: string;
  sharing: Generated<'unit' | 'jurisdiction' | 'all'>;
  source_key: string | null;
  source_version: string | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WatchlistEntryTable {
  id: Generated<string>;
  watchlist_id: string;
  external_id: string;
  kind: 'person' | 'organisation' | 'document';
  primary_name: string;
  search_text: string;
  details: Json<unknown>;
  reason: string | null;
  category: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical';
  valid_from: string | null;
  valid_to: string | null;
  source_reference: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: string | null;
}

export interface WatchlistImportTable {
  id: Generated<string>;
  watchlist_id: string | null;
  format: 'un-sc-xml' | 'csv';
  file_name: string | null;
  sha256: string;
  status: 'applied' | 'rejected';
  generated_at: string | null;
  counts: Json<unknown>;
  errors: Json<unknown>;
  warnings: Json<unknown>;
  content: string;
  imported_by: string;
  imported_at: Timestamp;
}

export interface WatchlistEntryHistoryTable {
  entry_id: string;
  version: number;
  change: 'created' | 'updated' | 'deactivated' | 'reactivated';
  snapshot: Json<unknown>;
  import_id: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

export interface WatchlistRevisionTable {
  id: number;
  revision: number;
}

export interface CodeListTable {
  id: Generated<string>;
  name: string;
  kind: 'airport' | 'country' | 'carrier' | 'document-number' | 'keyword' | 'phone' | 'email' | 'other';
  description: Generated<string>;
  owner_unit_id: string | null;
  jurisdiction_code: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CodeListItemTable {
  code_list_id: string;
  value: string;
  note: string | null;
}

export interface RuleTable {
  id: Generated<string>;
  subject: 'traveller' | 'reservation';
  state: Generated<'draft' | 'active' | 'retired'>;
  current_version: Generated<number>;
  owner_unit_id: string;
  jurisdiction_code: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RuleVersionTable {
  rule_id: string;
  version: number;
  name: string;
  description: Generated<string>;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  condition: Json<unknown>;
  valid_from: string | null;
  valid_to: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ScreeningJobTable {
  id: Generated<number>;
  kind: 'message' | 'travellers' | 'reservations' | 'rescreen';
  payload: Json<unknown>;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  available_at: Timestamp;
  locked_by: string | null;
  locked_at: string | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: string | null;
}

export interface HitTable {
  id: Generated<string>;
  jurisdiction_code: string;
  subject_kind: 'traveller' | 'reservation';
  traveller_id: string | null;
  reservation_id: string | null;
  flight_id: string | null;
  source: 'rule' | 'watchlist';
  rule_id: string | null;
  rule_version: number | null;
  watchlist_entry_id: string | null;
  dedupe_key: string;
  subject_name: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  score: number | null;
  explanation: Json<unknown>;
  still_matching: Generated<boolean>;
  due_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_matched_at: Timestamp;
}

export interface HitReviewTable {
  hit_id: string;
  agency_id: string;
  status: Generated<'new' | 'in-review' | 'referred' | 'closed'>;
  outcome: 'positive' | 'negative' | 'not-encountered' | 'false-match' | null;
  assigned_to: string | null;
  closed_by: string | null;
  closed_at: string | null;
  updated_at: Timestamp;
}

export interface HitEventTable {
  id: Generated<number>;
  hit_id: string;
  agency_id: string | null;
  kind: string;
  actor_name: string;
  details: Json<unknown>;
  at: Timestamp;
}

export interface TargetingRevisionTable {
  id: number;
  revision: number;
}

export interface Database {
  code_lists: CodeListTable;
  code_list_items: CodeListItemTable;
  rules: RuleTable;
  rule_versions: RuleVersionTable;
  screening_jobs: ScreeningJobTable;
  hits: HitTable;
  hit_reviews: HitReviewTable;
  hit_events: HitEventTable;
  targeting_revision: TargetingRevisionTable;
  watchlists: WatchlistTable;
  watchlist_entries: WatchlistEntryTable;
  watchlist_imports: WatchlistImportTable;
  watchlist_entry_history: WatchlistEntryHistoryTable;
  watchlist_revision: WatchlistRevisionTable;
  sealed_messages: SealedMessageTable;
  reservations: ReservationTable;
  reservation_versions: ReservationVersionTable;
  reservation_sealed: ReservationSealedTable;
  reservation_flights: ReservationFlightTable;
  reservation_travellers: ReservationTravellerTable;
  reservation_links: ReservationLinkTable;
  jurisdictions: JurisdictionTable;
  agencies: AgencyTable;
  locations: LocationTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  messages: MessageTable;
  flights: FlightTable;
  travellers: TravellerTable;
  flight_travellers: FlightTravellerTable;
  traveller_messages: TravellerMessageTable;
}
