/**
 * String similarity for name parts. Jaro-Winkler alone is too generous to the long shared
 * endings of the region's surnames (Petrović / Pavlović scores 0.78), so the similarity that
 * decides is edit-based, with a swap of two neighbouring letters, the commonest typing slip,
 * costing half an edit.
 */

const rowBuffers: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

function ensureRows(length: number): void {
  if (rowBuffers[0].length > length) return;
  for (let index = 0; index < 3; index++) rowBuffers[index] = new Float64Array(length * 2 + 1);
}

/**
 * Optimal string alignment distance (restricted Damerau-Levenshtein): insertions, deletions
 * and substitutions cost 1, a transposition of adjacent letters `transpositionCost`.
 */
export function editDistance(a: string, b: string, transpositionCost = 0.5, vowelCost = 1): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  ensureRows(b.length + 1);
  let twoBack = rowBuffers[0];
  let previous = rowBuffers[1];
  let current = rowBuffers[2];
  previous[0] = 0;
  for (let j = 1; j <= b.length; j++)
    previous[j] = previous[j - 1] + indelCost(b.charCodeAt(j - 1), vowelCost);
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const costA = indelCost(ai, vowelCost);
    current[0] = previous[0] + costA;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const costB = indelCost(bj, vowelCost);
      const cost = ai === bj ? 0 : costA < 1 && costB < 1 ? vowelCost : 1;
      let best = previous[j - 1] + cost;
      const deletion = previous[j] + costA;
      if (deletion < best) best = deletion;
      const insertion = current[j - 1] + costB;
      if (insertion < best) best = insertion;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && ai !== bj) {
        const transposition = twoBack[j - 2] + transpositionCost;
        if (transposition < best) best = transposition;
      }
      current[j] = best;
    }
    const spare = twoBack;
    twoBack = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length];
}

/** Latin vowels (a e i o u y): a vowel written otherwise, added or left out costs `vowelCost`. */
const VOWEL_CODES = new Uint8Array(128);
for (const letter of 'aeiouy') VOWEL_CODES[letter.charCodeAt(0)] = 1;

function indelCost(code: number, vowelCost: number): number {
  return code < 128 && VOWEL_CODES[code] === 1 ? vowelCost : 1;
}

