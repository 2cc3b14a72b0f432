/**
 * Travellers of a PNRGOV reservation and what hangs on them: documents, contacts, tickets,
 * payments, seats and bags (see pnrgov-model.ts for the reservation around them).
 */

import type { SystemDateTime } from './pnrgov-model.js';

export type TravellerType = 'adult' | 'child' | 'infant' | 'other';

export interface PnrTravelDocument {
  /** From SSR DOCS: P passport, I identity card, ... as sent. */
  type: string | null;
  number: string | null;
  issuingCountry: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
  sex: 'M' | 'F' | 'U' | null;
  /** "MI"/"FI" in DOCS: the document of an infant travelling on an adult's lap. */
  infant: boolean;
  expiryDate: string | null;
  surname: string | null;
  givenNames: string | null;
  /** The SSR free text as sent, e.g. "/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN". */
  text: string;
}

/** SSR DOCO: visa or other document for the destination. */
export interface PnrVisa {
  placeOfBirth: string | null;
  /** V visa, K known traveller number, R redress number, ... as sent. */
  type: string | null;
  number: string | null;
  placeOfIssue: string | null;
  issueDate: string | null;
  /** Country the document is valid for. */
  applicableCountry: string | null;
  infant: boolean;
  text: string;
}

export interface PnrAddress {
  /** ADD address purpose (700, 702, ...) or DOCA type (D destination, R residence) as sent. */
  purposeCode: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  /** The address on one line: as sent for DOCA, CTCA and sponsors, its parts joined for ADD. */
  text: string;
  source: 'ADD' | 'DOCA' | 'OSI' | 'SSR' | 'sponsor';
  travellerSequence: number | null;
}

export type PhoneType = 'mobile' | 'home' | 'business' | 'agency' | 'fax' | 'other' | 'unspecified';

export interface PnrPhone {
  type: PhoneType;
  /** Contact type letter as sent ("M" of CTCM, "H" of an ADD "H555..."), when any. */
  typeCode: string | null;
  /** Digits only, with a leading "+" when sent. */
  number: string;
  /** City code written before the number ("MEX", "SEA"), when any. */
  city: string | null;
  /** Text after the number ("CARLSON WAGONLIT TVL", "FAX"). */
  note: string | null;
  text: string;
  source: 'OSI' | 'SSR' | 'ADD' | 'sponsor';
  travellerSequence: number | null;
}

export interface PnrEmail {
  /** Decoded from the airline encoding ("//" for "@", ".." for "_", "./" for "-"), lower case. */
  address: string;
  text: string;
  source: 'OSI' | 'SSR' | 'ADD';
  travellerSequence: number | null;
}

export interface PnrContacts {
  phones: PnrPhone[];
  emails: PnrEmail[];
  addresses: PnrAddress[];
}

export interface FrequentFlyer {
  carrier: string | null;
  number: string;
  tier: string | null;
}

export interface MonetaryAmount {
  /** MON qualifier as sent: B base fare, T total, ... */
  qualifier: string;
  amount: number | null;
  /** As sent, "2888.00". */
  amountText: string;
  currency: string | null;
}

export interface PnrTax {
  amount: number | null;
  amountText: string;
  currency: string | null;
  /** Tax code as sent, e.g. "YQ", "GB". */
  code: string | null;
}

export interface PnrTicket {
  number: string | null;
  /** "T" ticket, ... as sent. */
  documentType: string | null;
  amounts: MonetaryAmount[];
  taxes: PnrTax[];
  /** PTK: pricing indicator ("NR" non-refundable), issue date, validating carrier, place. */
  pricingIndicator: string | null;
  validatingCarrier: string | null;
  issuePlace: string | null;
  issuedAt: SystemDateTime | null;
}

export interface PnrPayment {
  /** FOP type as sent: CC card, CA cash, MS miscellaneous, GR government request, ... */
  type: string;
  kind: 'card' | 'cash' | 'cheque' | 'miscellaneous' | 'government' | 'invoice' | 'other';
  /** True for the form of payment of a ticket that was exchanged (old form of payment). */
  previous: boolean;
  amount: number | null;
  amountText: string | null;
  /** Card vendor as sent (VI, AX, MA, DC, ...). */
  cardVendor: string | null;
  /** Never more than the first 6 and the last 4 digits: every other digit is "X". */
  cardNumber: string | null;
  /** Number of another form of payment (government request, invoice), PAN-looking digits masked. */
  accountNumber: string | null;
  /** MMYY as sent, and as "2011-02" when readable. */
  cardExpiryText: string | null;
  cardExpiry: string | null;
  /**
   * The sponsor (IFT 43) after the payment: for a card its holder, which the guide sends when
   * not the traveller; for another form of payment whoever paid.
   */
  cardHolder: string | null;
  sponsorAddress: string | null;
  sponsorPhone: string | null;
  travellerSequence: number | null;
  ticketNumber: string | null;
}

export interface SeatAssignment {
  legSequence: number;
  seat: string;
  /** Reserved in the booking (SSR SEAT) or given at check-in (SSD). */
  source: 'booking' | 'check-in';
  cabinClass: string | null;
}

export interface BagTag {
  /** Airline designator or numeric code of the tag issuer as sent. */
  carrier: string | null;
  number: string;
  /**
   * As sent: how many consecutive tags start at `number`, per the guide. Some systems send
   * another number there, so `numbers` expands it only when the bag count agrees.
   */
  consecutive: number | null;
  destination: string | null;
  /** Every tag number of the range. */
  numbers: string[];
}

export interface CheckedBags {
  legSequence: number;
  count: number | null;
  weight: number | null;
  /** 700 kilograms, 701 pounds in TBD. */
  weightUnit: 'kg' | 'lb' | null;
  weightKg: number | null;
  /** Pooled bags: "head" of the pool or "member", with the pool reference as sent. */
  pool: 'head' | 'member' | null;
  poolReference: string | null;
  tags: BagTag[];
}

export interface CheckIn {
  legSequence: number;
  /** TRI: check-in or boarding sequence as sent ("108", "SIN-168"). */
  sequence: string | null;
  checkedInAt: SystemDateTime | null;
}

export interface PnrTraveller {
  /** Position in the reservation, from 1: what the other parts of the model link to. */
  sequence: number;
  /** TIF traveller reference as sent (cross-reference inside the message), when any. */
  reference: string | null;
  surname: string;
  /** As sent, titles included when written together ("JOHNMR"). */
  givenNames: string;
  /** A title sent as a separate word ("ISABELLE MRS"). */
  title: string | null;
  type: TravellerType | null;
  /** Passenger type code as sent: A, C, IN, ... */
  typeCode: string | null;
  /** From the traveller's documents, or for an infant from its SSR INFT. */
  dateOfBirth: string | null;
  /** For an infant, the adult it travels with; for that adult, the infant. */
  infantOf: number | null;
  infant: number | null;
  /** Read from SSR INFT only: the reservation had no TIF for this infant. */
  fromInfantRequestOnly: boolean;
  documents: PnrTravelDocument[];
  visas: PnrVisa[];
  addresses: PnrAddress[];
  frequentFlyers: FrequentFlyer[];
  /** REF unique passenger references. */
  references: string[];
  /** FAR: passenger type and age used for the fare, fare basis. */
  fareBasis: string | null;
  age: number | null;
  tickets: PnrTicket[];
  seats: SeatAssignment[];
  bags: CheckedBags[];
  checkIns: CheckIn[];
}
