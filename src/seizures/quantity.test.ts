import { describe, expect, it } from 'vitest';
import {
  CURRENT_CURRENCY_CODES,
  WITHDRAWN_CURRENCY_CODES,
  currencyStatus,
  isCurrencyCode,
} from './currencies.js';
import {
  canonicalUnit,
  parseItemQuantity,
  parseMoney,
  parseQuantity,
  parseQuantityDescription,
  parseQuantityText,
  toReportUnit,
  unitKind,
} from './quantity.js';

describe('ISO 4217 codes', () => {
  it('knows the currencies of the region and the funds and metal codes that CLDR leaves out', () => {
    for (const code of ['EUR', 'BAM', 'RSD', 'MKD', 'ALL', 'USD', 'CHF', 'XAU', 'CLF', 'XXX', 'VED', 'XCG'])
      expect(currencyStatus(code), code).toBe('current');
    expect(currencyStatus('HRK')).toBe('withdrawn');
    expect(currencyStatus('YUM')).toBe('withdrawn');
    expect(currencyStatus('ABC')).toBe('unknown');
    expect(isCurrencyCode('eur')).toBe(false);
  });

  it('covers every code Node knows, current or withdrawn, and differs from it only where documented', () => {
    const intl = new Set(Intl.supportedValuesOf('currency'));
    const unknownToUs = [...intl].filter((code) => !isCurrencyCode(code));
    expect(unknownToUs).toEqual([]);
    const missingFromIntl = [...CURRENT_CURRENCY_CODES].filter((code) => !intl.has(code)).sort();
    // Funds codes, precious metals, bond market units, testing and "no currency" codes, and VED:
    // list one has them, CLDR does not (the reason this module keeps its own list).
    for (const code of missingFromIntl)
      expect(
        ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED'].concat([
          'XAG',
          'XAU',
          'XBA',
          'XBB',
          'XBC',
          'XBD',
          'XPD',
          'XPT',
          'XTS',
          'XUA',
          'XXX',
        ]),
      ).toContain(code);
    expect(CURRENT_CURRENCY_CODES.size).toBeGreaterThan(175);
    for (const code of WITHDRAWN_CURRENCY_CODES) expect(CURRENT_CURRENCY_CODES.has(code), code).toBe(false);
  });
});

describe('units', () => {
  it('stores one spelling per unit and accepts the usual aliases', () => {
    expect(canonicalUnit('KG')).toBe('kg');
    expect(canonicalUnit('grams')).toBe('g');
    expect(canonicalUnit('tonnes')).toBe('t');
    expect(canonicalUnit('Litres')).toBe('l');
    expect(canonicalUnit('pcs')).toBe('pieces');
    expect(canonicalUnit('box')).toBe('boxes');
    expect(canonicalUnit('Ampoule')).toBe('ampoules');
    expect(canonicalUnit('EUR')).toBe('EUR');
    expect(canonicalUnit('eur')).toBe('EUR');
    expect(canonicalUnit('ALL')).toBe('ALL');
    expect(canonicalUnit('can')).toBe('cans');
    expect(canonicalUnit('furlongs')).toBeUndefined();
  });

  it('tells the kind of each unit, named counts apart from pieces', () => {
    expect(unitKind('g')).toBe('mass');
    expect(unitKind('l')).toBe('volume');
    expect(unitKind('pieces')).toBe('pieces');
    expect(unitKind('ampoules')).toBe('named-count');
    expect(unitKind('RSD')).toBe('currency');
    expect(() => unitKind('furlongs')).toThrow();
  });

  it('brings g and t to kg and ml to l, leaves counts and currencies as they are', () => {
    expect(toReportUnit({ value: 12400, unit: 'g' })).toEqual({ value: 12.4, unit: 'kg' });
    expect(toReportUnit({ value: 1.5, unit: 't' })).toEqual({ value: 1500, unit: 'kg' });
    expect(toReportUnit({ value: 250, unit: 'ml' })).toEqual({ value: 0.25, unit: 'l' });
    expect(toReportUnit({ value: 0.3, unit: 'g' })).toEqual({ value: 0.0003, unit: 'kg' });
    expect(toReportUnit({ value: 40, unit: 'ampoules' })).toEqual({ value: 40, unit: 'ampoules' });
    expect(toReportUnit({ value: 15000, unit: 'EUR' })).toEqual({ value: 15000, unit: 'EUR' });
  });
});

