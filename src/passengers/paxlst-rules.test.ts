import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandBagTags } from './paxlst-bags.js';
import { readEdifactDate } from '../edifact/index.js';
import { splitFlightIdentifier } from './paxlst-legs.js';
import { parsePaxlst } from './paxlst.js';

/** One segment per line, so that segment n (UNB = 1) is on line n + 1, after the UNA. */
const broken = [
  "UNA:+.? '",
  "UNB+UNOA:4+JU:ZZ+BAPIS:ZZ+240329:2215+77'",
  "UNH+1+PAXLST:D:05B:UN:IATA'",
  "BGM+745'",
  "NAD+MS+++OPS CONTROL'",
  "COM+381 11 3112 123:TE+OPS@AIRSERBIA.COM:EM'",
  "TDT+20+JU110+++JU'",
  "LOC+125+BEG'",
  "DTM+189:2403312230:201'",
  "LOC+87+SJJ'",
  "DTM+232:2403312330:201'",
  "NAD+FL+++DJORDJEVIC:MARKO+ULICA 1?+2+BEOGRAD++11000+SRB'",
  "ATT+2++M'",
  "DTM+329:991340'",
  "LOC+180+SRB:::BEOGRAD'",
  "NAT+2+SRB'",
  "DOC+P+012345678'",
  "DTM+182:190401'",
  "DTM+36:290331'",
  "LOC+91+SRB'",
  "XYZ+1'",
  "NAD+DDU+++HODZIC:AMRA'",
  "ATT+2++Q'",
  "DTM+36:300101'",
  "MEA+WT++LBR:22'",
  "NAD+ZZZ'",
  "CNT+42:2'",
  "UNT+26+1'",
  "UNZ+1+77'",
].join('\n');

describe('parsePaxlst: loose reading of a broken message', () => {
  const result = parsePaxlst(broken);
  const [message] = result.messages;

  it('keeps the message and every traveller', () => {
    expect(result.errors).toEqual([]);
    expect(message.travellers.map((t) => [t.partyQualifier, t.role, t.surname])).toEqual([
      ['FL', 'passenger', 'DJORDJEVIC'],
      ['DDU', 'passenger-in-transit', 'HODZIC'],
      ['ZZZ', 'other', ''],
    ]);
    expect(message.reportingParty).toEqual({
      name: 'OPS CONTROL',
      phone: '381 11 3112 123',
      fax: null,
      email: 'OPS@AIRSERBIA.COM',
    });
  });

  it('converts local times with the time zone in force that day (Europe switched to summer time on 31 March 2024)', () => {
    expect(message.legs).toEqual([
      {
        sequence: 1,
        carrier: 'JU',
        flightNumber: '110',
        departureAirport: 'BEG',
        arrivalAirport: 'SJJ',
        scheduledDeparture: { local: '2024-03-31T22:30:00', utc: '2024-03-31T20:30:00.000Z' },
        scheduledArrival: { local: '2024-03-31T23:30:00', utc: '2024-03-31T21:30:00.000Z' },
        crossesBorder: true,
      },
    ]);
  });

  it('reads what is readable and sets null with a warning where a value is invalid', () => {
    expect(message.travellers[0]).toMatchObject({
      sex: 'M',
      dateOfBirth: null,
      address: { street: 'ULICA 1+2', city: 'BEOGRAD', postalCode: '11000', country: 'SRB' },
      placeOfBirth: 'BEOGRAD, SRB',
      nationality: 'SRB',
      documents: [
        {
          type: 'P',
          number: '012345678',
          issuingState: 'SRB',
          expiryDate: '2029-03-31',
          issueDate: '2019-04-01',
        },
      ],
    });
    expect(message.travellers[1]).toMatchObject({ sex: null, bags: { count: null, weightKg: 10, tags: [] } });
  });

  it('anchors every warning on its segment: number, line, column and tag', () => {
    const seen = result.warnings.map(({ code, segment, line, column, tag }) => ({
      code,
      segment,
      line,
      column,
      tag,
    }));
    expect(seen).toEqual([
      { code: 'invalid-date', segment: 13, line: 14, column: 1, tag: 'DTM' },
      { code: 'unexpected-segment', segment: 20, line: 21, column: 1, tag: 'XYZ' },
      { code: 'invalid-sex', segment: 22, line: 23, column: 1, tag: 'ATT' },
      { code: 'unexpected-qualifier', segment: 23, line: 24, column: 1, tag: 'DTM' },
      { code: 'unknown-party', segment: 25, line: 26, column: 1, tag: 'NAD' },
      { code: 'surname-missing', segment: 25, line: 26, column: 1, tag: 'NAD' },
    ]);
    expect(result.warnings[0].message).toBe('DTM+329: "991340" has no valid month (13)');
    expect(message.travellers[0].warnings.map((w) => w.code)).toEqual(['invalid-date', 'unexpected-segment']);
  });
});

