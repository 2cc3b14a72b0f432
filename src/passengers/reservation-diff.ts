import type { PnrReservation } from './pnrgov-model.js';

export interface ReservationChange {
  /** What part of the booking changed. */
  area:
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
  change: 'added' | 'removed';
  /** A readable value, e.g. "SMITH/JOHN", "+38761123456", "JU500 BEG-SJJ 2026-05-01", "12A on leg 1". */
  value: string;
}

/** Each part of a reservation as a set of readable values, so that two versions compare as sets. */
function facets(reservation: PnrReservation): Map<ReservationChange['area'], Set<string>> {
  const name = (sequence: number | null) => {
    const traveller = reservation.travellers.find((t) => t.sequence === sequence);
    return traveller ? `${traveller.surname}/${traveller.givenNames}` : '';
  };
  const facets = new Map<ReservationChange['area'], Set<string>>([
    ['traveller', new Set(reservation.travellers.map((t) => `${t.surname}/${t.givenNames}`))],
    ['phone', new Set(reservation.contacts.phones.map((p) => p.number))],
    ['email', new Set(reservation.contacts.emails.map((e) => e.address))],
    ['address', new Set(reservation.contacts.addresses.map((a) => a.text))],
    [
      'itinerary',
      new Set(
        reservation.itinerary.map((leg) =>
          `${leg.marketingCarrier ?? ''}${leg.flightNumber ?? ''} ${leg.departureAirport ?? '?'}-${leg.arrivalAirport ?? '?'} ${leg.departure?.local ?? ''}`.trim(),
        ),
      ),
    ],
    [
      'payment',
      new Set(
        reservation.payments.map((p) =>
          [p.type, p.cardVendor, p.cardNumber, p.cardHolder].filter(Boolean).join(' '),
        ),
      ),
    ],
    ['remark', new Set(reservation.remarks.map((r) => r.text))],
    ['seat', new Set<string>()],
    ['bags', new Set<string>()],
    ['ticket', new Set<string>()],
  ]);
  for (const traveller of reservation.travellers) {
    const who = name(traveller.sequence);
    for (const seat of traveller.seats)
      facets.get('seat')!.add(`${who} ${seat.seat} on leg ${seat.legSequence}`);
    for (const bag of traveller.bags)
      facets
        .get('bags')!
        .add(
          `${who} ${bag.count ?? '?'} bags${bag.weightKg ? ` ${bag.weightKg} kg` : ''} on leg ${bag.legSequence}`,
        );
    for (const ticket of traveller.tickets)
      if (ticket.number) facets.get('ticket')!.add(`${who} ${ticket.number}`);
  }
  return facets;
}

/** What a newer push changed: values added and removed, part by part. */
export function diffReservations(before: PnrReservation, after: PnrReservation): ReservationChange[] {
  const old = facets(before);
  const changes: ReservationChange[] = [];
  for (const [area, values] of facets(after)) {
    const previous = old.get(area)!;
    for (const value of values) if (!previous.has(value)) changes.push({ area, change: 'added', value });
    for (const value of previous) if (!values.has(value)) changes.push({ area, change: 'removed', value });
  }
  return changes;
}
