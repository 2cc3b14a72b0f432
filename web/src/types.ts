/**
 * Shapes of the HTTP API (/api/v1) as the web UI reads them. The server's zod schemas are the
 * source of truth; these mirror the contract the UI was built against.
 */

import type { ReservationListItem } from './reservation-types.js';
import type { RecordHit } from './targeting-types.js';

export type Role =
  'admin' | 'analyst' | 'officer' | 'supervisor' | 'pnr-analyst' | 'viewer' | 'data-provider';
/** Roles a person can have. */
export const USER_ROLES: Role[] = ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst', 'viewer'];
/** Roles an API token can have: a system that only sends messages is a data provider. */
export const TOKEN_ROLES: Role[] = ['data-provider', ...USER_ROLES];

export interface Jurisdiction {
  code: string;
  name: string;
  note?: string;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  jurisdiction?: Jurisdiction;
  jurisdictionCode?: string;
}

export interface Location {
  id: string;
  code: string;
  name: string;
  kind: string;
  iataCode?: string | null;
  unLocode?: string | null;
  jurisdiction?: Jurisdiction;
  jurisdictionCode?: string;
}

export interface Unit {
  id: string;
  name: string;
  code: string;
  kind: string;
  agency: Pick<Agency, 'id' | 'code' | 'name'>;
  location: Location;
  jurisdiction: Jurisdiction;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unit: Unit;
  active?: boolean;
  /** Signs in with a one-time code as well. */
  secondFactor?: boolean;
  /** Locked after failed sign-ins until then; an administrator can unlock it. */
  lockedUntil?: string | null;
  /** Signed in with a password an administrator gave: sets their own before anything else. */
  mustChangePassword?: boolean;
  createdAt?: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A problem in a message, pointing at the segment where it was found (1-based numbers). */
export interface Issue {
  segment: number;
  line: number;
  column: number;
  tag?: string;
  message: string;
}

export type MessageFormat = 'PAXLST' | 'PNRGOV' | 'unknown';
export type MessageStatus = 'parsed' | 'partial' | 'rejected' | 'duplicate';

export interface MessageResult {
  /** Empty when the file could not be stored at all. */
  id: string;
  filename: string | null;
  format: MessageFormat;
  status: MessageStatus;
  errors: Issue[];
  warnings: Issue[];
  flights: string[];
  travellers: number;
}

export interface MessageSummary {
  id: string;
  filename: string | null;
  format: MessageFormat;
  status: MessageStatus;
  receivedAt: string;
  sizeBytes: number;
  sha256: string;
  errorCount: number;
  warningCount: number;
  travellers: number;
  flights: string[];
  receivedBy: string;
}

export interface MessageDetail extends MessageSummary {
  errors: Issue[];
  warnings: Issue[];
  /** Withheld ({ withheld: 'pnr' }) for a PNR message and a role without PNR clearance. */
  content: string | { withheld: 'pnr' };
}

export type FlightDirection = 'inbound' | 'outbound' | 'other';

export interface FlightSummary {
  id: string;
  carrier: string;
  flightNumber: string;
  departureAirport: string | null;
  arrivalAirport: string | null;
  scheduledDepartureLocal: string | null;
  scheduledDepartureUtc: string | null;
  scheduledArrivalLocal: string | null;
  scheduledArrivalUtc: string | null;
  direction: FlightDirection;
  passengerCount: number;
  crewCount: number;
  /** Hits still open for the reader's agency, and closed positive; absent without hits:read. */
  openHits?: number;
  positiveHits?: number;
}

export interface TravellerSummary {
  id: string;
  role: string;
  surname: string;
  givenNames: string | null;
  sex: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  documentNumber: string | null;
  documentType: string | null;
  embarkation: string | null;
  debarkation: string | null;
  seat: string | null;
  reservationReference: string | null;
  warningCount: number;
  /** Hits still open for the reader's agency, and closed positive; absent without hits:read. */
  openHits?: number;
  positiveHits?: number;
}

export interface FlightDetail {
  flight: FlightSummary;
  /** Optional: the legs of a multi-leg flight; when absent the flight itself is the only leg. */
  legs?: FlightSummary[];
  travellers: TravellerSummary[];
}

export interface TravellerDocument {
  type: string | null;
  number: string | null;
  issuingState: string | null;
  expiryDate: string | null;
  issueDate: string | null;
}

export interface TravellerDetail extends TravellerSummary {
  countryOfResidence: string | null;
  placeOfBirth: string | null;
  address: Record<string, string> | null;
  documents: TravellerDocument[];
  bags: { count: number | null; weightKg: number | null; tags: string[] } | null;
  references: Record<string, string> | null;
  warnings: Issue[];
}

export interface TravellerPage {
  traveller: TravellerDetail;
  flights: FlightSummary[];
  messages: { id: string; filename: string | null; receivedAt: string }[];
  /** Reservations (PNR) in which the traveller was booked: summaries for the PIU, else restricted. */
  reservations?: ReservationListItem[];
  /** The traveller's hits as the reader may see them; absent without hits:read. */
  hits?: RecordHit[];
}

export type TravellerSearchItem = TravellerSummary & { flight: FlightSummary };

/** A traveller booked in a reservation and on no passenger list (PNR data: PNR-cleared roles). */
export interface BookedTraveller {
  reservationId: string;
  sequence: number;
  surname: string;
  givenNames: string;
  dateOfBirth: string | null;
  documentNumber: string | null;
  recordLocator: string;
  owningCarrier: string;
  firstDepartureLocal: string | null;
  openHits?: number;
  positiveHits?: number;
}

export interface ApiToken {
  id: string;
  name: string;
  role: string;
  unitId?: string;
  createdAt?: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  role: string;
  token: string;
}
