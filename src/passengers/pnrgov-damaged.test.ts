import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePnrgov } from './pnrgov.js';

const folder = new URL('../../test/fixtures/edifact/pnrgov/', import.meta.url);
const fixtureText = (file: string) => decodeEdifactBytes(readFileSync(new URL(file, folder))).text;
const parseFixture = (file: string) => parsePnrgov(fixtureText(file));
const where = (issues: { code?: string; line: number; column: number; tag?: string }[]) =>
  issues.map((issue) => `${issue.code} ${issue.tag} ${issue.line}:${issue.column}`);

describe('parsePnrgov on damaged samples: what can be read is kept, the rest points at its segment', () => {
  it('pnrMessagePg75.txt: terminators lost or typographic, segments read apart again', () => {
    const result = parseFixture('pnrMessagePg75.txt');
    expect(result.errors).toEqual([]);
    expect(where(result.messages[0].warnings)).toEqual([
      'missing-terminator SSR 17:1',
      'missing-terminator RCI 39:1',
      'missing-terminator ORG 40:60',
      'missing-terminator RCI 51:1',
    ]);
    const [park, kim] = result.messages[0].reservations;
    // "…/PARK/SEJOON’" + line break + "TVL+…": the document and the leg are both read.
    expect(park.travellers[0].documents[0]).toMatchObject({
      number: 'JR3364288',
      surname: 'PARK',
      givenNames: 'SEJOON',
      expiryDate: '2016-07-05',
    });
    expect(park.itinerary).toEqual([
      expect.objectContaining({
        marketingCarrier: 'KE',
        flightNumber: '609',
        operatingCarrier: 'SQ',
        operatingFlightNumber: '303',
        codeshare: true,
        departureAirport: 'ICN',
        arrivalAirport: 'SIN',
      }),
    ]);
    expect(park.travellers[0].bags[0]).toMatchObject({ count: 2, weight: 34, pool: 'member' });
    expect(park.historyText).toHaveLength(5);
    // "ORG+…+CFDEA9+9TIF+KIM:I+KONG CHUN MRS:A:3": the traveller hidden in the ORG is found.
    expect(kim.bookingOffice).toMatchObject({ officeId: 'SINSQ08AA', agentSign: 'HJGS' });
    expect(
      kim.travellers.map((traveller) => `${traveller.surname}/${traveller.givenNames} ${traveller.title}`),
    ).toEqual(['KIM/KONG CHUN MRS']);
    expect(kim.recordLocators.map((locator) => `${locator.company}:${locator.locator}`)).toEqual([
      '1A:X49V9U',
      'OZ:2OX5VV',
    ]);
    expect(kim).toMatchObject({ lastModifiedAt: '2013-05-27T07:26:00' });
    expect(kim.itinerary[0]).toMatchObject({
      marketingCarrier: 'OZ',
      operatingCarrier: 'SQ',
      operatingFlightNumber: '752',
    });
    expect(kim.travellers[0].seats).toEqual([
      { legSequence: 1, seat: '14A', source: 'check-in', cabinClass: 'J' },
    ]);
  });

  it('pnrMessagePg76.txt and pnrBadFormat.txt: a wrong UNT count, no final terminator, text after the end', () => {
    for (const file of ['pnrMessagePg76.txt', 'pnrBadFormat.txt']) {
      const result = parseFixture(file);
      expect(result.errors).toEqual([]);
      const [reservation] = result.messages[0].reservations;
      expect(reservation).toMatchObject({
        recordLocator: '35K2IO',
        owningCarrier: '1A',
        createdAt: '2013-02-15T01:49:00',
      });
      expect(
        reservation.travellers.map((traveller) => `${traveller.surname} ${traveller.dateOfBirth}`),
      ).toEqual(['DORON 1953-02-05', 'LENDROT 1952-02-14']);
      expect(reservation.travellers[1].tickets[0].number).toBe('3204694509');
      expect(reservation.itinerary[0]).toMatchObject({
        marketingCarrier: 'LH',
        flightNumber: '474',
        seatCount: 2,
      });
    }
    expect(where(parseFixture('pnrBadFormat.txt').warnings)).toEqual([
      'unt-count-mismatch UNT 26:38',
      'unterminated-segment UNZ 28:1',
      'text-after-last-segment UNZ 28:1',
    ]);
  });

  it('modifyPnr77ForCodeShare.txt: codeshares by TRA and by a second TVL, an impossible time, a lost terminator', () => {
    const result = parseFixture('modifyPnr77ForCodeShare.txt');
    expect(result.errors).toEqual([]);
    const [reservation] = result.messages[0].reservations;
    expect(
      reservation.itinerary.map((leg) => [
        leg.marketingCarrier,
        leg.flightNumber,
        leg.operatingCarrier,
        leg.operatingFlightNumber,
      ]),
    ).toEqual([
      ['SQ', '5678', 'SK', '1524'],
      ['DL', '8976', 'KL', '972'],
      ['TZ', '0006', null, null],
      ['TZ', '0002', null, null],
      ['TZ', '0001', null, null],
      ['TZ', '0005', null, null],
    ]);
    // "310513:4321" has no valid time: the leg is kept, its arrival is null.
    expect(reservation.itinerary[3]).toMatchObject({
      departure: { local: '2013-05-31T09:00:00' },
      arrival: null,
    });
    expect(where(reservation.warnings)).toEqual(['invalid-date TVL 31:1']);
    // "RPI+1+HKIFT+4:19+GN FROM NONE TO ACME TEAM PARTY": the IFT is read in the history.
    expect(where(result.messages[0].warnings)).toEqual(['missing-terminator RPI 61:9']);
    const last = reservation.history[2].changes[2];
    expect(last.items.map((item) => item.summary)).toEqual([
      'F 31MAY13 OOL SIN 0900 1500 TZ 5 HK SFLY 582 81',
      'TZ0005 OOL-SIN 310513 S',
      'HK 1',
      'GN FROM NONE TO ACME TEAM PARTY',
    ]);
  });

  it('danglingMetaCharacter.txt and pnrWithIFTSegment.txt: "-" as element separator, also inside data', () => {
    for (const file of ['danglingMetaCharacter.txt', 'pnrWithIFTSegment.txt']) {
      const result = parseFixture(file);
      expect(result.errors).toEqual([]);
      const [reservation] = result.messages[0].reservations;
      expect(reservation).toMatchObject({ recordLocator: 'BGXFR4', createdAt: '2020-01-26T21:00:00' });
      // "CTCT SEA 866 746-4647 CARLSON WAGONLIT TVL": the unreleased "-" split the text; the number holds.
      expect(
        reservation.contacts.phones.map((phone) => [phone.type, phone.city, phone.number, phone.note]),
      ).toEqual([
        ['unspecified', null, '3379745974', null],
        ['home', null, '1234536789', null],
        ['agency', 'SEA', '8667464647', 'CARLSON WAGONLIT TVL'],
      ]);
      expect(reservation.contacts.emails.map((email) => email.address)).toEqual(['reuben_serio@gmail.com']);
      expect(reservation.remarks[0].text).toBe('AA 1A IP ADDRESS OF THE BOOKING 987.654.321');
      expect(reservation.travellers[0].documents[0]).toMatchObject({
        number: '9173574',
        nationality: 'THA',
        expiryDate: '2028-04-20',
      });
      expect(reservation.travellers[0].bags.map((bags) => bags.tags[0].number)).toEqual([
        '48521',
        '48521',
        '48521',
      ]);
      expect(reservation.payments[0]).toMatchObject({ type: 'MS', kind: 'miscellaneous', amount: 100 });
    }
    const sponsored = parseFixture('pnrWithIFTSegment.txt').messages[0].reservations[0];
    expect(sponsored.payments[0]).toMatchObject({
      sponsorAddress: '3304  AVENUE',
      cardHolder: 'ABRAHAM MIMPSON',
    });
  });
});

