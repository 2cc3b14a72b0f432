import { describe, expect, it } from 'vitest';
import { normaliseName } from './normalise.js';
import { numberValue } from './organisation-words.js';
import { compareOrganisationNames } from './organisation-score.js';

const score = (a: string, b: string) => compareOrganisationNames(a, b).score;

describe('organisation numbers', () => {
  it('reads digits, words, ordinals and Roman numerals as one number', () => {
    for (const written of ['2', 'two', 'Second', '2nd', 'II', '002']) expect(numberValue(written)).toBe('2');
    expect(numberValue('CV')).toBeUndefined();
    expect(numberValue('I')).toBeUndefined();
  });

  it('matches a number however written, and turns down a different one', () => {
    expect(score('Alfa Shipping 2', 'Alfa Shipping No. II')).toBe(1);
    expect(
      score(
        'Sheikh Baha Science and Technology Research Center 4',
        'Sheikh Baha Science and Technology Research Center 7',
      ),
    ).toBeLessThan(0.7);
  });
});

describe('organisation places and branches', () => {
  it('takes a bracketed place or a branch as evidence: the same place agrees, another conflicts', () => {
    expect(normaliseName('Solmar (Hong Kong) Limited', 'organisation').places).toEqual(['hong', 'kong']);
    expect(score('Solmar (Hong Kong) Limited', 'Solmar Hong Kong Ltd')).toBe(1);
    expect(score('Solmar (Hong Kong) Limited', 'Solmar (Singapore) Limited')).toBeLessThan(0.8);
    expect(score('Commercial Bank of Syria London Branch', 'Commercial Bank of Syria (London Branch)')).toBe(
      1,
    );
    expect(
      score('Commercial Bank of Syria London Branch', 'Commercial Bank of Syria Cyprus Branch'),
    ).toBeLessThan(0.8);
  });

  it('keeps a country that is most of the name', () => {
    expect(normaliseName('Bank of China', 'organisation').parts.map((part) => part.text)).toEqual([
      'bank',
      'of',
      'china',
    ]);
  });
});

describe('organisation legal forms', () => {
  it('recognises legal forms after Latin folding and with a slip in a long word', () => {
    for (const form of [
      'Sp. z o.o.',
      'Spółka z ograniczoną odpowiedzialnością',
      'Gesellschaft mit beschränkter Haftung',
      'Gesellschaft mbH',
      'Limted',
      'Limited Liabilty Co',
    ])
      expect(normaliseName(`Kairaba Supermarket ${form}`, 'organisation'), form).toMatchObject({
        legalForm: 'limited-liability',
        parts: [
          expect.objectContaining({ text: 'kairaba' }),
          expect.objectContaining({ text: 'supermarket' }),
        ],
      });
  });

  it('costs a legal form of another kind enough to keep the same name below the threshold', () => {
    expect(compareOrganisationNames('Lolalimes GmbH', 'Lolalimes LLC').match).toBe(true);
    expect(compareOrganisationNames('Lolalimes GmbH', 'Lolalimes JSC').match).toBe(false);
    expect(compareOrganisationNames('Lolalimes Ltd', 'Lolalimes Inc').match).toBe(false);
  });
});

describe('organisation acronyms', () => {
  it('matches an acronym against the initials of the other name or its bracketed acronym', () => {
    expect(compareOrganisationNames('BIF', 'Benevolence International Foundation').match).toBe(true);
    expect(compareOrganisationNames('DCB', 'Daedong Credit Bank (DCB)').match).toBe(true);
    expect(compareOrganisationNames('BIF', 'Daedong Credit Bank').match).toBe(false);
  });
});

describe('organisation names with two legal forms, two numbers, or an acronym of all their words', () => {
  it('keeps every legal form a name gives, and turns down a form the other does not give', () => {
    expect(normaliseName('JOINT STOCK COMPANY ALFA LLC', 'organisation').legalForm).toBe(
      'joint-stock+limited-liability',
    );
    expect(score('JOINT STOCK COMPANY ALFA LLC', 'JOINT STOCK COMPANY ALFA L.L.C.')).toBe(1);
    expect(score('JOINT STOCK COMPANY ALFA LLC', 'JOINT STOCK COMPANY ALFA S.A.')).toBeLessThan(0.85);
  });

  it('turns down a different number beside one both names give', () => {
    expect(score('Repair Plant 195 No. 7', 'Repair Plant 195 Seventh')).toBe(1);
    expect(score('Repair Plant 195 No. 7', 'Repair Plant 195 Three')).toBeLessThan(0.85);
  });

  it('reads an acronym against the initials of the name with its legal form and its place', () => {
    expect(score('SYRIAN PETROLEUM COMPANY', 'SPC')).toBeGreaterThanOrEqual(0.85);
    expect(score('ATOMIC ENERGY ORGANIZATION OF IRAN', 'AEOI')).toBeGreaterThanOrEqual(0.85);
    expect(score('HIZBUL MUJAHIDEEN', 'HM')).toBeGreaterThanOrEqual(0.85);
    expect(score('SYRIAN PETROLEUM COMPANY', 'SPA')).toBeLessThan(0.85);
  });
});