describe('parsePaxlst: what is rejected', () => {
  it('rejects a PNRGOV interchange: no PAXLST message', () => {
    const text = readFileSync(
      new URL('../../test/fixtures/edifact/pnrgov/pnr4.txt', import.meta.url),
      'utf8',
    );
    const result = parsePaxlst(text);
    expect(result.messages).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'not-paxlst', segment: 2, line: 2, column: 1, tag: 'UNH' }),
    ]);
    expect(result.errors[0].message).toBe('message "1" is a PNRGOV: expected PAXLST');
  });

  it('rejects input without a message', () => {
    expect(parsePaxlst('').errors.map((e) => e.code)).toEqual(['empty-input']);
    expect(parsePaxlst("UNB+UNOA:4+A+B+240329:2215+77'UNZ+0+77'").errors.map((e) => e.code)).toEqual([
      'missing-unh',
    ]);
  });

  it('never throws, and always says why when it found no PAXLST message', () => {
    const piece = fc.constantFrom(
      "UNH+1+PAXLST:D:02B:UN:IATA'",
      "UNH+2+PNRGOV:13:1:IA'",
      "BGM+250'",
      "TDT+20+JU110'",
      "LOC+92+BEG'",
      "DTM+189:2413312560:201'",
      "DTM+232:'",
      "NAD+FL+++A:B'",
      "NAD+MS'",
      "DOC+P'",
      "DTM+36:290231'",
      "FTX+BAG+++X:99999'",
      "MEA+CT++'",
      "CNT+42:'",
      "UNT+3+1'",
      '?',
      "'",
      '+',
      ':',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const result = parsePaxlst(pieces.join(''));
        if (result.messages.length === 0) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('two-digit years and date formats', () => {
  const reference = 20240315;

  it('puts dates of birth in the past and expiry dates near the message', () => {
    expect(readEdifactDate('240315', '', 'past', reference).value).toBe('2024-03-15');
    expect(readEdifactDate('240316', '', 'past', reference).value).toBe('1924-03-16');
    expect(readEdifactDate('740101', '', 'near', reference).value).toBe('2074-01-01');
    expect(readEdifactDate('750101', '', 'near', reference).value).toBe('1975-01-01');
  });

  it('reads formats 101, 102, 201, 203 and 204, given or inferred from the length', () => {
    expect(readEdifactDate('20240229', '102', 'near', reference).value).toBe('2024-02-29');
    expect(readEdifactDate('2403312230', '201', 'near', reference).value).toBe('2024-03-31T22:30:00');
    expect(readEdifactDate('202403312230', '', 'near', reference).value).toBe('2024-03-31T22:30:00');
    expect(readEdifactDate('20240331223015', '204', 'near', reference).value).toBe('2024-03-31T22:30:15');
  });

  it('refuses impossible dates instead of guessing', () => {
    expect(readEdifactDate('20230229', '102', 'near', reference)).toEqual({
      value: null,
      problem: '"20230229" has no valid day (29) for 2023-2',
    });
    expect(readEdifactDate('2403312460', '201', 'near', reference).problem).toBe(
      '"2403312460" has no valid time of day',
    );
    expect(readEdifactDate('78O706', '', 'past', reference).problem).toContain('expected 6 digits');
    expect(readEdifactDate('1234567', '', 'past', reference).problem).toContain(
      'not a date in a known format',
    );
    expect(readEdifactDate('', '', 'past', reference).problem).toBe('no date given');
  });

  it('uses the given reference date for the century', () => {
    const text = readFileSync(
      new URL('../../test/fixtures/edifact/paxlst/flight1.txt', import.meta.url),
      'utf8',
    );
    const travellers = parsePaxlst(text, { referenceDate: new Date('1999-06-01') }).messages[0].travellers;
    expect(travellers.find((t) => t.surname === 'O GRADY')?.dateOfBirth).toBe('1900-05-20');
  });
});

describe('bag tags and flight identifiers', () => {
  it('expands a first tag and a count into consecutive tags, keeping leading zeros', () => {
    expect(expandBagTags('0176123456', '3')).toEqual({
      tags: ['0176123456', '0176123457', '0176123458'],
      problem: null,
    });
    expect(expandBagTags('SU0005', '')).toEqual({ tags: ['SU0005'], problem: null });
    expect(expandBagTags('BAG', '2').problem).toContain('no serial number');
    expect(expandBagTags('1', '500').tags).toHaveLength(99);
    expect(expandBagTags('1', 'x').problem).toContain('not a number');
  });

  it('splits carrier and number, from the carrier element or the prefix', () => {
    expect(splitFlightIdentifier('UA0989', 'UA')).toEqual({ carrier: 'UA', flightNumber: '0989' });
    expect(splitFlightIdentifier('LA532', '')).toEqual({ carrier: 'LA', flightNumber: '532' });
    expect(splitFlightIdentifier('9W123', '')).toEqual({ carrier: '9W', flightNumber: '123' });
    expect(splitFlightIdentifier('U2 8001', '')).toEqual({ carrier: 'U2', flightNumber: '8001' });
    expect(splitFlightIdentifier('AAL123A', '')).toEqual({ carrier: 'AAL', flightNumber: '123A' });
    expect(splitFlightIdentifier('1234', '')).toEqual({ carrier: '', flightNumber: '1234' });
  });
});
