/**
 * The shape a PAXLST interchange is parsed into. Pure data: the parser (src/passengers/paxlst.ts)
 * produces it, the messages service stores it.
 */

import type { ParseIssue } from '../edifact/issues.js';

/** A problem found while reading a message, pointing at the segment where it was found. */
export type { ParseIssue };

export interface DateTimeValue {
  /** ISO 8601 local date-time without offset, e.g. "2017-01-27T17:25:00", or a date "2017-01-27". */
  local: string;
  /** ISO 8601 UTC instant ("2017-01-27T16:25:00.000Z") when the airport's time zone is known. */
  utc?: string;
}

export interface FlightLeg {
  /** Order of the leg in the message, from 1. */
  sequence: number;
  /** Airline designator, e.g. "UA" (from TDT carrier or the flight number prefix). */
  carrier: string;
  /** Flight number as sent, without the carrier prefix, e.g. "0989". */
  flightNumber: string;
  departureAirport: string | null;
  arrivalAirport: string | null;
  scheduledDeparture: DateTimeValue | null;
  scheduledArrival: DateTimeValue | null;
  /** LOC qualifiers seen: 125 last departure before border, 87 first arrival after, 92 routing. */
  crossesBorder: boolean;
}

export type TravellerRole = 'passenger' | 'crew' | 'passenger-in-transit' | 'crew-in-transit' | 'other';

export interface TravelDocument {
  /** Document type code as sent: P passport, I/ID identity card, V visa, A, C, ... */
  type: string;
  number: string;
  issuingState: string | null;
  expiryDate: string | null;
  issueDate: string | null;
}

export interface ParsedTraveller {
  /** NAD party qualifier as sent: FL, FM, DDT, DDU, COT, ... */
  partyQualifier: string;
  role: TravellerRole;
  surname: string;
  givenNames: string;
  sex: 'M' | 'F' | 'U' | null;
  dateOfBirth: string | null;
  nationality: string | null;
  countryOfResidence: string | null;
  placeOfBirth: string | null;
  address: { street?: string; city?: string; region?: string; postalCode?: string; country?: string } | null;
  /** LOC+178: airport where the traveller's journey began. */
  embarkation: string | null;
  /** LOC+179: airport where the traveller's journey ends. */
  debarkation: string | null;
  /** LOC+22: airport where an in-transit traveller (or a progressive flight's) clears the border. */
  clearanceAirport?: string | null;
  documents: TravelDocument[];
  /** Reservation (PNR) record locator, RFF+AVF. */
  reservationReference: string | null;
  /** Unique passenger reference, RFF+ABO; other RFF references by qualifier. */
  references: Record<string, string>;
  seat: string | null;
  bags: { count: number | null; weightKg: number | null; tags: string[] } | null;
  /** Problems found in this traveller's segments; the traveller is kept. */
  warnings: ParseIssue[];
}

export interface ReportingParty {
  name: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

export interface ParsedPaxlstMessage {
  /** UNH message reference. */
  messageReference: string;
  /** e.g. "D:02B", "D:05B". */
  version: string;
  /** BGM document name code: 745 passenger list, 250 crew list, 266, ... */
  documentCode: string;
  /** BGM document identifier, e.g. "CP" (changed passenger data), "CL" (flight closed), "C". */
  documentIdentifier?: string | null;
  /** 'passengers' or 'crew' as the BGM code tells. */
  listKind: 'passengers' | 'crew';
  /** RFF+TN transaction reference of the message, when sent. */
  transactionReference?: string | null;
  reportingParty: ReportingParty | null;
  legs: FlightLeg[];
  travellers: ParsedTraveller[];
  /** CNT+42 as sent; checked against the travellers read. */
  declaredTravellerCount: number | null;
  warnings: ParseIssue[];
}

export interface ParsedPaxlstInterchange {
  sender: string | null;
  recipient: string | null;
  preparedAt: string | null;
  interchangeReference: string | null;
  messages: ParsedPaxlstMessage[];
  /** Fatal problems: when not empty the interchange is rejected. */
  errors: ParseIssue[];
  /** Problems that did not prevent reading (includes every traveller's and message's warnings). */
  warnings: ParseIssue[];
}
