import { describe, expect, it } from 'vitest';
import {
  fieldNormaliser,
  foldText,
  isKnownCountry,
  normaliseCountry,
  normaliseDocumentNumber,
  normalisePhone,
  parseDay,
  parseInstant,
} from './normalise.js';
import { findField } from './catalogue.js';

describe('normal forms', () => {
  it('folds text: case, diacritics, white space', () => {
    expect(foldText('  Đorđević   ANA ')).toBe('dordevic ana');
    expect(foldText('Vermicë')).toBe('vermice');
    expect(foldText('SMITH')).toBe('smith');
  });

  it('keeps only letters and digits of document numbers, upper-cased', () => {
    expect(normaliseDocumentNumber('ab 12-34/x')).toBe('AB1234X');
  });

  it('keeps the digits of phones and drops an international 00', () => {
    expect(normalisePhone('+387 61-123 456')).toBe('38761123456');
    expect(normalisePhone('0038761123456')).toBe('38761123456');
  });

  it('brings country codes and names to alpha-2', () => {
    expect(normaliseCountry('col')).toBe('CO');
    expect(normaliseCountry('Peru')).toBe('PE');
    expect(normaliseCountry('XXA')).toBe('XXA');
    expect(isKnownCountry('XXA')).toBe(true);
    expect(isKnownCountry('QQ')).toBe(false);
  });

  it('parses calendar days and refuses impossible ones', () => {
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('02/03/2026')).toBeNull();
    expect(parseDay(20260101)).toBeNull();
  });

  it('parses instants with and without offsets (none means UTC)', () => {
    expect(parseInstant('2026-05-01T10:30Z')).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(parseInstant('2026-05-01T10:30:00')).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(parseInstant('2026-05-01T12:30:00+02:00')).toBe(Date.UTC(2026, 4, 1, 10, 30));
    expect(parseInstant('2026-05-01')).toBe(Date.UTC(2026, 4, 1));
    expect(parseInstant('2026-13-01T00:00Z')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
  });

  it('turns empty and unreadable record values into null, and lists into their known elements', () => {
    const surname = fieldNormaliser(findField('traveller.surname', 'traveller')!);
    expect(surname('   ')).toBeNull();
    expect(surname(undefined)).toBeNull();
    const age = fieldNormaliser(findField('traveller.age', 'traveller')!);
    expect(age('42')).toBe(42);
    expect(age('forty')).toBeNull();
    const countries = fieldNormaliser(findField('journey.countries', 'traveller')!);
    expect(countries(['col', null, '', 'rs'])).toEqual(['CO', 'RS']);
    expect(countries([])).toBeNull();
    expect(countries('BA')).toEqual(['BA']);
  });
});