const PNRGOV_HEADER = "UNA:+.?*'UNB+IATA:1+JU++260301:0800+R1'\nUNH+1+PNRGOV:13:1:IA+JU170'\n";

describe('parsePnrgov rejects what cannot be read at all, pointing at the segment', () => {
  it('rejects a PAXLST at its UNH', () => {
    const result = parsePnrgov(
      "UNB+UNOA:4+X+Y+260301:0800+R1'\nUNH+7+PAXLST:D:05B:UN:IATA'\nBGM+745'\nUNT+3+7'\nUNZ+1+R1'",
    );
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'not-pnrgov', segment: 2, line: 2, column: 1, tag: 'UNH' }),
    ]);
  });

  it('rejects text without segments and a push without a single reservation', () => {
    expect(parsePnrgov('').errors.map((issue) => issue.code)).toEqual(['empty-input']);
    const headerOnly = parsePnrgov(
      `${PNRGOV_HEADER}MSG+:22'\nORG+JU:BEG'\nTVL+010326:0705:010326:0800+BEG+TIV+JU+170'\nEQN+3'\nUNT+6+1'\nUNZ+1+R1'`,
    );
    expect(headerOnly.errors).toEqual([
      expect.objectContaining({ code: 'no-reservations', segment: 2, line: 2, column: 1, tag: 'UNH' }),
    ]);
  });

  it('rejects a sample cut before its first reservation, and accepts an update push that declares none', () => {
    const text = fixtureText('2_pnrs_basic.edi');
    const cut = parsePnrgov(text.slice(0, text.indexOf('SRC')));
    expect(cut.errors.map((issue) => `${issue.code} ${issue.tag} ${issue.line}:${issue.column}`)).toEqual([
      'no-reservations UNH 3:1',
    ]);
    const empty = parsePnrgov(
      `${PNRGOV_HEADER}MSG+:141'\nORG+JU:BEG'\nTVL+010326:0705+BEG+TIV+JU+170'\nEQN+0'\nUNT+6+1'\nUNZ+1+R1'`,
    );
    expect(empty.errors).toEqual([]);
    expect(empty.messages[0]).toMatchObject({
      pushKind: 'update',
      declaredReservationCount: 0,
      reservations: [],
    });
  });

  it('every sample is either read (reservations, no error) or rejected with positioned errors', () => {
    const files = readdirSync(folder).filter((file) => !file.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(29);
    for (const file of files) {
      const result = parseFixture(file);
      const reservations = result.messages.flatMap((message) => message.reservations);
      if (result.errors.length > 0) {
        for (const error of result.errors) expect(error.line).toBeGreaterThan(0);
      } else {
        expect(reservations.length, file).toBeGreaterThan(0);
        expect(
          reservations.every((reservation) => reservation.recordLocator && reservation.travellers.length > 0),
          file,
        ).toBe(true);
      }
      for (const issue of result.warnings) expect(issue.line, `${file}: ${issue.message}`).toBeGreaterThan(0);
    }
  });
});