export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const start = Math.max(0, i - window);
    const end = Math.min(i + window + 1, b.length);
    for (let j = start; j < end; j++) {
      if (!matchedB[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * prefixScale * (1 - jaro);
}

/** From this similarity up two parts agree: they count as an agreeing part of the names. */
export const SIMILARITY_FLOOR = 0.7;
/**
 * Below SIMILARITY_FLOOR parts do not agree, but down to this they are still alike (Smith,
 * Smythe) and earn a little credit (name-score.ts `credit`), rising with the similarity so that
 * no spelling makes a score jump; below it the similarity is returned as 0.
 */
export const CREDIT_FLOOR = 0.5;
/** A part of three letters or fewer with one letter changed that is not a vowel (Tim, Tin; Li, Lu). */
export const SHORT_PART_SLIP = 0.6;

/** A vowel changed, added or left out in a part of VOWEL_LIGHT_LENGTH letters or more costs this share of an edit. */
export const VOWEL_EDIT_COST = 0.5;
export const VOWEL_LIGHT_LENGTH = 5;

/** How much of the similarity one edit per letter takes away. */
export const EDIT_COST = 1.0;

const vowelFrame = (text: string) => text.replace(/[aeiouy]/g, '*');

function sameEnding(a: string, b: string): boolean {
  const last = a.charCodeAt(a.length - 1);
  const other = b.charCodeAt(b.length - 1);
  return last === other || (indelCost(last, 0) === 1 && indelCost(other, 0) === 1);
}

/**
 * 0..1 similarity of two spellings: one minus the edit distance over the longer length,
 * so that one slip in an eight-letter name still scores 0.875 while three changed letters
 * (Petrović / Pavlović) score 0.63; very short parts get less benefit of the doubt.
 */
export function spellingSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Below CREDIT_FLOOR the exact value is never used; lengths this far apart cannot reach it.
  if (Math.abs(a.length - b.length) > (1 - CREDIT_FLOOR) * longest) return 0;
  const distance = editDistance(a, b);
  // One letter of three (Tim, Tom; Jon, Jan) is a third of the part but not another name for sure:
  // a vowel reaches the floor, where a part starts to count; another letter stays alike, below it.
  // Two letters swapped (Sok, Sko) are a slip of typing, scored below like longer parts.
  if (longest <= 3 && distance === 1)
    return vowelFrame(a) === vowelFrame(b) ? SIMILARITY_FLOOR : SHORT_PART_SLIP;
  const shortPenalty = longest <= 3 ? 0.1 : distance >= 2 && longest <= 4 ? 0.2 : 0;
  // Vowels are what transliterations of one name differ in most (Moustfa, Mostafa; Rahim,
  // Rochim): in parts of five letters or more a vowel written otherwise costs less.
  // Not at the end, where a vowel makes another form of the name (Andre, Andrea; Daniele, Daniela).
  const weighed =
    longest >= VOWEL_LIGHT_LENGTH && distance >= 1 && sameEnding(a, b)
      ? editDistance(a, b, 0.5, VOWEL_EDIT_COST)
      : distance;
  const similarity = 1 - (EDIT_COST * weighed) / longest - shortPenalty;
  return similarity >= CREDIT_FLOOR ? similarity : 0;
}

/**
 * Endings that many surnames and given names share (patronymic and family suffixes):
 * two names alike only in them are not alike, so the stems are compared instead.
 */
const SHARED_ENDINGS = [
  'ovich',
  'evich',
  'ovski',
  'evski',
  'ovska',
  'evska',
  'zadeh',
  'ullah',
  'uddin',
  'ovic',
  'evic',
  'enko',
  'chuk',
  'oglu',
  'zade',
  'ulla',
  'udin',
  'ovna',
  'evna',
  'ski',
  'ska',
  'sky',
  'ova',
  'eva',
  'ic',
  'ov',
  'ev',
  'uk',
];

/** A spelling prepared for repeated comparison: its letters as a bit set, its common ending. */
export interface SpellingForm {
  text: string;
  letters: number;
  ending: string;
}

export function spellingForm(text: string): SpellingForm {
  let letters = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) - 97;
    if (code >= 0 && code < 26) letters |= 1 << code;
  }
  const ending =
    SHARED_ENDINGS.find((candidate) => text.length - candidate.length >= 2 && text.endsWith(candidate)) ?? '';
  return { text, letters, ending };
}

const VOWEL_BITS = [...'aeiouy'].reduce((bits, letter) => bits | (1 << (letter.charCodeAt(0) - 97)), 0);

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * `spellingSimilarity` of two prepared spellings, on the stems when both end the same common
 * way. Pairs that cannot reach `floor` (CREDIT_FLOOR, or SIMILARITY_FLOOR when only agreement
 * matters) are turned away before any edit distance:
 * every letter one has and the other lacks takes at least one edit.
 */
export function formSimilarity(a: SpellingForm, b: SpellingForm, floor = CREDIT_FLOOR): number {
  if (a.text === b.text) return 1;
  const longest = Math.max(a.text.length, b.text.length);
  // Three letters or fewer may differ by one letter and still earn credit (spellingSimilarity).
  const allowed = longest <= 3 ? 1 : (1 - floor) * longest;
  if (Math.abs(a.text.length - b.text.length) > allowed) return 0;
  // A vowel one has and the other lacks may cost only VOWEL_EDIT_COST (spellingSimilarity).
  const missing = (x: number, y: number) =>
    popcount(x & ~y & ~VOWEL_BITS) + VOWEL_EDIT_COST * popcount(x & ~y & VOWEL_BITS);
  if (Math.max(missing(a.letters, b.letters), missing(b.letters, a.letters)) > allowed) return 0;
  let ending = '';
  if (a.ending && b.text.endsWith(a.ending)) ending = a.ending;
  else if (b.ending && a.text.endsWith(b.ending)) ending = b.ending;
  if (ending && a.text.length - ending.length >= 2 && b.text.length - ending.length >= 2)
    return spellingSimilarity(a.text.slice(0, -ending.length), b.text.slice(0, -ending.length));
  return spellingSimilarity(a.text, b.text);
}

/** `spellingSimilarity` of the stems when both spellings end the same common way. */
export function nameSpellingSimilarity(a: string, b: string): number {
  return formSimilarity(spellingForm(a), spellingForm(b));
}
