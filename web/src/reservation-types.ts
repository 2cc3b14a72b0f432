/**
 * Shapes of the reservation (PNR) API as the web UI reads them: GET /reservations, /reservations/:id
 * and its versions, unmasking, holds and the retention run. They mirror the server's answers
 * (src/passengers/reservation-service.ts, retention.ts); the reservation itself is in pnr-types.ts.
 */

import type { PnrReservation } from './pnr-types.js';
import type { RecordHit } from './targeting-types.js';

export type * from './pnr-types.js';

export type UncertainFact =
  'daysBookedBeforeDeparture' | 'hoursTicketedBeforeDeparture' | 'tripType' | 'tripLengthDays';

export interface ReservationFacts {
  daysBookedBeforeDeparture: number | null;
  hoursTicketedBeforeDeparture: number | null;
  tripType: 'one-way' | 'return' | 'multi-city' | null;
  tripLengthDays: number | null;
  /** Why a fact above is unknown (null); absent in facts stored before it was kept. */
  unknownBecause?: Partial<Record<UncertainFact, string>>;
  paidInCash: boolean;
  paidByCardOfAnotherPerson: boolean;
  travellerCount: number;
  checkedBags: number;
  checkedBagWeightKg: number;
  routeCountries: string[];
  firstDepartureLocal: string | null;
  lastFlightDate: string | null;
}

/** What every officer may know: that a reservation exists, not who is in it. */
export interface RestrictedReservation {
  id: string;
  restricted: true;
  owningCarrier: string;
  travellerCount: number;
  firstDepartureLocal: string | null;
  openHits?: number;
  positiveHits?: number;
}

/** A reservation as the Passenger Information Unit sees it in lists. */
export interface ReservationSummary {
  id: string;
  restricted: false;
  recordLocator: string;
  owningCarrier: string;
  version: number;
  bookedAt: string | null;
  firstDepartureLocal: string | null;
  lastFlightDate: string | null;
  travellerCount: number;
  facts: Partial<ReservationFacts> | null;
  lastReceivedAt: string;
  masked: boolean;
  maskedAt: string | null;
  /** The reason the reservation is kept beyond its retention period, when it is. */
  hold: string | null;
  /** Hits still open for the reader's agency, and closed positive; absent without hits:read. */
  openHits?: number;
  positiveHits?: number;
}

export type ReservationListItem = RestrictedReservation | ReservationSummary;

export type ChangeArea =
  | 'traveller'
  | 'phone'
  | 'email'
  | 'address'
  | 'seat'
  | 'bags'
  | 'itinerary'
  | 'payment'
  | 'ticket'
  | 'remark';

export interface ReservationChange {
  area: ChangeArea;
  change: 'added' | 'removed';
  value: string;
}

export interface ReservationVersionSummary {
  version: number;
  receivedAt: string;
  messageId: string | null;
  changes: ReservationChange[];
}

export interface CoTraveller {
  reservationId: string;
  recordLocator: string;
  sharedBy: 'phone' | 'email' | 'card';
  value: string;
}

/** Beside a version's data (src/passengers/reservation-facts.ts, reservationChecks). */
export interface ReservationChecks {
  travellerAges: {
    sequence: number;
    age: number | null;
    on: string;
    onFirstDeparture: boolean;
    unknownBecause?: string;
  }[];
  unlistedCodes: { kind: 'country' | 'airport'; code: string; where: string }[];
}

export interface ReservationDetail {
  reservation: ReservationSummary & { data: PnrReservation };
  checks: ReservationChecks | null;
  versions: ReservationVersionSummary[];
  travellerLinks: { sequence: number; travellerId: string | null }[];
  flights: string[];
  coTravellers: CoTraveller[];
  /** The reservation's hits (and its travellers'), as the reader may see them; absent without hits:read. */
  hits?: RecordHit[];
}

export type ReservationAnswer =
  ReservationDetail | { reservation: RestrictedReservation; hits?: RecordHit[] };

export interface ReservationVersion {
  version: number;
  receivedAt: string;
  data: PnrReservation;
  checks: ReservationChecks;
}

export interface UnmaskedReservation {
  id: string;
  /** The sealed originals, newest version first. */
  versions: { version: number; data: PnrReservation; checks: ReservationChecks }[];
}

export type RetentionTrigger = 'schedule' | 'command' | 'admin';

export interface RetentionResult {
  id: string;
  asOf: string;
  trigger: RetentionTrigger;
  maskAfterMonths: number;
  deleteAfterYears: number;
  maskedBefore: string;
  deletedBefore: string;
  masked: string[];
  deleted: string[];
  held: number;
  messagesSealed: number;
  messagesDeleted: number;
}

/** GET /retention/runs: one recorded run of the policy. */
export interface RetentionRun {
  id: string;
  ranAt: string;
  asOf: string;
  trigger: RetentionTrigger;
  actorName: string;
  maskAfterMonths: number;
  deleteAfterYears: number;
  maskedBefore: string;
  deletedBefore: string;
  masked: number;
  deleted: number;
  held: number;
  messagesSealed: number;
  messagesDeleted: number;
}

/** GET /retention/policy: the periods in force (PNR_MASK_AFTER_MONTHS, PNR_DELETE_AFTER_YEARS). */
export interface RetentionPolicy {
  pnr: { maskAfterMonths: number; deleteAfterYears: number; appliesOnArrival: boolean };
  /** No period is set for API (PAXLST) data when null. */
  apiDeleteAfterYears: number | null;
}
