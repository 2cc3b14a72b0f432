import { describe, expect, it } from 'vitest';
import { countryCode } from './countries.js';
import { compareDateOfBirth, parsePartialDate, relateDates } from './dates.js';
import { compareDocuments, icaoCheckDigit, relateDocumentNumbers } from './documents.js';
import { compareNationality, compareSex, evidenceAdjustments, evidenceDelta } from './evidence.js';

const date = (value: string) => parsePartialDate(value) ?? { year: 0 };

describe('dates of birth', () => {
  it('reads full dates, years, and the sloppy forms data entry produces', () => {
    expect(parsePartialDate('1970-03-05')).toEqual({ year: 1970, month: 3, day: 5 });
    expect(parsePartialDate('1965')).toEqual({ year: 1965, month: undefined, day: undefined });
    expect(parsePartialDate('1969-7-16')).toEqual({ year: 1969, month: 7, day: 16 });
    expect(parsePartialDate('1974-01-32')).toEqual({ year: 1974, month: 1, day: undefined });
    expect(parsePartialDate('unknown')).toBeUndefined();
  });

  it('relates them: exact, same year, transposed day and month, a year off, different', () => {
    expect(relateDates(date('1970-03-05'), date('1970-03-05')).relation).toBe('exact');
    expect(relateDates(date('1970'), date('1970-03-05')).relation).toBe('same-year');
    expect(relateDates(date('1970-05-03'), date('1970-03-05')).relation).toBe('transposed');
    expect(relateDates(date('1971-03-05'), date('1970-03-05')).relation).toBe('close');
    expect(relateDates(date('1980-03-05'), date('1970-03-05'))).toEqual({ relation: 'differs', yearGap: 10 });
  });

  it('takes the best of the several dates of an entry, and penalises more the further apart', () => {
    expect(compareDateOfBirth('1966', ['1960', '1966'])?.delta).toBeGreaterThan(0);
    expect(compareDateOfBirth('1972', ['1970'])?.delta).toBe(-0.1);
    expect(compareDateOfBirth('1990', ['1970'])?.delta).toBe(-0.25);
    expect(compareDateOfBirth(undefined, ['1970'])).toBeUndefined();
  });
});

describe('document numbers', () => {
  it('computes the ICAO 9303 check digit (specimen L898902C3 -> 6)', () => {
    expect(icaoCheckDigit('L898902C3')).toBe(6);
    expect(icaoCheckDigit('740812')).toBe(2);
  });

  it('matches a number written with and without its check digit, spaces or confusable letters', () => {
    expect(relateDocumentNumbers('L898902C3', 'L898902C36')).toBe('check-digit');
    expect(relateDocumentNumbers('L898902C3', 'L898902C35')).toBeUndefined();
    expect(relateDocumentNumbers('L 191609', 'l191609')).toBe('same');
    expect(relateDocumentNumbers('0123456', 'O123456')).toBe('confusable');
  });

  it('ignores agreeing numbers issued by different states', () => {
    const listed = [{ number: '12345678', issuingState: 'Serbia' }];
    expect(compareDocuments([{ number: '12345678', issuingState: 'SRB' }], listed)?.delta).toBe(0.3);
    expect(compareDocuments([{ number: '12345678', issuingState: 'MKD' }], listed)).toBeUndefined();
  });
});

describe('nationality and sex', () => {
  it('reads codes and the country names lists use', () => {
    expect(countryCode('SRB')).toBe('RS');
    expect(countryCode('Korea, North')).toBe('KP');
    expect(countryCode('Syrian Arab Republic')).toBe('SY');
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode('af')).toBe('AF');
    expect(countryCode('Kosovo')).toBe('XK');
  });

  it('adds a little for the same nationality and takes a little for another', () => {
    expect(compareNationality('af', ['Uzbekistan', 'Afghanistan'])?.delta).toBe(0.03);
    expect(compareNationality('RS', ['Croatia'])?.delta).toBe(-0.05);
    expect(compareSex('male', 'female')?.delta).toBe(-0.1);
    expect(compareSex('male', undefined)).toBeUndefined();
  });
});

describe('evidence delta for the index', () => {
  it('adds up to what the adjustments say, for every combination of evidence', () => {
    const queries = [
      {},
      { dateOfBirth: '1970-03-05' },
      { dateOfBirth: '1971', nationality: 'BIH', sex: 'male' as const },
      { nationality: 'Serbia', documents: [{ number: 'AB123456' }] },
      {
        dateOfBirth: '1990-01-01',
        nationality: 'XX',
        sex: 'female' as const,
        documents: [{ number: 'ZZ999999' }],
      },
    ];
    const entries = [
      {},
      { datesOfBirth: ['1970-03-05', '1955'] },
      { datesOfBirth: ['1972'], nationalities: ['BA', 'Serbia'], sex: 'female' as const },
      { nationalities: ['unknown land'], documents: [{ number: 'AB1234567' }] },
      {
        datesOfBirth: ['not a date'],
        nationalities: ['RS'],
        sex: 'male' as const,
        documents: [{ number: 'AB123456' }],
      },
    ];
    let differentDeltas = 0;
    for (const query of queries) {
      const delta = evidenceDelta(query);
      for (const entry of entries) {
        const expected = evidenceAdjustments(query, entry).reduce(
          (sum, adjustment) => sum + adjustment.delta,
          0,
        );
        expect(delta(entry)).toBeCloseTo(expected, 10);
        if (expected !== 0) differentDeltas++;
      }
    }
    expect(differentDeltas).toBeGreaterThanOrEqual(8);
  });
});

describe('listed dates of birth read once', () => {
  it('reads a list of dates changed in place again', () => {
    const datesOfBirth = ['1970-03-05'];
    const entry = { datesOfBirth };
    const query = { dateOfBirth: '1970-03-05' };
    const first = evidenceDelta(query)(entry);
    datesOfBirth[0] = '1950-01-01';
    expect(evidenceDelta(query)(entry)).toBeLessThan(first);
  });
});
