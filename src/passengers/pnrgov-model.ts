/**
 * The shape a PNRGOV interchange is parsed into (IATA/WCO/ICAO PNRGOV 10.1 to 13.1 and later).
 * Pure data: the parser (src/passengers/pnrgov.ts) produces it, storage and the analysts' views
 * read it. Codes are kept as sent next to their readings, because a reading can be wrong where
 * a code list is extended; free texts are kept as sent, with card numbers masked.
 */

import type { ParseIssue } from '../edifact/issues.js';
import type { DateTimeValue } from './paxlst-model.js';

import type { PnrContacts, PnrPayment, PnrTraveller } from './pnrgov-traveller-model.js';

export type { DateTimeValue, ParseIssue };
export type * from './pnrgov-traveller-model.js';

/**
 * Dates of the reservation system (RCI, DAT, PTK): ISO 8601 without offset, "2010-12-06T10:10:00"
 * or "2010-12-06". The guide has them in UTC unless the sender agreed otherwise with the State.
 */
export type SystemDateTime = string;

/** An ORG segment: who sent the push, who made the booking, who checked the traveller in. */
export interface PnrOriginator {
  /** Airline or reservation system holding the booking (e.g. "1A", "DL") and its location. */
  company: string | null;
  companyLocation: string | null;
  /** IATA number of the travel agency. */
  iataNumber: string | null;
  /** Office or agent identifier inside the system, e.g. "SINSQ08AA", "LON". */
  officeId: string | null;
  /** City or airport code of the agent. */
  location: string | null;
  systemCompany: string | null;
  systemLocation: string | null;
  /** Originator type as sent: "A" airline agent, "T" travel agent, ... */
  originatorType: string | null;
  country: string | null;
  currency: string | null;
  language: string | null;
  /** Agent sign or duty code (e.g. "D050517", "HOLMESS"). */
  agentSign: string | null;
}

export interface RecordLocator {
  /** Airline or system owning this locator (first one: the PNR's owner). */
  company: string | null;
  locator: string;
  /** Reservation control type as sent, when any. */
  controlType: string | null;
  createdAt: SystemDateTime | null;
}

export interface ReservationDate {
  /** DAT qualifier as sent: 700 last PNR transaction, 710 ticket issue, 2 check-in, ... */
  qualifier: string;
  value: SystemDateTime | null;
  /** As sent, "061210 1010"; for qualifier 3 the free text. */
  text: string;
}

export interface ItineraryLeg {
  /** Order of the leg in the reservation, from 1. */
  sequence: number;
  marketingCarrier: string | null;
  /** As sent, "0006", "324". */
  flightNumber: string | null;
  /** Set for a codeshare: the carrier (and flight) that operates the leg. */
  operatingCarrier: string | null;
  operatingFlightNumber: string | null;
  codeshare: boolean;
  departureAirport: string | null;
  arrivalAirport: string | null;
  /** Local times of the airports, with UTC when the airport's time zone is known. */
  departure: DateTimeValue | null;
  arrival: DateTimeValue | null;
  bookingClass: string | null;
  /** RPI status as sent (HK confirmed, ...), and how many seats it covers. */
  status: string | null;
  seatCount: number | null;
  aircraftType: string | null;
  /** The leg carries the flight of the push (message TVL). */
  isPushFlight: boolean;
}

/** A non-air item (MSG business function, e.g. 8 hotel) and its TVL. */
export interface OtherService {
  businessFunction: string | null;
  kind: 'hotel' | 'other';
  start: string | null;
  end: string | null;
  location: string | null;
  name: string | null;
  provider: string | null;
  product: string | null;
}

export interface SpecialServiceRequest {
  code: string;
  status: string | null;
  quantity: number | null;
  carrier: string | null;
  boardPoint: string | null;
  offPoint: string | null;
  /** Free text as sent (card numbers masked). */
  text: string | null;
  travellerSequence: number | null;
  legSequence: number | null;
}

export interface Remark {
  /** IFT information type as sent: 28 other service information, 43 sponsor, 15 fare calculation, ... */
  typeCode: string | null;
  kind: 'other-service-information' | 'sponsor' | 'fare-calculation' | 'other';
  company: string | null;
  text: string;
  travellerSequence: number | null;
  legSequence: number | null;
}

export interface HistoryItem {
  tag: string;
  /** A reading of the item, e.g. "DL324 LHR-JFK 2010-12-10 09:15 B", "WAYNE/JONMR". */
  summary: string;
}

export interface HistoryChange {
  /** SAC action: A added, X cancelled, C changed, ... */
  actionCode: string | null;
  action: 'added' | 'cancelled' | 'changed' | 'other' | null;
  items: HistoryItem[];
}

export interface HistoryEntry {
  /** ABI: who made the change (agent, location, company). */
  creatorType: string | null;
  agent: string | null;
  location: string | null;
  company: string | null;
  at: SystemDateTime | null;
  changes: HistoryChange[];
}

export interface SplitInformation {
  /** EQN inside the reservation: how many reservations it was split from or into. */
  count: number | null;
  recordLocators: RecordLocator[];
}

export interface PnrReservation {
  recordLocator: string | null;
  owningCarrier: string | null;
  /** Every RCI locator of the reservation (the owner's first, then other systems'). */
  recordLocators: RecordLocator[];
  createdAt: SystemDateTime | null;
  lastModifiedAt: SystemDateTime | null;
  ticketedAt: SystemDateTime | null;
  dates: ReservationDate[];
  bookingOffice: PnrOriginator | null;
  groupName: string | null;
  travellers: PnrTraveller[];
  itinerary: ItineraryLeg[];
  contacts: PnrContacts;
  payments: PnrPayment[];
  serviceRequests: SpecialServiceRequest[];
  remarks: Remark[];
  split: SplitInformation | null;
  excessBaggage: { count: number | null; amount: number | null; currency: string | null }[];
  otherServices: OtherService[];
  history: HistoryEntry[];
  /** LTS: history lines of systems that cannot structure it, as sent (card numbers masked). */
  historyText: string[];
  /** Where the reservation starts in the message (its SRC, or RCI when SRC is missing). */
  startsAt: { segment: number; line: number; column: number };
  warnings: ParseIssue[];
}

export interface PushFlight {
  carrier: string | null;
  flightNumber: string | null;
  departureAirport: string | null;
  arrivalAirport: string | null;
  departure: DateTimeValue | null;
  arrival: DateTimeValue | null;
}

export interface ParsedPnrgovMessage {
  messageReference: string;
  /** "13.1", "11.1", "10.1". */
  version: string;
  /** UNH common access reference, often flight/date ("AM498/230513/1142"). */
  accessReference: string | null;
  /** MSG message function as sent: 22 full push, 141 update. */
  messageFunction: string | null;
  pushKind: 'full' | 'update' | 'other' | null;
  sender: PnrOriginator | null;
  flight: PushFlight | null;
  /** EQN: reservations of the whole push, which may span several messages. */
  declaredReservationCount: number | null;
  reservations: PnrReservation[];
  warnings: ParseIssue[];
}

export interface ParsedPnrgovInterchange {
  sender: string | null;
  recipient: string | null;
  preparedAt: string | null;
  interchangeReference: string | null;
  messages: ParsedPnrgovMessage[];
  /** Fatal problems: when not empty the interchange is rejected (and kept with them). */
  errors: ParseIssue[];
  /** Every message's and reservation's warnings too, in segment order. */
  warnings: ParseIssue[];
}
