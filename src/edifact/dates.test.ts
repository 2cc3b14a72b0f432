import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allDigits, dayKeyOf, readEdifactDate, readInterchangeDate } from './dates.js';

/** 5 December 2026, the day the messages below speak from. */
const reference = 20261205;

describe('dayKeyOf', () => {
  it('takes the UTC calendar day, whatever the local time zone says', () => {
    expect(dayKeyOf(new Date('2026-12-05T23:59:59Z'))).toBe(20261205);
    expect(dayKeyOf(new Date('2026-12-06T00:30:00+02:00'))).toBe(20261205);
    expect(dayKeyOf(new Date('2000-01-01T00:00:00Z'))).toBe(20000101);
  });
});

describe('allDigits', () => {
  it('is true only for one or more ASCII digits', () => {
    expect(allDigits('0123456789')).toBe(true);
    expect(allDigits('')).toBe(false);
    expect(allDigits('12 3')).toBe(false);
    expect(allDigits('١٢')).toBe(false); // Arabic-Indic digits are not EDIFACT digits
    expect(allDigits('12a')).toBe(false);
  });
});

describe('readEdifactDate', () => {
  it('places a two-digit year of a past date (birth, issue) no later than the reference day', () => {
    expect(readEdifactDate('261205', '101', 'past', reference).value).toBe('2026-12-05');
    expect(readEdifactDate('261206', '101', 'past', reference).value).toBe('1926-12-06');
    expect(readEdifactDate('000101', '101', 'past', reference).value).toBe('2000-01-01');
  });

  it('places a two-digit year of a near date (expiry, flight) up to fifty years after the reference day', () => {
    expect(readEdifactDate('761205', '101', 'near', reference).value).toBe('2076-12-05');
    expect(readEdifactDate('761206', '101', 'near', reference).value).toBe('1976-12-06');
    expect(readEdifactDate('270101', '101', 'near', reference).value).toBe('2027-01-01');
  });

  it('keeps the century a format gives, whatever the rule', () => {
    expect(readEdifactDate('19991231', '102', 'near', reference).value).toBe('1999-12-31');
    expect(readEdifactDate('20991231', '102', 'past', reference).value).toBe('2099-12-31');
    expect(readEdifactDate('203012312359', '203', 'past', reference).value).toBe('2030-12-31T23:59:00');
  });

  it('infers 202 or 203 for twelve digits from whether they start with a century', () => {
    expect(readEdifactDate('201207081530', '', 'near', reference).value).toBe('2012-07-08T15:30:00');
    expect(readEdifactDate('120708153045', '', 'near', reference)).toEqual({
      value: '2012-07-08T15:30:45',
      problem: null,
    });
  });

  it('reads what is around the value as nothing', () => {
    expect(readEdifactDate(' 261205\n', '101', 'past', reference).value).toBe('2026-12-05');
  });

  it('follows the Gregorian leap years', () => {
    expect(readEdifactDate('20000229', '102', 'near', reference).value).toBe('2000-02-29');
    expect(readEdifactDate('19000229', '102', 'near', reference).problem).toBe(
      '"19000229" has no valid day (29) for 1900-2',
    );
    expect(readEdifactDate('20280229', '102', 'near', reference).value).toBe('2028-02-29');
  });

  it('names what is wrong instead of guessing', () => {
    expect(readEdifactDate('261305', '101', 'past', reference).problem).toBe(
      '"261305" has no valid month (13)',
    );
    expect(readEdifactDate('260431', '101', 'past', reference).problem).toBe(
      '"260431" has no valid day (31) for 2026-4',
    );
    expect(readEdifactDate('20261205', '101', 'past', reference).problem).toBe(
      '"20261205" is not a date in format 101: expected 6 digits',
    );
    expect(readEdifactDate('2612051260', '201', 'near', reference).problem).toBe(
      '"2612051260" has no valid time of day',
    );
    expect(readEdifactDate('20261205120060', '204', 'near', reference).problem).toBe(
      '"20261205120060" has no valid time of day',
    );
    expect(readEdifactDate('1234', '', 'near', reference).problem).toBe(
      '"1234" is not a date in a known format',
    );
    expect(readEdifactDate('1234', '718', 'near', reference).problem).toBe(
      '"1234" is not a date in a known format (format 718)',
    );
  });

  it('gives back every real CCYYMMDD day as its ISO date, and the same day as YYMMDD when near', () => {
    const day = fc.date({
      min: new Date('1977-01-01T00:00:00Z'),
      max: new Date('2076-12-05T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const digits = iso.replaceAll('-', '');
        expect(readEdifactDate(digits, '102', 'near', reference).value).toBe(iso);
        expect(readEdifactDate(digits.slice(2), '101', 'near', reference).value).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readInterchangeDate', () => {
  it('joins the UNB date and time, with or without the century', () => {
    expect(readInterchangeDate('261205', '0930', reference).value).toBe('2026-12-05T09:30:00');
    expect(readInterchangeDate('20261205', '0930', reference).value).toBe('2026-12-05T09:30:00');
    expect(readInterchangeDate('261205', null, reference).value).toBe('2026-12-05');
    expect(readInterchangeDate('20261205', '', reference).value).toBe('2026-12-05');
  });

  it('says when there is no date or an impossible one', () => {
    expect(readInterchangeDate(null, '0930', reference)).toEqual({
      value: null,
      problem: 'no preparation date',
    });
    expect(readInterchangeDate('261232', '0930', reference).problem).toBe(
      '"2612320930" has no valid day (32) for 2026-12',
    );
  });
});
