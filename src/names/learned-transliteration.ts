/**
 * A learned Cyrillic -> Latin transliteration model for the names no table covers: foreign
 * names in Russian spelling (Хэйнсуорт / Hainsworth, Цубосима / Tsuboshima, Паризо /
 * Pariseau). Each Cyrillic letter emits a Latin string of 0-3 letters, and Latin letters may
 * be inserted; the probabilities were estimated by expectation-maximisation on the Wikidata
 * development pairs (scripts/eval-names-train-transliteration.ts), never on the test pairs.
 * A pair scores by how much more likely the Latin is given the Cyrillic than by chance.
 */
import { CYRILLIC_LATIN_MODEL } from './cyrillic-latin-model.js';
import { OPERATING_THRESHOLD } from './threshold.js';

export interface TransliterationModel {
  /** Cyrillic letter -> its row in `emissions`. */
  letters: Map<string, number>;
  /**
   * One row of EMISSION_CODES per Cyrillic letter: the probability of emitting the Latin
   * string whose code (base 27, a = 1) indexes it; code 0 is the empty string.
   */
  emissions: Float64Array;
  /** Per Latin letter (a = 0). */
  insertions: Float64Array;
  background: Float64Array;
  /** Score at which a pair is taken as a match (maps to the operating threshold). */
  matchScore: number;
  /** Cyrillic first letter -> the Latin first letters seen with it in training. */
  firstLetters: Map<string, string>;
}

const MAX_EMISSION = 3;
const EMISSION_CODES = 27 ** MAX_EMISSION;

function latinCode(text: string): number {
  let code = 0;
  for (let index = 0; index < text.length; index++) code = code * 27 + (text.charCodeAt(index) - 96);
  return code;
}

function letterTable(text: string): Float64Array {
  const table = new Float64Array(26).fill(1e-6);
  for (const item of text.split(/\s+/)) {
    const [letter, probability] = item.split(':');
    if (letter && /^[a-z]$/.test(letter)) table[letter.charCodeAt(0) - 97] = Number(probability);
  }
  return table;
}

export function parseModel(packed: {
  emissions: string;
  insertions: string;
  background: string;
  matchScore: number;
  firstLetters?: string;
}): TransliterationModel {
  const items = packed.emissions
    .split(/\s+/)
    .filter(Boolean)
    .map((item) => item.split(':'));
  const letters = new Map<string, number>();
  for (const [cyrillic] of items) if (!letters.has(cyrillic)) letters.set(cyrillic, letters.size);
  const emissions = new Float64Array(letters.size * EMISSION_CODES);
  for (const [cyrillic, latin, probability] of items) {
    if (!/^[a-z]{0,3}$/.test(latin)) continue;
    emissions[(letters.get(cyrillic) as number) * EMISSION_CODES + latinCode(latin)] = Number(probability);
  }
  const firstLetters = new Map<string, string>();
  for (const item of (packed.firstLetters ?? '').split(/\s+/)) {
    const [cyrillic, latin] = item.split(':');
    if (cyrillic && latin) firstLetters.set(cyrillic, latin);
  }
  return {
    letters,
    emissions,
    insertions: letterTable(packed.insertions),
    background: letterTable(packed.background),
    matchScore: packed.matchScore,
    firstLetters,
  };
}

let model: TransliterationModel | undefined;

function loaded(): TransliterationModel {
  model ??= parseModel(CYRILLIC_LATIN_MODEL);
  return model;
}

let forward = new Float64Array(256);

/** ln P(latin | cyrillic), summed over all alignments (forward algorithm). */
export function logLikelihood(
  cyrillic: string,
  latin: string,
  using: TransliterationModel = loaded(),
): number {
  const rows: number[] = [];
  for (const letter of cyrillic) {
    const row = using.letters.get(letter);
    if (row === undefined) return Number.NEGATIVE_INFINITY;
    rows.push(row * EMISSION_CODES);
  }
  const codes: number[] = [];
  for (let index = 0; index < latin.length; index++) {
    const code = latin.charCodeAt(index) - 96;
    if (code < 1 || code > 26) return Number.NEGATIVE_INFINITY;
    codes.push(code);
  }
  const columns = codes.length + 1;
  const size = (rows.length + 1) * columns;
  if (forward.length < size) forward = new Float64Array(size * 2);
  forward.fill(0, 0, size);
  forward[0] = 1;
  const { emissions, insertions } = using;
  for (let i = 0; i <= rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < columns; j++) {
      const value = forward[i * columns + j];
      if (value === 0) continue;
      if (j < codes.length) forward[i * columns + j + 1] += value * insertions[codes[j] - 1];
      if (i === rows.length) continue;
      const next = (i + 1) * columns + j;
      forward[next] += value * emissions[row];
      let code = 0;
      for (let length = 1; length <= MAX_EMISSION && j + length < columns; length++) {
        code = code * 27 + codes[j + length - 1];
        const probability = emissions[row + code];
        if (probability > 0) forward[next + length] += value * probability;
      }
    }
  }
  const total = forward[rows.length * columns + codes.length];
  return total > 0 ? Math.log(total) : Number.NEGATIVE_INFINITY;
}

/** Per-letter log-likelihood ratio of the Latin given the Cyrillic against the Latin by chance. */
export function transliterationScore(
  cyrillic: string,
  latin: string,
  using: TransliterationModel = loaded(),
): number {
  let chance = 0;
  for (let index = 0; index < latin.length; index++)
    chance += Math.log(using.background[latin.charCodeAt(index) - 97] ?? 1e-5);
  return (logLikelihood(cyrillic, latin, using) - chance) / (latin.length + 1);
}

/** The highest similarity the model gives: it can be fooled, unlike a table. */
export const LEARNED_CEILING = 0.92;

/**
 * The model's score as a similarity: `matchScore` (chosen on development pairs for about one
 * false match in five thousand unrelated pairs) gives the operating threshold, and anything
 * below it nothing at all.
 */
export function learnedTransliterationSimilarity(cyrillic: string, latin: string): number {
  if (!cyrillic || !latin || latin.length > 40 || cyrillic.length > 40) return 0;
  const using = loaded();
  const starts = using.firstLetters.get(cyrillic[0]);
  if (starts !== undefined && !starts.includes(latin[0])) return 0;
  const score = transliterationScore(cyrillic, latin, using);
  // Below its match score the model says nothing: unrelated words often score just under it.
  if (!Number.isFinite(score) || score < using.matchScore) return 0;
  return Math.min(LEARNED_CEILING, OPERATING_THRESHOLD + 0.08 * (score - using.matchScore));
}
