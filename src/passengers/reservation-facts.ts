import { findAirport } from '../reference/airports.js';
import { foldName } from './itinerary.js';
import type { PnrReservation } from './pnrgov-model.js';

/** Facts derived once from a reservation, for targeting rules and for the analyst's eye. */
export interface ReservationFacts {
  /** Whole days from booking to the first departure. */
  daysBookedBeforeDeparture: number | null;
  /** Hours from ticketing to the first departure. */
  hoursTicketedBeforeDeparture: number | null;
  tripType: 'one-way' | 'return' | 'multi-city' | null;
  /** Days from the first departure to the last arrival (for a return trip: the stay). */
  tripLengthDays: number | null;
  paidInCash: boolean;
  /** A card whose holder is none of the travellers. */
  paidByCardOfAnotherPerson: boolean;
  travellerCount: number;
  checkedBags: number;
  checkedBagWeightKg: number;
  /** ISO 3166 alpha-2 countries of every airport of the itinerary, in order, without repeats. */
  routeCountries: string[];
  firstDepartureLocal: string | null;
  lastFlightDate: string | null;
}

const HOUR = 3_600_000;

/** Instants for arithmetic: UTC when known, else local wall-clock read as UTC (same zone on both sides). */
const instant = (value: string | null | undefined): number | null => {
  if (!value) return null;
  const time = Date.parse(
    /[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.length === 10 ? `${value}T00:00:00` : value}Z`,
  );
  return Number.isNaN(time) ? null : time;
};

export function reservationFacts(reservation: PnrReservation): ReservationFacts {
  const legs = reservation.itinerary.filter((leg) => leg.departureAirport || leg.arrivalAirport);
  const first = legs[0];
  const last = legs[legs.length - 1];
  const firstDeparture = instant(first?.departure?.utc ?? first?.departure?.local);
  const booked = instant(reservation.createdAt);
  const ticketed = instant(reservation.ticketedAt);
  const lastArrival = instant(last?.arrival?.utc ?? last?.arrival?.local ?? last?.departure?.local);

  let tripType: ReservationFacts['tripType'] = null;
  if (first && last) {
    if (legs.length > 1 && last.arrivalAirport === first.departureAirport) tripType = 'return';
    else if (legs.every((leg, i) => i === 0 || leg.departureAirport === legs[i - 1]!.arrivalAirport))
      tripType = 'one-way';
    else tripType = 'multi-city';
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

  const lastDate = last?.departure?.local ?? last?.arrival?.local ?? null;
  return {
    daysBookedBeforeDeparture:
      firstDeparture !== null && booked !== null ? Math.floor((firstDeparture - booked) / (24 * HOUR)) : null,
    hoursTicketedBeforeDeparture:
      firstDeparture !== null && ticketed !== null ? Math.round((firstDeparture - ticketed) / HOUR) : null,
    tripType,
    tripLengthDays:
      firstDeparture !== null && lastArrival !== null && legs.length > 1
        ? Math.round((lastArrival - firstDeparture) / (24 * HOUR))
        : legs.length === 1
          ? 0
          : null,
    paidInCash: reservation.payments.some((p) => p.kind === 'cash' && !p.previous),
    paidByCardOfAnotherPerson,
    travellerCount: reservation.travellers.length,
    checkedBags: bags.reduce(
      (sum, bag) => sum + (bag.count ?? bag.tags.reduce((n, tag) => n + (tag.consecutive ?? 1), 0)),
      0,
    ),
    checkedBagWeightKg: bags.reduce((sum, bag) => sum + (bag.weightKg ?? 0), 0),
    routeCountries: countries,
    firstDepartureLocal: first?.departure?.local ?? null,
    lastFlightDate: lastDate ? lastDate.slice(0, 10) : null,
  };
}
