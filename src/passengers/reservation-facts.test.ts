import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePnrgov } from '../../bench/pnrgov-generator.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { decodeEdifactBytes } from '../edifact/index.js';
import { countryCode } from '../names/countries.js';
import { findAirport } from '../reference/airports.js';
import { compileRule } from '../rules/compile.js';
import { reservationSubject } from './screening-subject-fields.js';
import { parsePnrgov } from './pnrgov.js';
import type { PnrReservation } from './pnrgov-model.js';
import { ageOn, reservationChecks, reservationFacts } from './reservation-facts.js';

const folder = new URL('../../test/fixtures/edifact/pnrgov/', import.meta.url);
const fixtures = readdirSync(folder).filter((file) => !file.endsWith('.md'));
const reservationsOf = (text: string) =>
  parsePnrgov(text).messages.flatMap((message) => message.reservations);
const fixture = (file: string) =>
  reservationsOf(decodeEdifactBytes(readFileSync(new URL(file, folder))).text);
const byLocator = (file: string, locator: string) => fixture(file).find((r) => r.recordLocator === locator)!;

const every: [string, PnrReservation][] = [
  ...fixtures.flatMap((file) => fixture(file).map((r): [string, PnrReservation] => [file, r])),
  ...Array.from({ length: 40 }, (_, index) =>
    reservationsOf(generatePnrgov(index, 4)).map((r): [string, PnrReservation] => [`generated ${index}`, r]),
  ).flat(),
];

describe('derived facts of every sample reservation', () => {
  it('are never negative, and an unknown one says why', () => {
    expect(every.length).toBeGreaterThan(150);
    for (const [source, reservation] of every) {
      const facts = reservationFacts(reservation);
      const where = `${source} ${reservation.recordLocator}`;
      for (const fact of [
        'daysBookedBeforeDeparture',
        'hoursTicketedBeforeDeparture',
        'tripLengthDays',
      ] as const) {
        const value = facts[fact];
        if (value === null) expect(facts.unknownBecause[fact], `${where} ${fact}`).toMatch(/\w/);
        else expect(value, `${where} ${fact}`).toBeGreaterThanOrEqual(0);
      }
      if (facts.tripType === null) expect(facts.unknownBecause.tripType, where).toMatch(/\w/);
      if (facts.firstDepartureLocal && facts.lastFlightDate)
        expect(facts.firstDepartureLocal.slice(0, 10) <= facts.lastFlightDate, where).toBe(true);
    }
  });

  it('a trip whose flights are out of date order has no type or length, with the reason', () => {
    // Legs of 2022, 2010 and 2013 in that order: it showed "Multi-city · -3,147 days" and
    // "Booked before departure 3,155 days" with a first departure after the last flight.
    const facts = reservationFacts(byLocator('modifyPnr77ForCodeShare.txt', 'W9TEND'));
    expect(facts).toMatchObject({ tripType: null, tripLengthDays: null, daysBookedBeforeDeparture: null });
    expect(facts.unknownBecause.tripLengthDays).toMatch(
      /not in date order: leg 2 departs at 2010-04-02 02:35 UTC, before leg 1 at 2022-01-11 19:00 UTC/,
    );
    expect(facts.firstDepartureLocal).toBe('2010-04-01T22:35:00');
    expect(facts.lastFlightDate).toBe('2022-01-11');
    // One-way shown with "-1 day": the third leg departs before the first two.
    expect(reservationFacts(byLocator('bigbigPnr.txt', 'BGXFR4'))).toMatchObject({
      tripType: null,
      tripLengthDays: null,
    });
  });

  it('a ticket issued after the first departure is not "ticketed -23 hours before"', () => {
    const facts = reservationFacts(byLocator('pnrWithBags.txt', '1268D0'));
    expect(facts.hoursTicketedBeforeDeparture).toBeNull();
    expect(facts.unknownBecause.hoursTicketedBeforeDeparture).toMatch(
      /issued \(2018-09-28\) after the first departure/,
    );
    expect(facts.daysBookedBeforeDeparture).toBe(31);
  });

  it('a rule on a derived fact does not match when the fact is unknown', () => {
    const lateTicketing = compileRule(
      {
        field: 'reservation.hoursTicketedBeforeDeparture',
        operator: 'lessThan',
        value: 24,
      },
      'reservation',
    );
    const subject = (reservation: PnrReservation) =>
      reservationSubject({
        id: 'r',
        jurisdictionCode: 'BA',
        recordLocator: reservation.recordLocator ?? '',
        owningCarrier: reservation.owningCarrier ?? '',
        facts: reservationFacts(reservation),
        phones: [],
        emails: [],
        paymentKinds: [],
        agency: null,
        remarks: [],
        coTravellerCount: 0,
      });
    expect(lateTicketing.test(subject(byLocator('pnrWithBags.txt', '1268D0')))).toBe(false);
    const lastMinute = byLocator('pnrWithDoco.txt', '06A9FD');
    const ticketedAt = new Date(Date.parse(`${lastMinute.itinerary[0]!.departure!.local}Z`) - 5 * 3_600_000);
    expect(
      lateTicketing.test(subject({ ...lastMinute, ticketedAt: ticketedAt.toISOString().slice(0, 19) })),
    ).toBe(true);
  });
});

