import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePaxlst } from './paxlst.js';

const parseFixture = (file: string) =>
  parsePaxlst(
    decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/paxlst/${file}`, import.meta.url)))
      .text,
  );

const codes = (issues: { code?: string }[]) => issues.map((issue) => issue.code);

describe('parsePaxlst on the GTAS samples', () => {
  it('Test1.txt: a crew list with its reporting party, leg, crew and inconsistent trailers', () => {
    const result = parseFixture('Test1.txt');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      sender: 'APIS*C3K',
      recipient: 'USCSAPIS',
      preparedAt: '2014-02-02T06:00:00',
      interchangeReference: '1403010600',
    });
    const [message] = result.messages;
    expect(message).toMatchObject({
      messageReference: '1402010600',
      version: 'D:02B',
      documentCode: '250',
      documentIdentifier: 'C',
      listKind: 'crew',
      reportingParty: { name: 'CREW SCHEDULING', phone: '808-838-5520', fax: '808-838-5526', email: null },
      declaredTravellerCount: 8,
    });
    expect(message.legs).toEqual([
      {
        sequence: 1,
        carrier: 'UA',
        flightNumber: '0989',
        departureAirport: 'FRA',
        arrivalAirport: 'IAD',
        scheduledDeparture: { local: '2017-01-27T17:25:00', utc: '2017-01-27T16:25:00.000Z' },
        scheduledArrival: { local: '2017-01-28T07:10:00', utc: '2017-01-28T12:10:00.000Z' },
        crossesBorder: true,
      },
    ]);
    expect(message.travellers.map((t) => [t.surname, t.givenNames, t.sex, t.dateOfBirth, t.role])).toEqual([
      ['Steur', 'Andrea Pat', 'F', '1978-07-06', 'crew'],
      ['Adomat', 'Julie Pat', 'F', '1978-07-07', 'crew'],
      ['Nalek', 'Clifton Pat', 'M', '1978-07-08', 'crew'],
      ['Meissener', 'Costa Pat', 'M', '1978-07-09', 'crew'],
      ['Pelzing', 'Melissa Pat', 'F', '1978-07-10', 'crew'],
      ['Merfort', 'Kevin Pat', 'M', '1978-07-11', 'crew'],
      ['Sautter', 'Kari Pat', 'F', '1978-07-12', 'crew'],
      ['Zschieschak', 'Jaclyn Pat', 'F', '1978-07-13', 'crew'],
    ]);
    expect(message.travellers[0]).toMatchObject({
      partyQualifier: 'FM',
      nationality: 'GBR',
      countryOfResidence: 'GBR',
      placeOfBirth: 'Hartford USA',
      embarkation: 'FRA',
      debarkation: 'IAD',
      clearanceAirport: 'IAD',
      // "610218" is placed in this century: an expiry date is read near the message date (2014).
      documents: [
        { type: 'P', number: '123456789', issuingState: 'GBR', expiryDate: '2061-02-18', issueDate: null },
      ],
      warnings: [],
    });
    expect(codes(result.warnings)).toEqual([
      'malformed-total',
      'unt-count-mismatch',
      'une-reference-mismatch',
      'unz-reference-mismatch',
    ]);
    expect(result.warnings[0]).toMatchObject({ segment: 108, line: 1, column: 1784, tag: 'CNT' });
  });

  it('Test3.txt: 260 passengers, a non-UTF-8 name, CR line ends and wrong control totals', () => {
    const result = parseFixture('Test3.txt');
    expect(result.errors).toEqual([]);
    const [message] = result.messages;
    expect(message.travellers).toHaveLength(260);
    expect(message).toMatchObject({
      messageReference: 'WSPDLA',
      documentCode: '745',
      listKind: 'passengers',
      reportingParty: { name: 'DELTA GLOBAL ASSISTANCE', phone: '404 773 2971', fax: '404 773 3066' },
      declaredTravellerCount: 206,
    });
    expect(message.travellers.every((t) => t.role === 'passenger' && t.partyQualifier === 'FL')).toBe(true);
    expect(message.travellers[0]).toMatchObject({
      surname: 'Kuchel',
      givenNames: 'Rachel Pat',
      sex: 'F',
      dateOfBirth: '1977-10-19',
      nationality: 'USA',
      documents: [{ type: 'P', number: '12345678', issuingState: 'USA', expiryDate: '2019-12-18' }],
    });
    expect(message.travellers[259]).toMatchObject({
      surname: 'Pfaffelhuber',
      givenNames: 'Lisa Pat',
      dateOfBirth: '1978-07-05',
      documents: [{ number: '12345678', issuingState: 'GBR', expiryDate: '2020-09-02' }],
    });
    expect(message.travellers.find((t) => t.givenNames === 'Jeffrey Pat')).toMatchObject({
      surname: 'Nov\u2021k',
      sex: 'M',
    });
    const nationalities: Record<string, number> = {};
    for (const t of message.travellers)
      nationalities[t.nationality ?? '?'] = (nationalities[t.nationality ?? '?'] ?? 0) + 1;
    expect(Object.keys(nationalities).sort()).toEqual(['CAN', 'GBR', 'USA']);
    expect(codes(result.warnings)).toEqual(['total-mismatch', 'unt-count-mismatch']);
    expect(result.warnings[0]).toMatchObject({ segment: 3132, line: 261, tag: 'CNT' });
    expect(result.warnings[0].message).toContain('CNT+41 declares 206 crew members but 260 were read');
  });

  it('apisMessage.txt: two domestic legs by LOC+92 routing, references, no warnings', () => {
    const result = parseFixture('apisMessage.txt');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result).toMatchObject({ sender: 'AIR1', recipient: 'DHS', preparedAt: '2007-02-18T15:45:00' });
    const [message] = result.messages;
    expect(message).toMatchObject({
      version: 'D:05B',
      transactionReference: 'AJYTR1070219',
      reportingParty: { name: 'JOHN SMITH', phone: '703-555-1212', fax: '703-555-4545' },
      declaredTravellerCount: 2,
    });
    expect(
      message.legs.map((leg) => [
        leg.carrier,
        leg.flightNumber,
        leg.departureAirport,
        leg.arrivalAirport,
        leg.crossesBorder,
      ]),
    ).toEqual([
      ['AA', '123', 'ATL', 'ORD', false],
      ['AA', '124', 'ORD', 'JFK', false],
    ]);
    expect(message.legs[1].scheduledDeparture).toEqual({
      local: '2007-02-19T18:40:00',
      utc: '2007-02-20T00:40:00.000Z',
    });
    expect(message.legs[1].scheduledArrival).toEqual({
      local: '2007-02-19T19:55:00',
      utc: '2007-02-20T00:55:00.000Z',
    });
    expect(message.travellers.map((t) => ({ ...t, warnings: undefined }))).toEqual([
      expect.objectContaining({
        surname: 'CLARK',
        givenNames: 'MICHAEL',
        sex: 'M',
        dateOfBirth: '1972-09-07',
        embarkation: 'ATL',
        debarkation: 'JFK',
        reservationReference: 'TYR123',
        references: { ABO: 'ABC123', AEA: '1234567890ABC', CR: '20060907NY123' },
        documents: [],
      }),
      expect.objectContaining({
        surname: 'CLARK',
        givenNames: 'CHERYL',
        sex: 'F',
        dateOfBirth: '1973-04-07',
        embarkation: 'ORD',
        references: { ABO: 'TYL009' },
      }),
    ]);
  });

  it('multiple_flight_leg_apis.txt: three legs, the border crossed on the last, trailing text', () => {
    const result = parseFixture('multiple_flight_leg_apis.txt');
    expect(result.errors).toEqual([]);
    const [message] = result.messages;
    expect(
      message.legs.map((leg) => [
        leg.sequence,
        leg.flightNumber,
        leg.departureAirport,
        leg.arrivalAirport,
        leg.crossesBorder,
      ]),
    ).toEqual([
      [1, '877', 'MIA', 'IAD', false],
      [2, '827', 'IAD', 'JFK', false],
      [3, '827', 'JFK', 'CDG', true],
    ]);
    expect(message.legs[2]).toMatchObject({
      carrier: 'QQ',
      scheduledDeparture: { local: '2008-08-10T20:00:00', utc: '2008-08-11T00:00:00.000Z' },
      scheduledArrival: { local: '2008-08-11T06:30:00', utc: '2008-08-11T04:30:00.000Z' },
    });
    expect(
      message.travellers.map((t) => [
        t.surname,
        t.givenNames,
        t.dateOfBirth,
        t.nationality,
        t.documents,
        t.reservationReference,
        t.references,
      ]),
    ).toEqual([
      [
        'BARRETT',
        'TODD',
        '1968-02-23',
        'FRA',
        [{ type: 'P', number: 'YY3478621G', issuingState: 'FRA', expiryDate: '2008-12-30', issueDate: null }],
        'GJIO3RT',
        { ABO: 'UUI34T543' },
      ],
      [
        'LANG',
        'KRISTIN',
        '1960-06-06',
        'ESP',
        [{ type: 'P', number: 'TRQWE99800', issuingState: 'ESP', expiryDate: '2009-09-16', issueDate: null }],
        'GJIO3RT',
        { ABO: 'ABC124' },
      ],
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'text-after-last-segment', segment: 51, line: 49, column: 1 }),
    ]);
  });

  it('flight1.txt: bags, sequential bag tags, seats, visas and a document without type', () => {
    const result = parseFixture('flight1.txt');
    expect(result.errors).toEqual([]);
    const [message] = result.messages;
    expect(message.legs[0]).toMatchObject({
      carrier: 'LA',
      flightNumber: '532',
      departureAirport: 'SCL',
      arrivalAirport: 'JFK',
      // Santiago is on summer time (UTC-3) in January.
      scheduledDeparture: { local: '2020-01-19T23:00:00', utc: '2020-01-20T02:00:00.000Z' },
      scheduledArrival: { local: '2020-01-20T07:40:00', utc: '2020-01-20T12:40:00.000Z' },
    });
    const travellers = message.travellers;
    expect(travellers).toHaveLength(10);
    expect(travellers[0]).toMatchObject({
      surname: 'JIANG',
      givenNames: 'HSIUYUAN',
      dateOfBirth: '1967-06-03',
      seat: '056F',
      reservationReference: '7F5F21',
      bags: { count: 1, weightKg: 13, tags: ['2660001'] },
      documents: [
        { type: '', number: '433419360', issuingState: 'CHN', expiryDate: '2023-09-20', issueDate: null },
        { type: 'V', number: '57131424', issuingState: 'USA', expiryDate: '2021-07-29', issueDate: null },
      ],
    });
    expect(travellers[0].warnings).toEqual([
      expect.objectContaining({ code: 'document-type-missing', segment: 23, line: 23, column: 1 }),
    ]);
    const byName = (surname: string) => travellers.find((t) => t.surname === surname);
    expect(byName('CANNON')).toMatchObject({
      bags: { count: 4, weightKg: 0, tags: ['2660003', '2660004', 'SU0005', '2660006'] },
      documents: [
        { number: '396949747', issuingState: null },
        { type: 'V', number: '86443634' },
      ],
    });
    expect(byName('NOOD')?.bags).toEqual({ count: 2, weightKg: 32, tags: ['2660009', '2660010'] });
    expect(byName('CROUCH')?.dateOfBirth).toBe('1997-11-02');
    expect(byName('MUNOZ')?.dateOfBirth).toBe('1941-01-08');
    expect(byName('O GRADY')).toMatchObject({ givenNames: 'EMMA MAISIE', dateOfBirth: '2000-05-20' });
    expect(codes(result.warnings)).toEqual(['document-type-missing', 'unt-count-mismatch']);
  });

  it('flight2.txt: a bag tag range followed by a single tag', () => {
    const result = parseFixture('flight2.txt');
    const [message] = result.messages;
    expect(message.legs[0]).toMatchObject({
      carrier: 'FI',
      flightNumber: '615',
      scheduledDeparture: { local: '2020-02-26T12:00:00', utc: '2020-02-26T12:00:00.000Z' },
      scheduledArrival: { local: '2020-02-26T18:00:00', utc: '2020-02-26T23:00:00.000Z' },
    });
    expect(message.travellers.find((t) => t.surname === 'GWOCK')).toMatchObject({
      givenNames: 'HUI ZHEN',
      nationality: 'ERI',
      bags: { count: 4, weightKg: 141, tags: ['2660040', '2660041', '2660042', '2660043'] },
    });
    expect(message.travellers[0].documents[1]).toMatchObject({
      type: 'K',
      number: '48302004',
      expiryDate: '2021-04-25',
    });
    expect(message.declaredTravellerCount).toBe(10);
  });
});
