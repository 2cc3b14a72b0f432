import { countryCode } from '../names/countries.js';
import { airportCountry } from '../reference/airports.js';

/** Countries as ISO 3166 alpha-2 whatever the message wrote (GBR, GB, United Kingdom). */
const country = (value: string | null | undefined): string | null =>
  value ? (countryCode(value) ?? value.toUpperCase()) : null;

/** A flat record keyed by the rule catalogue's field keys (src/rules/catalogue.ts). */
export type SubjectRecord = Record<string, unknown>;

export interface TravelDocumentRow {
  type?: string | null;
  number?: string | null;
  issuingState?: string | null;
  expiryDate?: string | null;
}

/** What the subject loader reads for one API traveller, with the flight and the linked reservation. */
export interface TravellerRow {
  id: string;
  jurisdictionCode: string;
  flightId: string;
  role: string;
  surname: string;
  givenNames: string;
  sex: string | null;
  dateOfBirth: string | null;
  nationality: string | null;
  residence: string | null;
  placeOfBirth: string | null;
  embarkation: string | null;
  debarkation: string | null;
  seat: string | null;
  bags: { count?: number | null; weightKg?: number | null } | null;
  documents: TravelDocumentRow[];
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  departureUtc: string | null;
  arrivalUtc: string | null;
  departureLocal: string | null;
  direction: string;
  /** Airports of every leg the traveller flies, in order. */
  journeyAirports: string[];
  reservation: ReservationRow | null;
}

export interface ReservationRow {
  id: string;
  jurisdictionCode: string;
  recordLocator: string;
  owningCarrier: string;
  facts: {
    daysBookedBeforeDeparture?: number | null;
    hoursTicketedBeforeDeparture?: number | null;
    tripType?: string | null;
    tripLengthDays?: number | null;
    paidInCash?: boolean;
    paidByCardOfAnotherPerson?: boolean;
    travellerCount?: number;
    checkedBags?: number;
    checkedBagWeightKg?: number;
    routeCountries?: string[];
  };
  phones: string[];
  emails: string[];
  paymentKinds: string[];
  agency: string | null;
  remarks: string[];
  coTravellerCount: number;
  /** The reservation's first leg (reservation subject). */
  firstFlightId?: string | null;
  flight?: Pick<
    TravellerRow,
    'carrier' | 'flightNumber' | 'origin' | 'destination' | 'departureUtc' | 'arrivalUtc' | 'direction'
  > | null;
  /** Booked travellers not linked to an API traveller (those are screened as travellers). */
  bookedTravellers?: BookedTravellerRow[];
  airports?: string[];
}

/** A traveller booked in a reservation and reported on no passenger list. */
export interface BookedTravellerRow {
  sequence: number;
  surname: string;
  givenNames: string;
  dateOfBirth: string | null;
  documentNumber: string | null;
}

const DAY = 86_400_000;

/** Whole years between a date of birth and a day. */
export function ageOn(dateOfBirth: string | null, day: string | null): number | null {
  if (!dateOfBirth || !day) return null;
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number);
  const [dy, dm, dd] = day.slice(0, 10).split('-').map(Number);
  if (!by || !dy) return null;
  let age = dy - by;
  if (dm < bm || (dm === bm && dd < bd)) age--;
  return age;
}

function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / DAY);
}

const direction = (value: string) => (value === 'inbound' || value === 'outbound' ? value : 'other');

function countries(airports: readonly string[]): string[] {
  const found: string[] = [];
  for (const airport of airports) {
    const code = airportCountry(airport);
    if (code && found[found.length - 1] !== code) found.push(code);
  }
  return found;
}

function reservationFields(reservation: ReservationRow | null): SubjectRecord {
  const facts = reservation?.facts ?? {};
  return {
    'reservation.present': reservation !== null,
    'reservation.recordLocator': reservation?.recordLocator ?? null,
    'reservation.owningCarrier': reservation?.owningCarrier || null,
    'reservation.daysBookedBeforeDeparture': facts.daysBookedBeforeDeparture ?? null,
    'reservation.hoursTicketedBeforeDeparture': facts.hoursTicketedBeforeDeparture ?? null,
    'reservation.tripType': facts.tripType ?? null,
    'reservation.tripLengthDays': facts.tripLengthDays ?? null,
    'reservation.paidInCash': reservation ? (facts.paidInCash ?? false) : null,
    'reservation.paidByCardOfAnotherPerson': reservation ? (facts.paidByCardOfAnotherPerson ?? false) : null,
    'reservation.paymentTypes': reservation?.paymentKinds ?? [],
    'reservation.travellerCount': facts.travellerCount ?? null,
    'reservation.checkedBags': facts.checkedBags ?? null,
    'reservation.checkedBagWeightKg': facts.checkedBagWeightKg ?? null,
    'reservation.routeCountries': facts.routeCountries ?? [],
    'reservation.coTravellerCount': reservation?.coTravellerCount ?? null,
    'reservation.phones': reservation?.phones ?? [],
    'reservation.emails': reservation?.emails ?? [],
    'reservation.agency': reservation?.agency ?? null,
    'reservation.remarks': reservation?.remarks ?? [],
  };
}

