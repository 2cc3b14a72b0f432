import { describe, expect, it } from 'vitest';
import { readInterchange, type ParseIssue } from '../edifact/index.js';
import { decodeAirlineEmail, readAddressPhones, readContactText } from './pnrgov-contacts.js';
import { readCardExpiry, readPnrDateTime, readTextDate } from './pnrgov-dates.js';
import { repairMergedSegments } from './pnrgov-repair.js';
import { readDoco, readDocs, readInfantRequest, readSeatText } from './pnrgov-ssr.js';

const REFERENCE = 20101209;

describe('PNRGOV dates', () => {
  it('reads DDMMYY with HHMM or HHMMSS, and leaves out what is not given', () => {
    expect(readPnrDateTime('061210', '1010', 'near', REFERENCE)).toEqual({
      value: '2010-12-06T10:10:00',
      problem: null,
    });
    expect(readPnrDateTime('230513', '181348', 'near', REFERENCE).value).toBe('2013-05-23T18:13:48');
    expect(readPnrDateTime('06122010', '', 'near', REFERENCE).value).toBe('2010-12-06');
    expect(readPnrDateTime('', '', 'near', REFERENCE)).toEqual({ value: null, problem: null });
  });

  it('turns impossible values into a problem and null', () => {
    expect(readPnrDateTime('310513', '4321', 'near', REFERENCE)).toEqual({
      value: null,
      problem: '"310513" "4321" is not a valid date and time (DDMMYY HHMM)',
    });
    expect(readPnrDateTime('300213', '', 'near', REFERENCE).value).toBeNull();
    expect(readPnrDateTime('1210', '', 'near', REFERENCE).problem).toBe('"1210": expected a date as DDMMYY');
    expect(readTextDate('31FEB20', 'past', REFERENCE).problem).toBe('"31FEB20" is not a valid date');
    expect(readCardExpiry('1399')).toBeNull();
    expect(readCardExpiry('0211')).toBe('2011-02');
  });

  it('never puts a date of birth after the message; expiry dates stay near it', () => {
    expect(readTextDate('12JUL64', 'past', REFERENCE).value).toBe('1964-07-12');
    expect(readTextDate('12JUL12', 'past', REFERENCE).value).toBe('1912-07-12');
    expect(readTextDate('08DEC10', 'past', REFERENCE).value).toBe('2010-12-08');
    expect(readTextDate('23AUG19', 'near', REFERENCE).value).toBe('2019-08-23');
    expect(readTextDate('12jul1964', 'past', REFERENCE).value).toBe('1964-07-12');
  });
});

describe('SSR free text', () => {
  it('DOCS: passport, infant document, missing fields, unknown sex', () => {
    expect(readDocs('/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN/ROBERT', REFERENCE).value).toEqual({
      type: 'P',
      number: '123456789',
      issuingCountry: 'GBR',
      nationality: 'GBR',
      dateOfBirth: '1964-07-12',
      sex: 'M',
      infant: false,
      expiryDate: '2019-08-23',
      surname: 'SMITH',
      givenNames: 'JOHN ROBERT',
      text: '/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN/ROBERT',
    });
    expect(
      readDocs('/P/GBR/512731999/GBR/20SEP09/FI/25OCT17/BELT/SOPHY OLIVIA/', REFERENCE).value,
    ).toMatchObject({ sex: 'F', infant: true, givenNames: 'SOPHY OLIVIA' });
    expect(readDocs('/////05FEB53/F//DORON/NINA', REFERENCE).value).toMatchObject({
      type: null,
      number: null,
      dateOfBirth: '1953-02-05',
      surname: 'DORON',
    });
    const odd = readDocs('/P/GBR/1/GBR/12JUL64/Q/99XYZ19/SMITH/JOHN', REFERENCE);
    expect(odd.value).toMatchObject({ sex: null, expiryDate: null });
    expect(odd.problems).toEqual([
      'sex "Q": expected M, F, U, X, MI or FI',
      'expiry date is not a valid date (expected DDMMMYY, e.g. 12JUL64)',
    ]);
  });

  it('DOCO with and without a leading "/", INFT with the date after "/" or a space', () => {
    expect(readDoco(' HERE VA/V/8675309/OTHER PLACE/22DEC06/LI', REFERENCE).value).toMatchObject({
      placeOfBirth: 'HERE VA',
      type: 'V',
      number: '8675309',
      applicableCountry: 'LI',
    });
    expect(readDoco('//V/X123/VIENNA/01JAN10/AT/I', REFERENCE).value).toMatchObject({
      placeOfBirth: null,
      type: 'V',
      number: 'X123',
      placeOfIssue: 'VIENNA',
      issueDate: '2010-01-01',
      infant: true,
    });
    expect(readInfantRequest('TESTSURNAMETWO/TESTNAMETWO/10AUG10', REFERENCE).value).toEqual({
      surname: 'TESTSURNAMETWO',
      givenNames: 'TESTNAMETWO',
      dateOfBirth: '2010-08-10',
    });
    expect(readInfantRequest('BELT/SOPHY 20SEP09', REFERENCE).value).toEqual({
      surname: 'BELT',
      givenNames: 'SOPHY',
      dateOfBirth: '2009-09-20',
    });
  });

  it('seats written in the text', () => {
    expect(readSeatText('.03BN03AN')).toEqual(['3B', '3A']);
    expect(readSeatText('.12CS')).toEqual(['12C']);
  });
});

