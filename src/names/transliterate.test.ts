import { describe, expect, it } from 'vitest';
import { arabicSkeleton } from './transliterate-arabic.js';
import { cyrillicConventions, transliterateCyrillic } from './transliterate-cyrillic.js';
import { greekVariants } from './transliterate-greek.js';
import { foldLatin, latinVariants } from './transliterate-latin.js';
import { nationalLatin, scriptOf, spellingsOf } from './transliterate.js';

const asciiOf = (text: string) => spellingsOf(text.toLowerCase()).map((spelling) => spelling.ascii);

describe('Latin letters with diacritics', () => {
  it('folds to the ICAO 9303 form first', () => {
    expect(foldLatin('đorđević')).toBe('dordevic');
    expect(foldLatin('vermicë')).toBe('vermice');
    expect(foldLatin('çiçek')).toBe('cicek');
    expect(foldLatin('müller')).toBe('mueller');
  });

  it('gives one key per practice, one choice per letter for the whole name', () => {
    expect(latinVariants('đorđević')).toEqual(['dordevic', 'djordjevic', 'dordevich', 'djordjevich']);
    expect(latinVariants('žarković')).toContain('zharkovich');
    expect(latinVariants('müller')).toEqual(['mueller', 'muller']);
  });

  it('reads an ASCII digraph as the letter it may stand for (DJ as Đ, so also D)', () => {
    expect(latinVariants('djordjevic')).toContain('dordevic');
    expect(latinVariants('zhukov')).toContain('zukov');
  });
});

describe('Cyrillic', () => {
  it('recognises the alphabet by its own letters', () => {
    expect(cyrillicConventions('ђорђевић')[0]).toBe('serbian');
    expect(cyrillicConventions('ѓорѓевиќ')[0]).toBe('macedonian');
    expect(cyrillicConventions('шевченко')).toContain('russian');
    expect(cyrillicConventions('гнатюк')).toContain('serbian');
  });

  it('writes Serbian in its Latin alphabet and in passport ASCII with Đ as D and as DJ', () => {
    expect(nationalLatin('ђорђевић')).toBe('đorđević');
    expect(asciiOf('Ђорђевић')).toEqual(expect.arrayContaining(['dordevic', 'djordjevic']));
  });

  it('writes Macedonian Ѓ and Ќ as GJ and KJ, and ICAO as G and K', () => {
    expect(asciiOf('Ѓорѓевиќ')).toEqual(expect.arrayContaining(['gjorgjevikj', 'gorgevik']));
  });

  it('gives Х as H and KH, Ц as C and TS, Ж as Z and ZH', () => {
    expect(asciiOf('Хаџић')).toEqual(expect.arrayContaining(['hadzic', 'khadzic']));
    expect(asciiOf('Цветковић')).toEqual(expect.arrayContaining(['cvetkovic', 'tsvetkovic']));
    expect(asciiOf('Жуков')).toEqual(expect.arrayContaining(['zukov', 'zhukov']));
  });

  it('follows Russian, Ukrainian and Bulgarian practice', () => {
    expect(transliterateCyrillic('юрий', 'russian')).toBe('yury');
    expect(transliterateCyrillic('евгений', 'russian')).toMatch(/^yevgen/);
    expect(transliterateCyrillic('григорій', 'ukrainian')).toMatch(/^hryhori/);
    expect(transliterateCyrillic('щерев', 'bulgarian')).toBe('shterev');
  });
});

describe('Greek and Arabic script', () => {
  it('gives the ELOT 743 form and the spoken form', () => {
    expect(greekVariants('Παπαδόπουλος')).toEqual(['papadopoulos', 'papadopulos']);
    expect(greekVariants('Γιώργος')).toEqual(['giorgos', 'yiorgos']);
  });

  it('reduces Arabic script to the consonant skeleton Latin spellings share', () => {
    expect(arabicSkeleton('محمد')).toBe('mhmd');
    expect(arabicSkeleton('حسین')).toBe('hsn');
    expect(scriptOf('عبدالمنان')).toBe('arabic');
  });
});
