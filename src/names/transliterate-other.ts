/**
 * Romanisation of the scripts without a table of our own: Han (Mandarin Pinyin), Hangul
 * (Revised Romanisation and the McCune-Reischauer-like forms lists print: Kim for Gim,
 * Jong for Jeong), Kana (Hepburn), Hebrew, Thai, Armenian, Georgian, Devanagari and the
 * other Indic scripts, Khmer, Myanmar ... through the any-ascii package (ISC), which keeps
 * one reading per character for every script in Unicode.
 */
import anyAscii from 'any-ascii';

const HAN = /^\p{Script=Han}+$/u;
const HANGUL = /^\p{Script=Hangul}+$/u;
const MYANMAR = /^[\u1000-\u109f]+$/u;
/**
 * Myanmar writes a name's syllables together, Latin apart (မင်းအောင်လှိုင်, Min Aung Hlaing): a
 * syllable starts at a consonant or independent vowel not closed by an asat or stacked (virama).
 */
const MYANMAR_SYLLABLE = /(?=[\u1000-\u102a\u103f\u104c-\u104f](?![\u103a\u1039]))/u;
/** Scripts that write every vowel, read by any-ascii as fully as a table of ours would. */
const FULL_ALPHABET =
  /^[\p{Script=Armenian}\p{Script=Georgian}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+$/u;

/**
 * A Han or Hangul name written as one word: the family name (one character) and the given
 * name, as they are written apart in Latin (习近平 -> 习 近平, 김정은 -> 김 정은); a Myanmar
 * name by its syllables.
 */
export function splitEastAsianName(word: string): string[] {
  if (MYANMAR.test(word)) return word.split(MYANMAR_SYLLABLE).filter(Boolean);
  const characters = [...word];
  if (characters.length < 2 || characters.length > 4 || !(HAN.test(word) || HANGUL.test(word))) return [word];
  return [characters[0], characters.slice(1).join('')];
}

function hangulVariants(romanised: string): string[] {
  const variants = [romanised];
  // North Korean and older forms: Kim, Jong, Un, Ri, Pak rather than Gim, Jeong, Eun, I, Bak.
  const older = romanised
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/^g/, 'k')
    .replace(/^b/, 'p')
    .replace(/^d/, 't');
  variants.push(older);
  if (/^[il]$|^ri$|^li$/.test(romanised)) variants.push('ri', 'li', 'lee', 'yi');
  return variants;
}

/** The ASCII spellings of a lowercase part in a script without a table of ours, most usual first. */
export function otherScriptSpellings(text: string): Array<{ ascii: string; convention: string }> {
  const romanised = anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (!romanised) return [];
  if (HANGUL.test(text)) return hangulVariants(romanised).map((ascii) => ({ ascii, convention: 'korean' }));
  if (HAN.test(text)) return [{ ascii: romanised, convention: 'pinyin' }];
  return [{ ascii: romanised, convention: FULL_ALPHABET.test(text) ? 'alphabet' : 'any-ascii' }];
}

/**
 * A Mandarin syllable in Pinyin also as the Wade-Giles and English-press forms write it, and
 * the other way round: Xi, Shi and Hsi; Qian and Chian; Zhou, Chou and Jou.
 */
export function pinyinVariants(ascii: string): string[] {
  if (ascii.length > 5) return [];
  const rest = (prefix: string) => ascii.slice(prefix.length);
  if (/^x[iu]/.test(ascii)) return [`sh${rest('x')}`, `hs${rest('x')}`];
  if (/^hs[iu]/.test(ascii)) return [`x${rest('hs')}`, `sh${rest('hs')}`];
  if (/^q[iu]/.test(ascii)) return [`ch${rest('q')}`];
  if (/^zh[aeiou]/.test(ascii)) return [`ch${rest('zh')}`, `j${rest('zh')}`];
  return [];
}
