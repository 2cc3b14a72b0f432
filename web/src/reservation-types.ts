/**
 * Shapes of the reservation (PNR) API as the web UI reads them: GET /reservations, /reservations/:id
 * and its versions, unmasking, holds and the retention run. They mirror the server's answers
 * (src/passengers/reservation-service.ts, retention.ts); the reservation itself is in pnr-types.ts.
 */

import type { PnrReservation } from './pnr-types.js';

export type * from './pnr-types.js';

export interface ReservationFacts {
  daysBookedBeforeDeparture: number | null;
  hoursTicketedBeforeDeparture: number | null;
  tripType: 'one-way' | 'return' | 'multi-city' | null;
  tripLengthDays: number | null;
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

export interface ReservationDetail {
  reservation: ReservationSummary & { data: PnrReservation };
  versions: ReservationVersionSummary[];
  travellerLinks: { sequence: number; travellerId: string | null }[];
  flights: string[];
  coTravellers: CoTraveller[];
}

export type ReservationAnswer = ReservationDetail | { reservation: RestrictedReservation };

export interface ReservationVersion {
  version: number;
  receivedAt: string;
  data: PnrReservation;
}

export interface UnmaskedReservation {
  id: string;
  /** The sealed originals, newest version first. */
  versions: { version: number; data: PnrReservation }[];
}

export interface RetentionResult {
  asOf: string;
  maskedBefore: string;
  deletedBefore: string;
  masked: string[];
  deleted: string[];
  held: number;
  messagesSealed: number;
  messagesDeleted: number;
}