describe('contacts', () => {
  it('reads the CTC elements of OSI text', () => {
    expect(readContactText('YY CTC M 123456789', 'OSI', 1)).toEqual({
      kind: 'phone',
      phone: {
        type: 'mobile',
        typeCode: 'M',
        number: '123456789',
        city: null,
        note: null,
        text: 'YY CTC M 123456789',
        source: 'OSI',
        travellerSequence: 1,
      },
    });
    expect(readContactText('CTCBOG 571-600 5820-A-COTOURIST COLOMBIA', 'OSI', null)).toMatchObject({
      phone: {
        type: 'unspecified',
        typeCode: null,
        city: 'BOG',
        number: '5716005820',
        note: 'A-COTOURIST COLOMBIA',
      },
    });
    expect(readContactText('CTCE JOHN..SMITH./JONES//MAIL.EXAMPLE.COM', 'OSI', 2)).toMatchObject({
      kind: 'email',
      email: { address: 'john_smith-jones@mail.example.com', travellerSequence: 2 },
    });
    expect(readContactText('THIS PASSENGER IS A VIP', 'OSI', null)).toBeNull();
    expect(readContactText('CTCR', 'OSI', null)).toBeNull();
    expect(decodeAirlineEmail('MOLLY..LONT+50BB//GMAIL.COM')).toBe('molly_lont+50bb@gmail.com');
  });

  it('reads the telephone text of an ADD', () => {
    expect(
      readAddressPhones('H5555555555 W 1 555 555 5555', null).map(
        (reading) => reading.kind === 'phone' && [reading.phone.type, reading.phone.number],
      ),
    ).toEqual([
      ['home', '5555555555'],
      ['business', '15555555555'],
    ]);
    expect(readAddressPhones('FIRST.LAST@GMAIL.COM', 3)).toEqual([
      {
        kind: 'email',
        email: {
          address: 'first.last@gmail.com',
          text: 'FIRST.LAST@GMAIL.COM',
          source: 'ADD',
          travellerSequence: 3,
        },
      },
    ]);
  });
});

describe('repairMergedSegments', () => {
  it('leaves a sound message alone (the same array, no warning)', () => {
    const text = "UNH+1+PNRGOV:13:1:IA'\nSRC'\nRCI+JU:ABC123'\nTIF+PETROVIC+ANA:A:1'\nUNT+5+1'";
    const interchange = readInterchange(text);
    const warnings: ParseIssue[] = [];
    const segments = interchange.messages[0].segments;
    expect(repairMergedSegments(text, segments, interchange.separators, warnings)).toBe(segments);
    expect(warnings).toEqual([]);
  });

  it('splits a line that starts with a tag out of the segment before it, and an overflowing RPI', () => {
    const text = "UNH+1+PNRGOV:13:1:IA'\nRCI+JU:ABC123\nTIF+PETROVIC+ANA:A:1'\nRPI+1+HKAPD+320'\nUNT+5+1'";
    const interchange = readInterchange(text);
    const warnings: ParseIssue[] = [];
    const segments = repairMergedSegments(
      text,
      interchange.messages[0].segments,
      interchange.separators,
      warnings,
    );
    expect(
      segments.map(
        (segment) => `${segment.tag} ${segment.line}:${segment.column} ${JSON.stringify(segment.elements)}`,
      ),
    ).toEqual([
      'RCI 2:1 [["JU","ABC123"]]',
      'TIF 3:1 [["PETROVIC"],["ANA","A","1"]]',
      'RPI 4:1 [["1"],["HK"]]',
      'APD 4:9 [["320"]]',
    ]);
    expect(warnings.map((issue) => `${issue.code} ${issue.line}:${issue.column}`)).toEqual([
      'missing-terminator 3:1',
      'missing-terminator 4:9',
    ]);
  });
});