describe('parsing quantities', () => {
  it('accepts { value, unit } with a known unit and names the field it refuses', () => {
    expect(parseQuantity({ value: 12.4, unit: 'kg' })).toEqual({
      ok: true,
      value: { value: 12.4, unit: 'kg' },
    });
    expect(parseQuantity({ value: '3', unit: 'Pieces' })).toEqual({
      ok: true,
      value: { value: 3, unit: 'pieces' },
    });
    expect(parseQuantity({ value: 0, unit: 'kg' })).toEqual({
      ok: false,
      problems: [{ field: 'quantity.value', message: 'must be greater than zero' }],
    });
    const unknown = parseQuantity({ value: 1, unit: 'furlongs' }, 'items[2].quantity');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0].field).toBe('items[2].quantity.unit');
    expect(parseQuantity({ value: 2.5, unit: 'boxes' })).toMatchObject({
      ok: false,
      problems: [{ field: 'quantity.value', message: 'must be a whole number of boxes' }],
    });
    expect(parseQuantity('12 kg').ok).toBe(false);
    const both = parseQuantity({ value: 'x' });
    expect(both.ok ? [] : both.problems.map((p) => p.field)).toEqual(['quantity.value', 'quantity.unit']);
  });

  it('reads quantities written as text with thousands groups and decimal commas', () => {
    expect(parseQuantityText('12.4 kg')).toEqual({ ok: true, value: { value: 12.4, unit: 'kg' } });
    expect(parseQuantityText('1,200,000 pieces')).toEqual({
      ok: true,
      value: { value: 1200000, unit: 'pieces' },
    });
    expect(parseQuantityText('1.200.000 pcs')).toEqual({
      ok: true,
      value: { value: 1200000, unit: 'pieces' },
    });
    expect(parseQuantityText('15 000 EUR')).toEqual({ ok: true, value: { value: 15000, unit: 'EUR' } });
    expect(parseQuantityText('2,5 l')).toEqual({ ok: true, value: { value: 2.5, unit: 'l' } });
    expect(parseQuantityText('40ampoules')).toEqual({ ok: true, value: { value: 40, unit: 'ampoules' } });
    expect(parseQuantityText('large quantities').ok).toBe(false);
    expect(parseQuantityText('1,2,3 kg').ok).toBe(false);
  });

  it('keeps a descriptive quantity as one trimmed line', () => {
    expect(parseQuantityDescription('  large\n quantities ')).toEqual({
      ok: true,
      value: 'large quantities',
    });
    expect(parseQuantityDescription('   ').ok).toBe(false);
    expect(parseQuantityDescription('x'.repeat(201)).ok).toBe(false);
  });

  it('takes a quantity or a descriptive quantity for an item, never both', () => {
    expect(parseItemQuantity({ quantity: { value: 5, unit: 'kg' } })).toEqual({
      ok: true,
      value: { quantity: { value: 5, unit: 'kg' } },
    });
    expect(parseItemQuantity({ quantityText: 'large quantities' })).toEqual({
      ok: true,
      value: { quantityText: 'large quantities' },
    });
    expect(parseItemQuantity({})).toEqual({ ok: true, value: {} });
    expect(parseItemQuantity({ quantity: { value: 5, unit: 'kg' }, quantityText: 'about 5 kg' }).ok).toBe(
      false,
    );
  });

  it('validates an estimated value against ISO 4217', () => {
    expect(parseMoney({ amount: 1000, currency: 'BAM' })).toEqual({
      ok: true,
      value: { amount: 1000, currency: 'BAM' },
    });
    expect(parseMoney({ amount: 10, currency: 'HRK' }).ok).toBe(true);
    const bad = parseMoney({ amount: -1, currency: 'EURO' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['value.amount', 'value.currency']);
    const unknown = parseMoney({ amount: 1, currency: 'ABC' });
    expect(unknown.ok ? '' : unknown.problems[0].message).toBe('ABC is not an ISO 4217 currency code');
  });
});