/** An API traveller as rules see it: the traveller, the document, the flight, the journey and the reservation. */
export function travellerSubject(row: TravellerRow): SubjectRecord {
  const document = row.documents[0] ?? null;
  const day = row.departureUtc ?? row.departureLocal;
  return {
    'traveller.surname': row.surname,
    'traveller.givenNames': row.givenNames,
    'traveller.fullName': `${row.givenNames} ${row.surname}`.trim(),
    'traveller.sex': row.sex,
    'traveller.dateOfBirth': row.dateOfBirth,
    'traveller.age': ageOn(row.dateOfBirth, day),
    'traveller.nationality': country(row.nationality),
    'traveller.residence': country(row.residence),
    'traveller.placeOfBirth': row.placeOfBirth,
    'traveller.role': row.role,
    'traveller.embarkation': row.embarkation,
    'traveller.debarkation': row.debarkation,
    'traveller.seat': row.seat,
    'traveller.bagCount': row.bags?.count ?? null,
    'traveller.bagWeightKg': row.bags?.weightKg ?? null,
    'document.number': document?.number ?? null,
    'document.type': document?.type ?? null,
    'document.issuingState': country(document?.issuingState),
    'document.expiry': document?.expiryDate ?? null,
    'document.daysToExpiry': daysBetween(day, document?.expiryDate ?? null),
    'document.count': row.documents.length,
    ...flightFields(row),
    'journey.airports': row.journeyAirports,
    'journey.countries': countries(row.journeyAirports),
    ...reservationFields(row.reservation),
  };
}

function flightFields(flight: NonNullable<ReservationRow['flight']>): SubjectRecord {
  return {
    'flight.carrier': flight.carrier,
    'flight.number': `${flight.carrier}${flight.flightNumber}`,
    'flight.origin': flight.origin || null,
    'flight.destination': flight.destination || null,
    'flight.originCountry': flight.origin ? (airportCountry(flight.origin) ?? null) : null,
    'flight.destinationCountry': flight.destination ? (airportCountry(flight.destination) ?? null) : null,
    'flight.departureUtc': flight.departureUtc,
    'flight.arrivalUtc': flight.arrivalUtc,
    'flight.direction': direction(flight.direction),
  };
}

/** A reservation as rules see it: its facts, contacts and payment, with its first flight. */
export function reservationSubject(row: ReservationRow): SubjectRecord {
  const airports = row.airports ?? [];
  return {
    ...reservationFields(row),
    ...(row.flight ? flightFields(row.flight) : {}),
    'journey.airports': airports,
    'journey.countries': countries(airports),
  };
}

/**
 * A booked traveller on no passenger list, as traveller rules see them: what the reservation says
 * of the person (name, date of birth, document number), its first flight and journey, and the
 * reservation's fields. What only a passenger list gives (seat, bags, nationality) is unknown.
 */
export function bookedTravellerSubject(
  reservation: ReservationRow,
  booked: BookedTravellerRow,
): SubjectRecord {
  const airports = reservation.airports ?? [];
  const day = reservation.flight?.departureUtc ?? null;
  const documentNumber = booked.documentNumber;
  return {
    'traveller.surname': booked.surname,
    'traveller.givenNames': booked.givenNames,
    'traveller.fullName': `${booked.givenNames} ${booked.surname}`.trim(),
    'traveller.sex': null,
    'traveller.dateOfBirth': booked.dateOfBirth,
    'traveller.age': ageOn(booked.dateOfBirth, day),
    'traveller.nationality': null,
    'traveller.residence': null,
    'traveller.placeOfBirth': null,
    'traveller.role': 'passenger',
    'traveller.embarkation': airports[0] ?? null,
    'traveller.debarkation': airports.at(-1) ?? null,
    'traveller.seat': null,
    'traveller.bagCount': null,
    'traveller.bagWeightKg': null,
    'document.number': documentNumber,
    'document.type': null,
    'document.issuingState': null,
    'document.expiry': null,
    'document.daysToExpiry': null,
    'document.count': documentNumber ? 1 : 0,
    ...(reservation.flight ? flightFields(reservation.flight) : {}),
    'journey.airports': airports,
    'journey.countries': countries(airports),
    ...reservationFields(reservation),
  };
}
