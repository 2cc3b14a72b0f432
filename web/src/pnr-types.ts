/**
 * A reservation as the PNRGOV parser reads it (IATA/WCO/ICAO PNRGOV), as the web UI shows it. A
 * mirror of the server's model (src/passengers/pnrgov-model.ts, pnrgov-traveller-model.ts); only
 * the parts the screens show are listed. Depersonalised data keeps this shape with "•••" in place
 * of personal strings and empty personal lists.
 */
/** A local or system date-time as sent ("2018-05-11T14:20:00"), with UTC when the zone is known. */
export interface PnrDateTime {
  local: string;
  utc: string | null;
}

export interface PnrOriginator {
  company: string | null;
  companyLocation: string | null;
  iataNumber: string | null;
  officeId: string | null;
  location: string | null;
  systemCompany: string | null;
  systemLocation: string | null;
  originatorType: string | null;
  country: string | null;
  currency: string | null;
  language: string | null;
  agentSign: string | null;
}

export interface RecordLocator {
  company: string | null;
  locator: string;
  controlType: string | null;
  createdAt: string | null;
}

export interface ItineraryLeg {
  sequence: number;
  marketingCarrier: string | null;
  flightNumber: string | null;
  operatingCarrier: string | null;
  operatingFlightNumber: string | null;
  codeshare: boolean;
  departureAirport: string | null;
  arrivalAirport: string | null;
  departure: PnrDateTime | null;
  arrival: PnrDateTime | null;
  bookingClass: string | null;
  status: string | null;
  seatCount: number | null;
  aircraftType: string | null;
  isPushFlight: boolean;
}

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
  text: string | null;
  travellerSequence: number | null;
  legSequence: number | null;
}

export interface Remark {
  typeCode: string | null;
  kind: 'other-service-information' | 'sponsor' | 'fare-calculation' | 'other';
  company: string | null;
  text: string;
  travellerSequence: number | null;
  legSequence: number | null;
}

export interface HistoryEntry {
  creatorType: string | null;
  agent: string | null;
  location: string | null;
  company: string | null;
  at: string | null;
  changes: {
    actionCode: string | null;
    action: 'added' | 'cancelled' | 'changed' | 'other' | null;
    items: { tag: string; summary: string }[];
  }[];
}

export interface PnrTravelDocument {
  type: string | null;
  number: string | null;
  issuingCountry: string | null;
  nationality: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  infant: boolean;
  expiryDate: string | null;
  surname: string | null;
  givenNames: string | null;
  text: string;
}

export interface PnrVisa {
  placeOfBirth: string | null;
  type: string | null;
  number: string | null;
  placeOfIssue: string | null;
  issueDate: string | null;
  applicableCountry: string | null;
  infant: boolean;
  text: string;
}

export interface PnrAddress {
  purposeCode: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  text: string;
  source: string;
  travellerSequence: number | null;
}

export type PhoneType = 'mobile' | 'home' | 'business' | 'agency' | 'fax' | 'other' | 'unspecified';

export interface PnrPhone {
  type: PhoneType;
  typeCode: string | null;
  number: string;
  city: string | null;
  note: string | null;
  text: string;
  source: string;
  travellerSequence: number | null;
}

export interface PnrEmail {
  address: string;
  text: string;
  source: string;
  travellerSequence: number | null;
}

export interface PnrTicket {
  number: string | null;
  documentType: string | null;
  amounts: { qualifier: string; amount: number | null; amountText: string; currency: string | null }[];
  taxes: { amount: number | null; amountText: string; currency: string | null; code: string | null }[];
  pricingIndicator: string | null;
  validatingCarrier: string | null;
  issuePlace: string | null;
  issuedAt: string | null;
}

export type PaymentKind = 'card' | 'cash' | 'cheque' | 'miscellaneous' | 'government' | 'invoice' | 'other';

export interface PnrPayment {
  type: string;
  kind: PaymentKind;
  previous: boolean;
  amount: number | null;
  amountText: string | null;
  cardVendor: string | null;
  cardNumber: string | null;
  accountNumber: string | null;
  cardExpiryText: string | null;
  cardExpiry: string | null;
  sponsorName: string | null;
  cardHolder: string | null;
  sponsorAddress: string | null;
  sponsorPhone: string | null;
  travellerSequence: number | null;
  ticketNumber: string | null;
}

export interface BagTag {
  carrier: string | null;
  number: string;
  consecutive: number | null;
  destination: string | null;
  numbers: string[];
}

export interface CheckedBags {
  legSequence: number;
  count: number | null;
  weight: number | null;
  weightUnit: 'kg' | 'lb' | null;
  weightKg: number | null;
  pool: 'head' | 'member' | null;
  poolReference: string | null;
  tags: BagTag[];
}

export type TravellerType = 'adult' | 'child' | 'infant' | 'other';

export interface PnrTraveller {
  sequence: number;
  reference: string | null;
  surname: string;
  givenNames: string;
  title: string | null;
  type: TravellerType | null;
  typeCode: string | null;
  dateOfBirth: string | null;
  infantOf: number | null;
  infant: number | null;
  fromInfantRequestOnly: boolean;
  documents: PnrTravelDocument[];
  visas: PnrVisa[];
  addresses: PnrAddress[];
  frequentFlyers: { carrier: string | null; number: string; tier: string | null }[];
  references: string[];
  fareBasis: string | null;
  age: number | null;
  tickets: PnrTicket[];
  seats: { legSequence: number; seat: string; source: 'booking' | 'check-in'; cabinClass: string | null }[];
  bags: CheckedBags[];
  checkIns: { legSequence: number; sequence: string | null; checkedInAt: string | null }[];
}

export interface PnrReservation {
  recordLocator: string | null;
  owningCarrier: string | null;
  recordLocators: RecordLocator[];
  createdAt: string | null;
  lastModifiedAt: string | null;
  ticketedAt: string | null;
  bookingOffice: PnrOriginator | null;
  groupName: string | null;
  travellers: PnrTraveller[];
  itinerary: ItineraryLeg[];
  contacts: { phones: PnrPhone[]; emails: PnrEmail[]; addresses: PnrAddress[] };
  payments: PnrPayment[];
  serviceRequests: SpecialServiceRequest[];
  remarks: Remark[];
  split: { count: number | null; recordLocators: RecordLocator[] } | null;
  excessBaggage: { count: number | null; amount: number | null; currency: string | null }[];
  otherServices: OtherService[];
  history: HistoryEntry[];
  historyText: string[];
}