describe('ages and codes beside the reservation', () => {
  it('counts the age from the date of birth on the first departure, or today without a flight', () => {
    expect(ageOn('1980-07-04', '2013-05-28')).toEqual({ value: 32 });
    expect(ageOn('1980-05-28', '2013-05-28')).toEqual({ value: 33 });
    expect(ageOn('2019-03-09', '2019-03-08').value).toBeNull();
    expect(ageOn('2019-02-30', '2020-01-01').unknownBecause).toMatch(/not a valid date/);
    const reservation = byLocator('3_pnrs.edi', 'W9TEND');
    expect(reservationChecks(reservation, new Date()).travellerAges).toEqual([
      { sequence: 1, age: 32, on: '2013-05-28', onFirstDeparture: true },
    ]);
    const today = new Date('2026-12-04T10:00:00Z');
    const [age] = reservationChecks({ ...reservation, itinerary: [] }, today).travellerAges;
    expect(age).toMatchObject({ age: 46, on: '2026-12-04', onFirstDeparture: false });
  });

  it('every traveller with a date of birth gets an age or the reason there is none', () => {
    for (const [source, reservation] of every)
      for (const age of reservationChecks(reservation, new Date()).travellerAges) {
        const traveller = reservation.travellers.find((t) => t.sequence === age.sequence)!;
        if (traveller.dateOfBirth) expect(age.age ?? age.unknownBecause, source).not.toBeUndefined();
        if (age.age !== null) expect(age.age).toBeGreaterThanOrEqual(0);
      }
  });

  it('names every country and airport code outside the reference lists', () => {
    for (const [source, reservation] of every) {
      const unlisted = reservationChecks(reservation, new Date()).unlistedCodes;
      const flagged = (kind: string, code: string | null) =>
        unlisted.some((found) => found.kind === kind && found.code === code);
      for (const traveller of reservation.travellers)
        for (const document of traveller.documents)
          for (const code of [document.nationality, document.issuingCountry])
            if (code)
              expect(flagged('country', code), `${source} ${code}`).toBe(countryCode(code) === undefined);
      for (const leg of reservation.itinerary)
        for (const code of [leg.departureAirport, leg.arrivalAirport])
          if (code) expect(flagged('airport', code), `${source} ${code}`).toBe(findAirport(code) === null);
    }
    const zero = reservationChecks(byLocator('bigbigPnr.txt', 'BGXFR4'), new Date()).unlistedCodes;
    expect(zero).toContainEqual({ kind: 'country', code: '0', where: 'traveller 1, document nationality' });
  });
});

describe.each(databaseTargets)('every sample reservation taken in, on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
    for (const file of fixtures)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: { ...admin, 'content-type': 'application/octet-stream' },
        payload: readFileSync(new URL(file, folder)),
      });
  });
  afterAll(() => t.close());

  it('shows no negative fact and no code outside the reference lists as valid', async () => {
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reservations?pageSize=500', headers: admin })
    ).json();
    expect(list.total).toBeGreaterThan(100);
    for (const item of list.items) {
      for (const fact of ['daysBookedBeforeDeparture', 'hoursTicketedBeforeDeparture', 'tripLengthDays'])
        if (item.facts[fact] !== null)
          expect(item.facts[fact], `${item.recordLocator} ${fact}`).toBeGreaterThanOrEqual(0);
      const detail = (
        await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${item.id}`, headers: admin })
      ).json();
      const unlisted = new Set(
        detail.checks.unlistedCodes.map(
          (found: { kind: string; code: string }) => `${found.kind}:${found.code}`,
        ),
      );
      const data = detail.reservation.data as PnrReservation;
      for (const traveller of data.travellers)
        for (const document of traveller.documents)
          for (const code of [document.nationality, document.issuingCountry])
            if (code && countryCode(code) === undefined)
              expect(unlisted.has(`country:${code}`), `${item.recordLocator} ${code}`).toBe(true);
      for (const age of detail.checks.travellerAges)
        if (age.age !== null) expect(age.age).toBeGreaterThanOrEqual(0);
    }
  });
});
