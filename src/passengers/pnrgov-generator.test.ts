import { describe, expect, it } from 'vitest';
import { generatePnrgov } from '../../bench/pnrgov-generator.js';
import { parsePnrgov } from './pnrgov.js';

describe('the benchmark generator writes PNRGOV that parses cleanly', () => {
  it('is deterministic', () => {
    expect(generatePnrgov(5, 4)).toBe(generatePnrgov(5, 4));
    expect(generatePnrgov(5, 4)).not.toBe(generatePnrgov(6, 4));
  });

  it('parses without an error or a warning, with everything the samples have', () => {
    const reservations = [];
    for (let index = 0; index < 40; index++) {
      const result = parsePnrgov(generatePnrgov(index, 12));
      expect(result.errors, `message ${index}`).toEqual([]);
      expect(result.warnings, `message ${index}`).toEqual([]);
      expect(result.messages[0]).toMatchObject({
        version: '13.1',
        pushKind: 'full',
        declaredReservationCount: 12,
      });
      expect(result.messages[0].reservations).toHaveLength(12);
      reservations.push(...result.messages[0].reservations);
    }
    const travellers = reservations.flatMap((reservation) => reservation.travellers);
    const legs = reservations.flatMap((reservation) => reservation.itinerary);
    const sizes = reservations.map(
      (reservation) => reservation.travellers.filter((t) => t.type === 'adult').length,
    );
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
    const infants = travellers.filter((traveller) => traveller.type === 'infant');
    expect(infants.length).toBeGreaterThan(0);
    expect(infants.every((infant) => infant.infantOf !== null && infant.documents[0]?.infant)).toBe(true);
    expect(legs.some((leg) => leg.codeshare && leg.operatingFlightNumber)).toBe(true);
    expect(legs.every((leg) => leg.departure?.utc && leg.arrival?.utc)).toBe(true);
    expect(new Set(legs.map((leg) => leg.arrivalAirport))).toEqual(
      new Set(['SJJ', 'BEG', 'SKP', 'TGD', 'TIV', 'PRN', 'TIA', 'IST', 'VIE', 'FRA', 'DXB']),
    );
    expect(reservations.every((reservation) => reservation.itinerary.some((leg) => leg.isPushFlight))).toBe(
      true,
    );
    const adults = travellers.filter((traveller) => traveller.type === 'adult');
    expect(
      adults.every((traveller) => traveller.documents.length === 1 && traveller.tickets.length === 1),
    ).toBe(true);
    expect(adults.every((traveller) => traveller.seats.some((seat) => seat.source === 'check-in'))).toBe(
      true,
    );
    expect(
      travellers.some((traveller) => traveller.bags.some((bags) => bags.tags[0]?.numbers.length === 2)),
    ).toBe(true);
    const payments = reservations.flatMap((reservation) => reservation.payments);
    expect(
      payments
        .filter((payment) => payment.kind === 'card')
        .every((payment) => payment.cardHolder && /^[\dX]{16}$/.test(payment.cardNumber ?? '')),
    ).toBe(true);
    expect(
      reservations.every(
        (reservation) =>
          reservation.contacts.emails.length > 0 &&
          reservation.contacts.phones.some((phone) => phone.type === 'mobile'),
      ),
    ).toBe(true);
  });
});
