import { describe, expect, it } from 'vitest';
import { normaliseName } from './normalise.js';

const texts = (raw: string, kind: 'person' | 'organisation' = 'person') =>
  normaliseName(raw, kind).parts.map((part) => part.text);

describe('normaliseName: persons', () => {
  it('lowercases, splits on spacing and punctuation, and keeps hyphenated parts together', () => {
    const { parts } = normaliseName('  SALEK  ABDULHAI ');
    expect(parts.map((part) => part.text)).toEqual(['salek', 'abdulhai']);
    // "SURNAME, Given" is read in the order of the other names.
    expect(normaliseName('SALEK, ABDULHAI').parts.map((part) => part.text)).toEqual(['abdulhai', 'salek']);
    const compound = normaliseName('ABD-AL-MAJID AZIZ').parts;
    expect(compound.map((part) => part.text)).toEqual(['abd', 'al', 'majid', 'aziz']);
    expect(compound[0].hyphenGroup).toBe(compound[2].hyphenGroup);
    expect(compound[3].hyphenGroup).not.toBe(compound[0].hyphenGroup);
  });

  it('joins apostrophes and a "?" left by a lost character instead of splitting', () => {
    expect(texts("SA’D AL-NU'AYMI")).toEqual(['sad', 'al', 'nuaymi']);
    expect(texts('Mus?ab')).toEqual(['musab']);
  });

  it('drops titles and bracketed remarks, keeps honorifics and particles as weak parts', () => {
    expect(texts('Dr. Marko Petrović')).toEqual(['marko', 'petrović']);
    expect(texts('Lawang (Lawand) Khan')).toEqual(['lawang', 'khan']);
    const parts = normaliseName('Haji Abdul Sattar bin Ali al-Barakzai').parts;
    expect(parts.filter((part) => part.weak).map((part) => part.text)).toEqual(['haji', 'bin', 'al']);
  });

  it('keeps a name made only of weak words as that name', () => {
    expect(normaliseName('Haji').parts.map((part) => part.weak)).toEqual([false]);
  });

  it('marks single letters as initials, including initials written together', () => {
    const parts = normaliseName('J.R. Smith').parts;
    expect(parts.map((part) => [part.text, part.initial])).toEqual([
      ['j', true],
      ['r', true],
      ['smith', false],
    ]);
  });
});

describe('normaliseName: organisations', () => {
  it('sets the legal form aside with its family, however it is written', () => {
    expect(normaliseName('Alfa d.o.o.', 'organisation')).toMatchObject({ legalForm: 'limited-liability' });
    expect(normaliseName('ALFA DOO', 'organisation')).toMatchObject({ legalForm: 'limited-liability' });
    expect(normaliseName('Beta sh.p.k.', 'organisation')).toMatchObject({ legalForm: 'limited-liability' });
    expect(normaliseName('OOO Romashka', 'organisation').parts.map((part) => part.text)).toEqual([
      'romashka',
    ]);
    expect(normaliseName('Acme Limited Liability Company', 'organisation')).toMatchObject({
      legalForm: 'limited-liability',
      parts: [expect.objectContaining({ text: 'acme' })],
    });
    expect(normaliseName('Gamma AD Skopje', 'organisation').legalForm).toBeUndefined();
  });

  it('weighs function words lightly', () => {
    const parts = normaliseName('Bank of the Nation', 'organisation').parts;
    expect(parts.filter((part) => part.weak).map((part) => part.text)).toEqual(['of', 'the']);
  });
});
