import { countryCode } from '../names/countries.js';
import { findAirport } from '../reference/airports.js';
import { foldName } from './itinerary.js';
import type { ItineraryLeg, PnrReservation } from './pnrgov-model.js';
import { MASK } from './reservation-privacy.js';

/** The derived facts that the data may not allow: each is null then, with the reason in `unknownBecause`. */
export type UncertainFact =
  'daysBookedBeforeDeparture' | 'hoursTicketedBeforeDeparture' | 'tripType' | 'tripLengthDays';

/** Facts derived once from a reservation, for targeting rules and for the analyst's eye. */
export interface ReservationFacts {
  /** Whole days from booking to the first departure; never negative. */
  daysBookedBeforeDeparture: number | null;
  /** Hours from ticketing to the first departure; never negative. */
  hoursTicketedBeforeDeparture: number | null;
  tripType: 'one-way' | 'return' | 'multi-city' | null;
  /** Days from the first departure to the last arrival (for a return trip: the stay); never negative. */
  tripLengthDays: number | null;
  /** Why a fact above is unknown (null), in words an analyst reads as they are. */
  unknownBecause: Partial<Record<UncertainFact, string>>;
  paidInCash: boolean;
  /** A card whose holder is none of the travellers. */
  paidByCardOfAnotherPerson: boolean;
  travellerCount: number;
  checkedBags: number;
  checkedBagWeightKg: number;
  /** ISO 3166 alpha-2 countries of every airport of the itinerary, in order, without repeats. */
  routeCountries: string[];
  /** The earliest departure of the itinerary (local time of its airport). */
  firstDepartureLocal: string | null;
  /** The date of the latest flight: retention periods count from it. */
  lastFlightDate: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Airlines sell seats at most about a year ahead: a booking made earlier means a wrong date. */
const MAX_DAYS_BOOKED_AHEAD = 400;
const OLDEST_AGE = 125;

/**
 * Instants for arithmetic: UTC when known, else local wall-clock read as UTC (same zone on both
 * sides). Null for a value that is not a real calendar date ("2019-02-30", a mask).
 */
export function instant(value: string | null | undefined): number | null {
  if (!value) return null;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!date) return null;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  )
    return null;
  const time = Date.parse(
    /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.length === 10 ? `${value}T00:00:00` : value}Z`,
  );
  return Number.isNaN(time) ? null : time;
}

const departureOf = (leg: ItineraryLeg) => instant(leg.departure?.utc ?? leg.departure?.local);
const dateOf = (value: string | null | undefined) => (value ? value.slice(0, 10) : '?');
/** "2020-02-21 23:20 UTC", or in local time when the airport's time zone is not known. */
const departureText = (leg: ItineraryLeg) =>
  leg.departure?.utc
    ? `${leg.departure.utc.slice(0, 16).replace('T', ' ')} UTC`
    : `${(leg.departure?.local ?? '?').slice(0, 16).replace('T', ' ')} local time`;

/** Legs that fly somewhere, in the reservation's order. */
const flownLegs = (reservation: PnrReservation) =>
  reservation.itinerary
    .filter((leg) => leg.departureAirport || leg.arrivalAirport)
    .sort((a, b) => a.sequence - b.sequence);

/** Why the itinerary's dates contradict its order, or null when they follow it. */
function disorder(legs: ItineraryLeg[]): string | null {
  let previous: { leg: ItineraryLeg; time: number } | null = null;
  for (const leg of legs) {
    const time = departureOf(leg);
    if (time === null) continue;
    if (previous && time < previous.time)
      return (
        `the flights are not in date order: leg ${leg.sequence} departs at ${departureText(leg)}, ` +
        `before leg ${previous.leg.sequence} at ${departureText(previous.leg)}`
      );
    previous = { leg, time };
  }
  return null;
}

function tripTypeOf(legs: ItineraryLeg[]): NonNullable<ReservationFacts['tripType']> {
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  if (legs.length > 1 && last.arrivalAirport === first.departureAirport) return 'return';
  if (legs.every((leg, i) => i === 0 || leg.departureAirport === legs[i - 1]!.arrivalAirport))
    return 'one-way';
  return 'multi-city';
}

/** The earliest and the latest dated legs: what "first departure" and "last flight" mean. */
function datedExtremes(legs: ItineraryLeg[]) {
  let first: { leg: ItineraryLeg; time: number } | null = null;
  let last: { leg: ItineraryLeg; time: number } | null = null;
  for (const leg of legs) {
    const time = departureOf(leg);
    if (time === null) continue;
    if (!first || time < first.time) first = { leg, time };
    if (!last || time >= last.time) last = { leg, time };
  }
  return { first, last };
}

/** The date of the reservation's latest dated flight, which retention periods count from; null without one. */
export function lastFlightDateOf(reservation: PnrReservation): string | null {
  const { last } = datedExtremes(flownLegs(reservation));
  return last?.leg.departure?.local.slice(0, 10) ?? null;
}

export function reservationFacts(reservation: PnrReservation): ReservationFacts {
  const legs = flownLegs(reservation);
  const unknownBecause: ReservationFacts['unknownBecause'] = {};
  const { first, last } = datedExtremes(legs);
  const firstDeparture = first?.time ?? null;
  const noDeparture =
    legs.length === 0 ? 'the reservation has no flight' : 'no flight has a valid departure date';

  let daysBookedBeforeDeparture: number | null = null;
  const booked = instant(reservation.createdAt);
  if (firstDeparture === null) unknownBecause.daysBookedBeforeDeparture = noDeparture;
  else if (booked === null)
    unknownBecause.daysBookedBeforeDeparture = reservation.createdAt
      ? `the booking date ${reservation.createdAt} is not a valid date`
      : 'the reservation has no booking date';
  else if (booked > firstDeparture)
    unknownBecause.daysBookedBeforeDeparture = `the reservation was created (${dateOf(reservation.createdAt)}) after its first departure (${dateOf(first!.leg.departure?.local)})`;
  else {
    const days = Math.floor((firstDeparture - booked) / DAY);
    if (days > MAX_DAYS_BOOKED_AHEAD)
      unknownBecause.daysBookedBeforeDeparture = `booked ${days} days before the first departure, more than airlines sell ahead: a date is wrong`;
    else daysBookedBeforeDeparture = days;
  }

  let hoursTicketedBeforeDeparture: number | null = null;
  const ticketed = instant(reservation.ticketedAt);
  if (firstDeparture === null) unknownBecause.hoursTicketedBeforeDeparture = noDeparture;
  else if (ticketed === null)
    unknownBecause.hoursTicketedBeforeDeparture = reservation.ticketedAt
      ? `the ticketing date ${reservation.ticketedAt} is not a valid date`
      : 'the reservation has no ticketing date';
  else if (ticketed > firstDeparture)
    unknownBecause.hoursTicketedBeforeDeparture = `the ticket was issued (${dateOf(reservation.ticketedAt)}) after the first departure (${dateOf(first!.leg.departure?.local)}): reissued, or a date is wrong`;
  else hoursTicketedBeforeDeparture = Math.round((firstDeparture - ticketed) / HOUR);

  let tripType: ReservationFacts['tripType'] = null;
  let tripLengthDays: number | null = null;
  const outOfOrder = disorder(legs);
  if (legs.length === 0)
    unknownBecause.tripType = unknownBecause.tripLengthDays = 'the reservation has no flight';
  else if (outOfOrder) unknownBecause.tripType = unknownBecause.tripLengthDays = outOfOrder;
  else {
    tripType = tripTypeOf(legs);
    const start = departureOf(legs[0]!);
    const lastLeg = legs[legs.length - 1]!;
    const lastDeparture = departureOf(lastLeg);
    const lastArrival = instant(lastLeg.arrival?.utc ?? lastLeg.arrival?.local);
    // An arrival written before its own departure (local times across zones, or a slip) says nothing.
    const end =
      lastArrival !== null && (lastDeparture === null || lastArrival >= lastDeparture)
        ? lastArrival
        : lastDeparture;
    if (legs.length === 1) tripLengthDays = 0;
    else if (start === null) unknownBecause.tripLengthDays = 'the first flight has no valid departure date';
    else if (end === null) unknownBecause.tripLengthDays = 'the last flight has no valid date';
    else if (end < start) unknownBecause.tripLengthDays = 'the last flight departs before the first';
    else tripLengthDays = Math.round((end - start) / DAY);
  }

  const travellerNames = reservation.travellers.map((t) => foldName(`${t.surname} ${t.givenNames}`));
  const cards = reservation.payments.filter((p) => p.kind === 'card' && !p.previous);
  const paidByCardOfAnotherPerson = cards.some((card) => {
    if (!card.cardHolder) return false;
    const holder = foldName(card.cardHolder)
      .split(' ')
      .filter((part) => part.length > 1);
    return !travellerNames.some((name) => holder.some((part) => name.split(' ').includes(part)));
  });

  const bags = reservation.travellers.flatMap((t) => t.bags);
  const countries: string[] = [];
  for (const leg of legs)
    for (const airport of [leg.departureAirport, leg.arrivalAirport]) {
      const country = airport ? findAirport(airport)?.countryAlpha2 : undefined;
      if (country && countries[countries.length - 1] !== country) countries.push(country);
    }

  return {
    daysBookedBeforeDeparture,
    hoursTicketedBeforeDeparture,
    tripType,
    tripLengthDays,
    unknownBecause,
    paidInCash: reservation.payments.some((p) => p.kind === 'cash' && !p.previous),
    paidByCardOfAnotherPerson,
    travellerCount: reservation.travellers.length,
    checkedBags: bags.reduce(
      (sum, bag) => sum + (bag.count ?? bag.tags.reduce((n, tag) => n + (tag.consecutive ?? 1), 0)),
      0,
    ),
    checkedBagWeightKg: bags.reduce((sum, bag) => sum + (bag.weightKg ?? 0), 0),
    routeCountries: countries,
    firstDepartureLocal: first?.leg.departure?.local ?? null,
    lastFlightDate: last?.leg.departure?.local.slice(0, 10) ?? null,
  };
}

/** A traveller's age in whole years on a day, or why it cannot be told. */
export function ageOn(
  dateOfBirth: string | null | undefined,
  day: string,
): { value: number | null; unknownBecause?: string } {
  if (!dateOfBirth) return { value: null, unknownBecause: 'no date of birth' };
  if (dateOfBirth.includes(MASK))
    return { value: null, unknownBecause: 'the date of birth is depersonalised' };
  if (instant(dateOfBirth) === null)
    return { value: null, unknownBecause: `the date of birth ${dateOfBirth} is not a valid date` };
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 0)
    return { value: null, unknownBecause: `the date of birth ${dateOfBirth} is after ${day.slice(0, 10)}` };
  if (age > OLDEST_AGE)
    return {
      value: null,
      unknownBecause: `the date of birth ${dateOfBirth} gives an age over ${OLDEST_AGE}`,
    };
  return { value: age };
}

export interface TravellerAge {
  sequence: number;
  age: number | null;
  /** The day the age is counted on: the first departure, or today when the reservation has no dated flight. */
  on: string;
  onFirstDeparture: boolean;
  unknownBecause?: string;
}

/** A code of the reservation that is not in the reference lists (src/names/countries.ts, src/reference). */
export interface UnlistedCode {
  kind: 'country' | 'airport';
  code: string;
  /** Where it was sent, e.g. "traveller 2, document nationality", "leg 3, arrival airport". */
  where: string;
}

const isCountry = (code: string) => countryCode(code.trim()) !== undefined;

/** Codes shown as countries or airports that the reference lists do not hold: shown as invalid, never as places. */
export function unlistedCodes(reservation: PnrReservation): UnlistedCode[] {
  const found: UnlistedCode[] = [];
  const country = (code: string | null | undefined, where: string) => {
    if (code && !code.includes(MASK) && !isCountry(code)) found.push({ kind: 'country', code, where });
  };
  const airport = (code: string | null | undefined, where: string) => {
    if (code && !findAirport(code)) found.push({ kind: 'airport', code, where });
  };
  country(reservation.bookingOffice?.country, 'booking office');
  for (const traveller of reservation.travellers) {
    for (const document of traveller.documents ?? []) {
      country(document.issuingCountry, `traveller ${traveller.sequence}, document issuing country`);
      country(document.nationality, `traveller ${traveller.sequence}, document nationality`);
    }
    for (const visa of traveller.visas ?? [])
      country(visa.applicableCountry, `traveller ${traveller.sequence}, visa country`);
  }
  for (const leg of reservation.itinerary) {
    airport(leg.departureAirport, `leg ${leg.sequence}, departure airport`);
    airport(leg.arrivalAirport, `leg ${leg.sequence}, arrival airport`);
  }
  return found;
}

/**
 * What the reservation page shows beside the data and cannot be stored with it: each traveller's
 * age (on the first departure, or on `today` without a dated flight) and the codes outside the
 * reference lists.
 */
export function reservationChecks(reservation: PnrReservation, today: Date) {
  const { first } = datedExtremes(flownLegs(reservation));
  const onFirstDeparture = first !== null;
  const on = first ? first.leg.departure!.local.slice(0, 10) : today.toISOString().slice(0, 10);
  const travellerAges: TravellerAge[] = reservation.travellers.map((traveller) => {
    const dateOfBirth = traveller.dateOfBirth ?? traveller.documents?.find((d) => d.dateOfBirth)?.dateOfBirth;
    const age = ageOn(dateOfBirth, on);
    return {
      sequence: traveller.sequence,
      age: age.value,
      on,
      onFirstDeparture,
      ...(age.unknownBecause ? { unknownBecause: age.unknownBecause } : {}),
    };
  });
  return { travellerAges, unlistedCodes: unlistedCodes(reservation) };
}
