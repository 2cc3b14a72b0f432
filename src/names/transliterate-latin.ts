/**
 * Latin letters with diacritics -> ASCII, after ICAO Doc 9303 part 3 (table A), plus the
 * national practices that differ from it. The first option of each letter is the ICAO one;
 * the others are what passports, visas and lists of the region also print.
 */

/** Letters with more than one accepted ASCII form, ICAO form first. */
const AMBIGUOUS: Record<string, readonly string[]> = {
  // South Slavic: ICAO folds Đ to D, Serbian and Croatian practice writes DJ.
  đ: ['d', 'dj'],
  ð: ['d', 'dh'],
  ć: ['c', 'ch'],
  č: ['c', 'ch'],
  ž: ['z', 'zh'],
  š: ['s', 'sh'],
  // German, Nordic, Hungarian: the e-forms are the ICAO "AE/OE/UE" option.
  ä: ['ae', 'a'],
  ö: ['oe', 'o'],
  ü: ['ue', 'u'],
  ő: ['o', 'oe'],
  ű: ['u', 'ue'],
  å: ['aa', 'a'],
  ø: ['oe', 'o'],
  ñ: ['n', 'ny'],
  // Turkish, Albanian, Romanian, Azerbaijani.
  ç: ['c', 'ch'],
  ş: ['s', 'sh'],
  ș: ['s', 'sh'],
  ţ: ['t', 'ts'],
  ț: ['t', 'ts'],
  ğ: ['g', ''],
  ə: ['a', 'e'],
  // Albanian ë is often left out at the end of a name and written E elsewhere.
  ë: ['e', ''],
  ł: ['l', 'w'],
  ř: ['r', 'rz'],
};

/** Letters with one ASCII form that plain Unicode decomposition does not give. */
const SINGLE: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ĳ: 'ij',
  ŀ: 'l',
  ŋ: 'n',
  ħ: 'h',
  ŧ: 't',
  ſ: 's',
  ǆ: 'dz',
  ǉ: 'lj',
  ǌ: 'nj',
  ʒ: 'z',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Folds one lowercase character to ASCII with the ICAO choice (the first option). */
export function foldLatinCharacter(character: string): string {
  const ambiguous = AMBIGUOUS[character];
  if (ambiguous) return ambiguous[0];
  const single = SINGLE[character];
  if (single !== undefined) return single;
  const decomposed = character.normalize('NFD').replace(COMBINING_MARKS, '');
  return decomposed.length > 0 && isAsciiLetterOrDigit(decomposed.charCodeAt(0)) ? decomposed : '';
}

/** A lowercase Latin token folded to ASCII with the ICAO choices. Non-Latin letters are dropped. */
export function foldLatin(token: string): string {
  let out = '';
  for (const character of token) {
    const code = character.charCodeAt(0);
    out += isAsciiLetterOrDigit(code) ? character : foldLatinCharacter(character);
  }
  return out;
}

/**
 * Digraphs that an ASCII name may have got from one letter with a diacritic (DJ from Đ,
 * CH from Č or Ć, ZH from Ž, SH from Š, KH from Х), which ICAO folding writes as one letter:
 * DJORDJEVIC is also read as DORDEVIC.
 */
const ASCII_DIGRAPHS: Record<string, string> = { dj: 'd', ch: 'c', zh: 'z', sh: 's', kh: 'h' };

function asciiVariants(token: string, limit: number): string[] {
  const variants = [token];
  for (const [digraph, single] of Object.entries(ASCII_DIGRAPHS)) {
    if (!token.includes(digraph)) continue;
    const size = variants.length;
    for (let index = 0; index < size && variants.length < limit; index++) {
      const variant = variants[index].split(digraph).join(single);
      if (!variants.includes(variant)) variants.push(variant);
    }
  }
  return variants;
}

/**
 * The ASCII spellings of a lowercase Latin token where practice differs, ICAO form first.
 * One choice per letter for the whole token (a passport writes every Đ of a name the same
 * way), so Đorđević gives dordevic, dordevich, djordjevic, djordjevich and not a mixture.
 */
export function latinVariants(token: string, limit = 8): string[] {
  const ambiguousLetters: string[] = [];
  for (const character of token) {
    if (AMBIGUOUS[character] && !ambiguousLetters.includes(character)) ambiguousLetters.push(character);
  }
  if (ambiguousLetters.length === 0) return asciiVariants(foldLatin(token), limit);
  const choices: Array<Record<string, string>> = [{}];
  for (const letter of ambiguousLetters) {
    const size = choices.length;
    for (let index = 0; index < size; index++) {
      for (const option of AMBIGUOUS[letter].slice(1)) {
        if (choices.length >= limit) break;
        choices.push({ ...choices[index], [letter]: option });
      }
    }
  }
  const variants: string[] = [];
  for (const choice of choices) {
    let out = '';
    for (const character of token) {
      const chosen = choice[character];
      if (chosen !== undefined) out += chosen;
      else {
        const code = character.charCodeAt(0);
        out += isAsciiLetterOrDigit(code) ? character : foldLatinCharacter(character);
      }
    }
    if (!variants.includes(out)) variants.push(out);
  }
  return variants;
}
