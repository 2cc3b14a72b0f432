/**
 * Reading patterns (the alphabet of arabic-latin.ts: consonant classes, long vowels A, U, I,
 * E for a letter Latin writes as any vowel or none, T for a final -a / -ah) for scripts that
 * leave short vowels out and have no table of ours besides any-ascii: Hebrew by its letters,
 * and the Indic scripts, Thai, Khmer and the like from their any-ascii reading, whose inherent
 * vowels are missing (नरेंद्र reads nremdr for Narendra). Compared with a Latin spelling as an
 * Arabic-script part is: a Latin vowel with nothing opposite is almost free.
 */
import { latinPattern } from './phonetic.js';

const HEBREW = /^[\u0590-\u05ff]+$/u;

/** Hebrew letters: the first reading, then the softened one after a vowel (b/v, p/f, ts/tz). */
const HEBREW_LETTERS: Record<string, [string, string]> = {
  א: ['E', 'E'],
  ב: ['b', 'v'],
  ג: ['g', 'g'],
  ד: ['d', 'd'],
  ה: ['h', 'h'],
  ז: ['z', 'z'],
  ח: ['h', 'k'],
  ט: ['t', 't'],
  כ: ['k', 'k'],
  ך: ['k', 'k'],
  ל: ['l', 'l'],
  מ: ['m', 'm'],
  ם: ['m', 'm'],
  נ: ['n', 'n'],
  ן: ['n', 'n'],
  ס: ['s', 's'],
  ע: ['E', 'E'],
  פ: ['p', 'f'],
  ף: ['f', 'f'],
  צ: ['C', 'tz'],
  ץ: ['C', 'tz'],
  ק: ['k', 'k'],
  ר: ['r', 'r'],
  ש: ['s', 's'],
  ת: ['t', 't'],
};

function hebrewPattern(word: string, soft: boolean): string {
  const letters = [...word.replace(/[\u0591-\u05c7]/g, '')];
  let out = '';
  letters.forEach((letter, index) => {
    const next = letters[index + 1];
    const last = index === letters.length - 1;
    let symbol: string;
    // Vav and yod write the vowels U/O and I, consonants at the start, doubled or before a vowel letter.
    if (letter === 'ו' || letter === 'י') {
      const consonant = index === 0 || next === letter || (next !== undefined && 'אהוי'.includes(next));
      symbol = consonant ? (letter === 'ו' ? 'v' : 'y') : letter === 'ו' ? 'U' : 'I';
      if (index > 0 && letters[index - 1] === letter) symbol = '';
    } else if (letter === 'ה' && last && index > 1) symbol = 'T';
    else symbol = HEBREW_LETTERS[letter]?.[soft && index > 0 ? 1 : 0] ?? '';
    if (symbol && !(out.endsWith(symbol) && symbol !== 'E')) out += symbol;
  });
  return out;
}

/** The any-ascii reading as a pattern: its vowels long (written), an anusvara m before a stop as n. */
function readingPattern(ascii: string): string {
  return latinPattern(ascii.replace(/m(?=[bcdgjkpt])/g, 'n'))
    .replace(/a/g, 'A')
    .replace(/[ei]/g, 'I')
    .replace(/[ou]/g, 'U');
}

/** Patterns of a lowercase part of a script without vowels of its own table; none for others. */
export function abjadPatterns(text: string, anyAscii: string): string[] {
  if (HEBREW.test(text)) {
    const patterns = [hebrewPattern(text, false), hebrewPattern(text, true)];
    return [...new Set(patterns.filter(Boolean))];
  }
  const pattern = readingPattern(anyAscii);
  return pattern ? [pattern] : [];
}
