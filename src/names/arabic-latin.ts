/**
 * Similarity of an Arabic-script name part and a Latin one, on reading patterns
 * (transliterate-arabic.ts `arabicPatterns`, phonetic.ts `latinPattern`). Arabic script writes
 * the consonants and the long vowels but not the short ones, so a Latin vowel with nothing
 * opposite is almost free, while a long vowel must meet a compatible Latin vowel: سارا is
 * Sara, not Suri, though both have the skeleton S-R.
 */

const LATIN_VOWELS = 'aeiou';
const ARABIC_VOWELS = 'AUI';
const NEAR_CONSONANTS = new Set([
  'sz',
  'zs',
  'td',
  'dt',
  'kg',
  'gk',
  'hk',
  'kh',
  'jg',
  'gj',
  'fv',
  'vf',
  'sC',
  'Cs',
  'jz',
  'zj',
]);

const VOWEL_COST: Record<string, Record<string, number>> = {
  A: { a: 0, e: 0.2, o: 0.3, i: 0.7, u: 0.7 },
  U: { u: 0, o: 0, a: 0.7, e: 0.7, i: 0.7 },
  I: { i: 0, e: 0, a: 0.7, o: 0.7, u: 0.7 },
};

function substitution(arabic: string, latin: string): number {
  const latinVowel = LATIN_VOWELS.includes(latin);
  if (arabic === 'E') return latinVowel ? 0 : 1;
  if (arabic === 'T') return latinVowel ? 0 : latin === 'h' ? 0 : latin === 't' ? 0.2 : 1;
  if (ARABIC_VOWELS.includes(arabic)) {
    if (latinVowel) return VOWEL_COST[arabic][latin];
    if ((arabic === 'U' && latin === 'v') || (arabic === 'I' && latin === 'y')) return 0.3;
    return 1;
  }
  if (latinVowel)
    return (arabic === 'v' && (latin === 'u' || latin === 'o')) ||
      (arabic === 'y' && (latin === 'i' || latin === 'e'))
      ? 0.3
      : 1;
  if (arabic === latin) return 0;
  return NEAR_CONSONANTS.has(arabic + latin) ? 0.5 : 1;
}

function deletion(arabic: string): number {
  if (arabic === 'E' || arabic === 'T') return 0;
  if (ARABIC_VOWELS.includes(arabic)) return 0.5;
  return arabic === 'h' ? 0.5 : 1;
}

function insertion(latin: string): number {
  if (LATIN_VOWELS.includes(latin)) return 0.05;
  return latin === 'h' ? 0.5 : 1;
}

/** The costs above as tables over character codes, built once. */
const SUBSTITUTION = new Float64Array(128 * 128);
const DELETION = new Float64Array(128);
const INSERTION = new Float64Array(128);
for (let a = 0; a < 128; a++) {
  const arabic = String.fromCharCode(a);
  DELETION[a] = deletion(arabic);
  INSERTION[a] = insertion(arabic);
  for (let l = 0; l < 128; l++) SUBSTITUTION[a * 128 + l] = substitution(arabic, String.fromCharCode(l));
}

let row = new Float64Array(64);
let previous = new Float64Array(64);

function patternDistance(arabic: string, latin: string): number {
  if (row.length <= latin.length) {
    row = new Float64Array(latin.length * 2 + 1);
    previous = new Float64Array(latin.length * 2 + 1);
  }
  previous[0] = 0;
  for (let j = 1; j <= latin.length; j++)
    previous[j] = previous[j - 1] + INSERTION[latin.charCodeAt(j - 1) & 127];
  for (let i = 1; i <= arabic.length; i++) {
    const a = arabic.charCodeAt(i - 1) & 127;
    const deletionCost = DELETION[a];
    const substitutionRow = a * 128;
    row[0] = previous[0] + deletionCost;
    for (let j = 1; j <= latin.length; j++) {
      const l = latin.charCodeAt(j - 1) & 127;
      let best = previous[j - 1] + SUBSTITUTION[substitutionRow + l];
      const removed = previous[j] + deletionCost;
      if (removed < best) best = removed;
      const inserted = row[j - 1] + INSERTION[l];
      if (inserted < best) best = inserted;
      row[j] = best;
    }
    const spare = previous;
    previous = row;
    row = spare;
  }
  return previous[latin.length];
}

/** The highest similarity an Arabic-Latin pair can get: the vowels cannot be checked. */
export const ARABIC_LATIN_CEILING = 0.92;

export function arabicLatinSimilarity(arabicPattern: string, latinPattern: string): number {
  let weight = 0;
  for (const symbol of arabicPattern) if (symbol !== 'E' && symbol !== 'T') weight++;
  const cost = patternDistance(arabicPattern, latinPattern);
  return Math.max(0, ARABIC_LATIN_CEILING * (1 - cost / Math.max(2, weight)));
}
