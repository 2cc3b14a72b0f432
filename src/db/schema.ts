import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-columns.js';
import type {
  CodeListItemTable,
  CodeListTable,
  HitEventTable,
  HitReviewTable,
  HitTable,
  RuleTable,
  RuleVersionTable,
  JobTable,
  TargetingRevisionTable,
} from './schema-targeting.js';
import type {
  WatchlistEntryHistoryTable,
  WatchlistEntryTable,
  WatchlistImportTable,
  WatchlistRevisionTable,
  WatchlistTable,
} from './schema-watchlists.js';

export type * from './schema-targeting.js';
export type * from './schema-watchlists.js';

/** Kysely table types, one interface per table; watchlists and targeting in their own files. */
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
  /** The password was given by an administrator: the user sets their own before anything else. */
  must_change_password: Generated<boolean>;
}

export interface UserSecondFactorTable {
  user_id: string;
  secret: string;
  enabled_at: Timestamp | null;
  last_step: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface SignInFailureTable {
  username: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
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
  /** The user the token acts for (it stops with them); null for a system's token. */
  user_id: Generated<string | null>;
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

/** One row: where the keyed (HMAC) part of the audit chain begins, and the fingerprint of its key. */
export interface AuditChainTable {
  id: Generated<boolean>;
  keyed_from: number;
  key_fingerprint: string | null;
}

export interface MessageTable {
  id: Generated<string>;
  sha256: string;
  format: string;
  status: 'parsed' | 'partial' | 'rejected';
  filename: string | null;
  received_at: Timestamp;
  received_by: string;
  unit_id: string | null;
  jurisdiction_code: string;
  size_bytes: number;
  content: string;
  /** The received bytes when `content` does not reproduce them exactly (UTF-16, NUL ...). */
  original: Uint8Array | null;
  errors: Json<unknown[]>;
  warnings: Json<unknown[]>;
  /** What the message stored, by kind of record (src/messages/stored.ts `StoredKind`). */
  stored: Json<{ kind: string; count: number; ids?: string[] }[]>;
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
  /** What ties it to other reservations: 'phone:<last nine digits>', 'email:<address>', 'card:<masked number>'. */
  links: Generated<string[]>;
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
  /** The version as JSON text (`text`: written once at ingest, rarely read; see migration 0010). */
  data: string;
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
  reservation_id: string;
  sequence: number;
  surname: string;
  given_names: string;
  search_name: string;
  date_of_birth: string | null;
  document_number: string | null;
  traveller_id: string | null;
}

/** One run of the PNR retention policy (src/passengers/retention.ts). */
export interface RetentionRunTable {
  id: Generated<string>;
  ran_at: Timestamp;
  as_of: string;
  trigger: 'schedule' | 'command' | 'admin';
  actor_name: string;
  mask_after_months: number;
  delete_after_years: number;
  masked_before: string;
  deleted_before: string;
  masked_count: number;
  deleted_count: number;
  held_count: number;
  messages_sealed: number;
  messages_deleted: number;
}

export interface SealedMessageTable {
  message_id: string;
  content: string;
  original: Uint8Array | null;
  warnings: Json<unknown[]>;
  sealed_at: Timestamp;
}

export interface Database {
  code_lists: CodeListTable;
  code_list_items: CodeListItemTable;
  rules: RuleTable;
  rule_versions: RuleVersionTable;
  jobs: JobTable;
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
  retention_runs: RetentionRunTable;
  reservations: ReservationTable;
  reservation_versions: ReservationVersionTable;
  reservation_sealed: ReservationSealedTable;
  reservation_flights: ReservationFlightTable;
  reservation_travellers: ReservationTravellerTable;
  jurisdictions: JurisdictionTable;
  agencies: AgencyTable;
  locations: LocationTable;
  units: UnitTable;
  users: UserTable;
  user_second_factors: UserSecondFactorTable;
  sign_in_failures: SignInFailureTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  messages: MessageTable;
  flights: FlightTable;
  travellers: TravellerTable;
  flight_travellers: FlightTravellerTable;
  traveller_messages: TravellerMessageTable;
}
