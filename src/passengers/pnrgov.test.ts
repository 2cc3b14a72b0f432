import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePnrgov } from './pnrgov.js';
import type { PnrReservation } from './pnrgov-model.js';

const parseFixture = (file: string) =>
  parsePnrgov(
    decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/pnrgov/${file}`, import.meta.url)))
      .text,
  );
const codes = (issues: { code?: string }[]) => issues.map((issue) => issue.code);
const names = (reservation: PnrReservation) =>
  reservation.travellers.map((traveller) => `${traveller.surname}/${traveller.givenNames}`);

describe('parsePnrgov on the implementation guide example (DL324 LHR-JFK-YVR, 10.1)', () => {
  const result = parseFixture('2_pnrs_basic.edi');
  const [message] = result.messages;
  const [split, renamed] = message.reservations;

  it('reads the push: sender, flight, version, two reservations', () => {
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      sender: 'DL',
      preparedAt: '2010-12-09T21:00:00',
      interchangeReference: '020A07',
    });
    expect(message).toMatchObject({
      version: '10.1',
      messageFunction: '22',
      pushKind: 'full',
      accessReference: 'F6C2C268',
      sender: { company: 'DL', companyLocation: 'ATL', iataNumber: '52519950' },
      flight: {
        carrier: 'DL',
        flightNumber: '324',
        departureAirport: 'LHR',
        arrivalAirport: 'JFK',
        departure: { local: '2010-12-12T09:15:00', utc: '2010-12-12T09:15:00.000Z' },
      },
      declaredReservationCount: 2,
    });
    expect(message.reservations.map((reservation) => reservation.recordLocator)).toEqual(['MFN4TI', '23456']);
    // The only warning is the envelope's: UNT counts 135 segments for 134.
    expect(codes(result.warnings)).toEqual(['unt-count-mismatch']);
  });

  it('PNR 1: dates, booking office, split, hotel, contacts and the sponsor who paid by card', () => {
    expect(split).toMatchObject({
      owningCarrier: 'DL',
      lastModifiedAt: '2010-12-06T10:10:00',
      ticketedAt: '2010-12-06T12:00:00',
      bookingOffice: {
        company: 'DL',
        iataNumber: '52519950',
        officeId: 'LON',
        originatorType: 'A',
        country: 'GB',
        currency: 'GBP',
        agentSign: 'D050517',
      },
      split: { count: 1, recordLocators: [{ company: 'DL', locator: 'ABCDEF' }] },
      otherServices: [
        {
          kind: 'hotel',
          businessFunction: '8',
          start: '2010-12-12T15:00:00',
          end: '2010-12-15',
          location: 'YVR',
          name: 'VANCOUVER ARMS',
          provider: 'VN',
        },
      ],
      excessBaggage: [{ count: 4, amount: 40, currency: 'GBP' }],
      warnings: [],
    });
    expect(names(split)).toEqual(['SMITHJR/JOHNMR', 'JONES/WILLIAMMR']);
    expect(split.contacts.phones.map((phone) => [phone.type, phone.number, phone.source])).toEqual([
      ['other', '00115555555555', 'OSI'],
      ['unspecified', '00441753637285', 'ADD'],
      ['unspecified', '7705632891', 'sponsor'],
      ['unspecified', '7705632891', 'sponsor'],
    ]);
    // "45 HIGH" and "STREET" were one value wrapped over two lines.
    expect(split.contacts.addresses[0]).toMatchObject({
      purposeCode: '702',
      street: '45 HIGHSTREET',
      city: 'SLOUGH',
      region: 'BERKSHIRE',
      postalCode: 'SL1AA',
      country: 'GB',
    });
    expect(split.payments).toEqual([
      expect.objectContaining({
        type: 'CC',
        kind: 'card',
        cardVendor: 'VI',
        cardNumber: 'XXXXXXXX1186',
        cardExpiry: '2011-02',
        cardHolder: 'TIMOTHY SIMS',
        sponsorAddress: '2234 MAIN STREET ATLANTA, GA 30067',
        travellerSequence: 1,
        ticketNumber: '0062120234533',
      }),
      expect.objectContaining({
        cardNumber: 'XXXXXXXX1186',
        travellerSequence: 2,
        ticketNumber: '0062120234534',
      }),
    ]);
    expect(split.remarks[0]).toMatchObject({
      kind: 'other-service-information',
      company: 'DL',
      text: 'THIS PASSENGER IS A VIP',
    });
  });

  it('PNR 1: documents, frequent flyer, tickets, seats booked and at check-in', () => {
    const [smith, jones] = split.travellers;
    expect(smith).toMatchObject({
      reference: '1',
      type: 'adult',
      dateOfBirth: '1964-07-12',
      documents: [
        {
          type: 'P',
          number: '123456789',
          issuingCountry: 'GBR',
          nationality: 'GBR',
          sex: 'M',
          expiryDate: '2019-08-23',
          surname: 'SMITHJR',
          givenNames: 'MRJONATHON ROBERT',
        },
      ],
      frequentFlyers: [{ carrier: 'DL', number: '1234567890', tier: 'ELITE' }],
      references: ['38739393AN8739P'],
      fareBasis: 'MIL24',
      checkIns: [{ legSequence: 1, sequence: '108', checkedInAt: '2010-12-11T09:15:00' }],
    });
    expect(smith.tickets[0]).toMatchObject({
      number: '0062120234533',
      amounts: [
        { qualifier: 'B', amount: 2888, currency: 'GBP' },
        { qualifier: 'T', amount: 2957.94, currency: 'GBP' },
      ],
      pricingIndicator: 'NR',
      validatingCarrier: 'DL',
      issuedAt: '2010-12-06T12:00:00',
    });
    expect(smith.tickets[0].taxes).toHaveLength(6);
    expect(smith.seats).toEqual([
      { legSequence: 1, seat: '15A', source: 'booking', cabinClass: null },
      { legSequence: 2, seat: '15E', source: 'booking', cabinClass: null },
      { legSequence: 1, seat: '15A', source: 'check-in', cabinClass: 'Y' },
    ]);
    // "////GBR/12JUL64/M//JONES/WILLIAMNEVELL": no document number, still nationality and birth.
    expect(jones.documents).toEqual([
      expect.objectContaining({ type: null, number: null, nationality: 'GBR', dateOfBirth: '1964-07-12' }),
    ]);
    expect(jones.tickets[0].issuedAt).toBe('2010-12-08T12:00:00');
  });

  it('PNR 1: itinerary with local and UTC times, and its history of cancelled and added items', () => {
    expect(split.itinerary).toEqual([
      expect.objectContaining({
        sequence: 1,
        marketingCarrier: 'DL',
        flightNumber: '324',
        departureAirport: 'LHR',
        arrivalAirport: 'JFK',
        arrival: { local: '2010-12-12T12:30:00', utc: '2010-12-12T17:30:00.000Z' },
        bookingClass: 'B',
        aircraftType: '767',
        isPushFlight: true,
      }),
      expect.objectContaining({
        sequence: 2,
        flightNumber: '330',
        departureAirport: 'JFK',
        arrivalAirport: 'YVR',
        status: 'HK',
        seatCount: 2,
        isPushFlight: false,
      }),
    ]);
    const [entry] = split.history;
    expect(entry).toMatchObject({
      agent: 'LHRRR',
      location: 'LON',
      company: 'DL',
      at: '2010-12-07T10:10:00',
    });
    expect(entry.changes.map((change) => change.action)).toEqual([
      ...Array(6).fill('cancelled'),
      ...Array(6).fill('added'),
    ]);
    expect(entry.changes[0].items).toEqual([
      { tag: 'TVL', summary: 'DL324 LHR-JFK 101210 0915 B' },
      { tag: 'RPI', summary: 'K 2' },
    ]);
  });

  it('PNR 2: booked by a travel agency in a GDS, the name change in history', () => {
    expect(renamed).toMatchObject({
      owningCarrier: '1A',
      bookingOffice: {
        company: '1A',
        companyLocation: 'MUC',
        iataNumber: '12345678',
        officeId: 'F31',
        location: 'LON',
        originatorType: 'T',
        agentSign: 'A78987',
      },
    });
    expect(names(renamed)).toEqual(['WAYNE/JOHNMR', 'COOPER/GARYMR']);
    // A date of birth is never after the message: 12JUL12 in a 2010 message is 1912.
    expect(renamed.travellers[0].dateOfBirth).toBe('1912-07-12');
    expect(renamed.payments.map((payment) => [payment.cardVendor, payment.cardNumber])).toEqual([
      ['VI', 'XXXXXXXX1186'],
      ['DC', 'XXXXXXXX3578'],
    ]);
    // TRI says traveller 1, its TIF says COOPER (2): the TIF wins.
    expect(renamed.travellers[1].seats).toContainEqual({
      legSequence: 1,
      seat: '15A',
      source: 'check-in',
      cabinClass: 'Y',
    });
    expect(renamed.history[0].changes).toEqual([
      { actionCode: 'X', action: 'cancelled', items: [{ tag: 'TIF', summary: 'WAYNE/JONMR' }] },
      { actionCode: 'A', action: 'added', items: [{ tag: 'TIF', summary: 'WAYNE/JOHNMR' }] },
    ]);
  });

  it('pnr1.txt, pnr2.txt and pnrMessage.txt: the same PNRs cut apart, with CRLF, or on one line', () => {
    const first = parseFixture('pnr1.txt');
    const second = parseFixture('pnr2.txt');
    const oneLine = parseFixture('pnrMessage.txt');
    for (const result of [first, second, oneLine]) expect(result.errors).toEqual([]);
    const strip = (reservation: PnrReservation) => ({ ...reservation, startsAt: null, warnings: null });
    expect(strip(first.messages[0].reservations[0])).toEqual(strip(split));
    expect(strip(second.messages[0].reservations[0])).toEqual(strip(renamed));
    const [single] = oneLine.messages[0].reservations;
    expect(single.recordLocator).toBe('MFN4TI');
    expect(single.travellers[0].documents[0].givenNames).toBe('JONATHON ROBERT');
    expect(codes(oneLine.warnings)).toEqual(['unt-count-mismatch']);
    expect(oneLine.warnings[0]).toMatchObject({ segment: 87, line: 1, column: 2384, tag: 'UNT' });
  });
});
