/**
 * What tells one company from another of nearly the same name: its number or series, the
 * place of a branch or subsidiary (often in brackets), and the acronym it is also known by.
 * Numbers are brought to one form (digits) wherever they are written as words, ordinals or
 * Roman numerals, so that "Fund 2", "Fund Two", "Fund II" and "Fund 2nd" are one name.
 */
import { countryCode } from './countries.js';
import { foldLatin } from './transliterate-latin.js';

const CARDINALS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
};

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  twentieth: 20,
  hundredth: 100,
};

/** Series numbers up to 39: with L, C, D and M, words ("mix", "cv" of S.A. de C.V.) would be read as numbers. */
const ROMAN = /^x{0,3}(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(text: string): number | undefined {
  // One letter is an initial or a word ("I", "V" for "in") more often than a numeral.
  if (text.length < 2 || !ROMAN.test(text)) return undefined;
  let total = 0;
  for (let index = 0; index < text.length; index++) {
    const value = ROMAN_VALUES[text[index]];
    const next = ROMAN_VALUES[text[index + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** A word of a name as a number in digits ("two", "2nd", "II", "002" -> "2"), or undefined. */
export function numberValue(word: string): string | undefined {
  const text = foldLatin(word.toLowerCase());
  const digits = /^0*(\d+)(?:st|nd|rd|th|\.)?$/.exec(text);
  if (digits) return digits[1] || '0';
  const value = CARDINALS[text] ?? ORDINALS[text] ?? romanValue(text);
  return value === undefined ? undefined : String(value);
}

/** Words that stand before a number and say only that it is one: "No. 2", "Nr 2", "#2". */
export const NUMBER_MARKERS: ReadonlySet<string> = new Set(['no', 'nr', 'n', 'number', 'num', '№']);

/** Words that make the word before them the place of a branch or office. */
const BRANCH_WORDS: ReadonlySet<string> = new Set(['branch', 'office', 'representative', 'subsidiary']);

/** Cities and territories that name companies' branches and are not countries. */
const PLACES: ReadonlySet<string> = new Set(
  'hong kong macau macao dubai abu dhabi sharjah tehran moscow london istanbul shanghai beijing shenzhen guangzhou tianjin pyongyang damascus beirut baghdad caracas havana minsk kyiv kiev almaty tashkent baku tbilisi yerevan kabul karachi lahore mumbai delhi kolkata jakarta manila bangkok hanoi riyadh jeddah doha muscat kuwait cairo tripoli benghazi khartoum mogadishu nairobi lagos geneva zurich vienna paris berlin frankfurt hamburg rome milan madrid barcelona amsterdam rotterdam brussels luxembourg labuan panama'.split(
    ' ',
  ),
);

/** Whether a lowercase word names a country, a major city or a territory. */
export function isPlace(word: string): boolean {
  const folded = foldLatin(word);
  return folded.length > 2 && (PLACES.has(folded) || countryCode(folded) !== undefined);
}

/** A bracketed remark that is the name's acronym: one word of two to eight capitals or digits. */
export function acronymOf(remark: string): string | undefined {
  const text = remark.trim().replace(/[.\s-]/g, '');
  if (!/^[\p{Lu}\d&]{2,8}$/u.test(text) || /^\d+$/.test(text)) return undefined;
  return foldLatin(text.toLowerCase());
}

interface Word {
  text: string;
  weak: boolean;
}

/**
 * The places that qualify a company name, set aside from its words like its legal form: a
 * bracketed remark ("(Hong Kong)"), the place of a branch or office ("Dubai Branch"), and
 * places ending a name that has two words of its own before them ("Alfa Trading Cyprus").
 * "Bank of China" keeps its country: without it nothing of the name would be left.
 */
export function setPlacesAside<T extends Word>(
  parts: readonly T[],
  bracketed: readonly T[],
  trailing: boolean,
): { parts: T[]; places: string[] } {
  const places = new Set<string>();
  for (const part of bracketed)
    if (!BRANCH_WORDS.has(part.text) && !part.weak) places.add(foldLatin(part.text));
  const kept: T[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (BRANCH_WORDS.has(part.text) && index > 0) continue;
    if (BRANCH_WORDS.has(parts[index + 1]?.text ?? '') && index > 0 && !part.weak) {
      places.add(foldLatin(part.text));
      continue;
    }
    kept.push(part);
  }
  let end = kept.length;
  if (trailing) {
    const strongBefore = (at: number) => kept.slice(0, at).filter((part) => !part.weak).length;
    while (end > 0 && isPlace(kept[end - 1].text) && strongBefore(end - 1) >= 2) end--;
    for (const part of kept.slice(end)) places.add(foldLatin(part.text));
  }
  return { parts: kept.slice(0, end), places: [...places].filter((place) => place.length > 1) };
}
