import { describe, expect, it } from 'vitest';
import { COMMODITY_SEED, commodityLineage, isCommodityUnder, taxonomyProblems } from './commodities.js';
import { checkContainerNumber, containerCheckDigit } from './container-number.js';
import {
  formatSeizureReference,
  nextSeizureReference,
  parseSeizureReference,
  seizureReferenceSeries,
} from './reference-number.js';

describe('ISO 6346 container numbers', () => {
  it('computes the check digit of the standard example and of numbers used by other projects', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    expect(checkContainerNumber('CSQU3054383')).toEqual({
      ok: true,
      container: { number: 'CSQU3054383', ownerCode: 'CSQ', category: 'U', serial: '305438', checkDigit: 3 },
    });
    expect(checkContainerNumber('MSCU6639870').ok).toBe(true);
    expect(checkContainerNumber('MSCU1234566').ok).toBe(true);
  });

  it('works the sum by hand: letters from A = 10 skipping multiples of 11, weights 2^position, mod 11', () => {
    // C=13, S=30, Q=28, U=32; 13 + 60 + 112 + 256 + 3*16 + 0*32 + 5*64 + 4*128 + 3*256 + 8*512 = 6185.
    expect(containerCheckDigit('CSQU305438')).toBe(6185 % 11);
    // A remainder of 10 is written 0: 'AAAU000001' gives 10+20+40+(32*8)=326, +512 = 838 = 76*11 + 2.
    expect(containerCheckDigit('AAAU000001')).toBe(2);
  });

  it('reads numbers as written on documents and says what is wrong', () => {
    expect(checkContainerNumber(' csqu 305438-3 ').ok).toBe(true);
    expect(checkContainerNumber('CSQU3054384')).toEqual({
      ok: false,
      reason: 'check-digit',
      message: 'CSQU3054384: the check digit should be 3, not 4',
      expected: 3,
    });
    expect(checkContainerNumber('CSQX3054383')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkContainerNumber('CSQU305438')).toMatchObject({ ok: false, reason: 'format' });
    expect(() => containerCheckDigit('CSQU30543')).toThrow();
  });

  it('catches every single-character typing error of a valid number', () => {
    const valid = 'CSQU3054383';
    for (let position = 4; position < 10; position++)
      for (let digit = 0; digit <= 9; digit++) {
        const typed = valid.slice(0, position) + digit + valid.slice(position + 1);
        if (typed !== valid) expect(checkContainerNumber(typed).ok, typed).toBe(false);
      }
  });
});

describe('seizure reference numbers', () => {
  it('writes and reads the reference of the issue', () => {
    const reference = { country: 'RS', location: 'BEG', unitType: 'PCU', year: 2026, sequence: 42 };
    expect(formatSeizureReference(reference)).toBe('RS-BEG-PCU-2026-0042');
    expect(parseSeizureReference(' rs-beg-pcu-2026-0042 ')).toEqual({ ok: true, reference });
    expect(formatSeizureReference({ ...reference, sequence: 12345 })).toBe('RS-BEG-PCU-2026-12345');
    expect(parseSeizureReference('RS-BEG-PCU-2026-12345')).toMatchObject({
      ok: true,
      reference: { sequence: 12345 },
    });
  });

  it('refuses references that are not of the shape or out of range', () => {
    expect(parseSeizureReference('RS-BEG-2026-0042').ok).toBe(false);
    expect(parseSeizureReference('RS-BEG-PCU-2026-042').ok).toBe(false);
    expect(parseSeizureReference('RS-BEG-PCU-2026-0000')).toEqual({
      ok: false,
      message: 'sequence 0 must be a whole number from 1',
    });
    expect(parseSeizureReference('RS-BEG-PCU-2026-00042').ok).toBe(false);
    expect(parseSeizureReference('RS-BEG-PCU-1899-0001').ok).toBe(false);
    expect(() =>
      formatSeizureReference({ country: 'SRB', location: 'BEG', unitType: 'PCU', year: 2026, sequence: 1 }),
    ).toThrow(/country/);
  });

  it('numbers a series per unit and year', () => {
    const series = { country: 'XK', location: 'VRB', unitType: 'PCU', year: 2026 };
    expect(seizureReferenceSeries(series)).toBe('XK-VRB-PCU-2026');
    expect(formatSeizureReference(nextSeizureReference(series, 0))).toBe('XK-VRB-PCU-2026-0001');
    expect(formatSeizureReference(nextSeizureReference(series, 41))).toBe('XK-VRB-PCU-2026-0042');
    expect(() => nextSeizureReference(series, -1)).toThrow();
  });
});

describe('commodity taxonomy', () => {
  it('seeds every commodity group of the issue without problems', () => {
    expect(taxonomyProblems(COMMODITY_SEED)).toEqual([]);
    const topLevel = COMMODITY_SEED.filter((c) => c.parent === undefined).map((c) => c.code);
    expect(topLevel).toEqual([
      'drugs',
      'precursors',
      'cash',
      'tobacco',
      'alcohol',
      'ipr-goods',
      'medicines',
      'wildlife',
      'firearms',
      'cultural-property',
      'vehicles',
      'textiles',
      'jewellery',
      'electronics',
      'other',
    ]);
    expect(COMMODITY_SEED.filter((c) => c.parent === 'drugs').length).toBeGreaterThan(8);
    expect(isCommodityUnder(COMMODITY_SEED, 'heroin', 'drugs')).toBe(true);
    expect(isCommodityUnder(COMMODITY_SEED, 'cigarettes', 'drugs')).toBe(false);
    expect(commodityLineage(COMMODITY_SEED, 'vehicle-parts')).toEqual(['vehicle-parts', 'vehicles']);
  });

  it('finds bad codes, repeated codes, unknown parents and cycles in what administrators add', () => {
    const problems = taxonomyProblems([
      ...COMMODITY_SEED,
      { code: 'Bad Code', name: 'x' },
      { code: 'heroin', name: 'Heroin again', parent: 'drugs' },
      { code: 'orphan', name: 'Orphan', parent: 'nowhere' },
      { code: 'loop-a', name: 'A', parent: 'loop-b' },
      { code: 'loop-b', name: 'B', parent: 'loop-a' },
      { code: 'blank', name: '  ' },
    ]);
    expect(problems).toEqual([
      { code: 'Bad Code', message: 'code must be lower-case words joined by hyphens' },
      { code: 'heroin', message: 'code is used twice' },
      { code: 'blank', message: 'name is empty' },
      { code: 'orphan', message: 'parent nowhere does not exist' },
      { code: 'loop-a', message: 'its parents lead back to itself' },
      { code: 'loop-b', message: 'its parents lead back to itself' },
    ]);
  });
});
