import { describe, expect, it } from 'vitest';
import {
  NameIndex,
  OPERATING_THRESHOLD,
  compareNames,
  compareOrganisationNames,
  comparePersonNames,
  screenOrganisation,
  screenPerson,
} from './api.js';

describe('compareOrganisationNames', () => {
  it('sets legal forms aside however written: "Alfa d.o.o." is "ALFA DOO"', () => {
    const result = compareOrganisationNames('Alfa d.o.o.', 'ALFA DOO');
    expect(result).toMatchObject({ score: 1, match: true });
    expect(result.explanation.adjustments).toEqual([
      expect.objectContaining({
        reason: 'legal-form',
        delta: 0,
        detail: expect.stringContaining('limited-liability'),
      }),
    ]);
    expect(compareOrganisationNames('Beta sh.p.k.', 'BETA SHPK').match).toBe(true);
    expect(compareOrganisationNames('Gamma DOOEL Skopje', 'Gamma LLC Skopje').match).toBe(true);
  });

  it('counts a different kind of company against, and different names as different', () => {
    expect(
      compareOrganisationNames('Alfa d.o.o.', 'Alfa a.d.').explanation.adjustments[0].delta,
    ).toBeLessThan(0);
    expect(compareOrganisationNames('Alfa Trade d.o.o.', 'Alfa Bank d.o.o.').match).toBe(false);
    expect(
      compareOrganisationNames('Koryo Credit Development Bank', 'KORYO CREDIT DEVELOPMENT BANK').match,
    ).toBe(true);
  });
});

describe('the facade', () => {
  it('answers the compare command per row: score 0..1 and match at the operating threshold', () => {
    expect(OPERATING_THRESHOLD).toBeGreaterThan(0.5);
    expect(compareNames('Đorđević', 'DJORDJEVIC')).toEqual({ score: 0.96, match: true });
    expect(compareNames('Petrović', 'Pavlović').match).toBe(false);
    expect(compareNames('Petrović', 'Pavlović').score).toBeLessThan(0.3);
    expect(compareNames('Alfa d.o.o.', 'ALFA DOO', 'organisation').match).toBe(true);
    const { score, match } = comparePersonNames('Marko Petrović', 'Marko Pavlović');
    expect(match).toBe(score >= OPERATING_THRESHOLD);
    // One part spelt otherwise: between a contradiction (0.5) and a match.
    expect(score).toBeGreaterThan(0.5);
    expect(match).toBe(false);
  });

  it('screens persons against persons and organisations against organisations', () => {
    const index = new NameIndex();
    index.add({ id: 'p1', entryId: '1', kind: 'person', names: ['Ђорђе Ђорђевић'], datesOfBirth: ['1965'] });
    index.add({ id: 'o1', entryId: '2', kind: 'organisation', names: ['Đorđević d.o.o.'] });
    const hits = screenPerson(index, { name: 'DJORDJE DJORDJEVIC', dateOfBirth: '1965-04-01' });
    expect(hits.map((hit) => hit.id)).toEqual(['p1']);
    expect(hits[0].explanation.parts.every((part) => part.method === 'transliteration')).toBe(true);
    expect(screenOrganisation(index, 'DJORDJEVIC DOO').map((hit) => hit.id)).toEqual(['o1']);
  });
});
