/**
 * Trains the learned Cyrillic -> Latin model (src/names/learned-transliteration.ts) on the
 * Wikidata development pairs wd_russian_16.tsv (CC0) and writes src/names/cyrillic-latin-model.ts.
 * The test pairs (wd_russian_20.tsv) that eval-names.ts measures on are never read here.
 *
 *   npx tsx scripts/eval-names-train-transliteration.ts
 */
import { writeFileSync } from 'node:fs';
import {
  parseModel,
  transliterationScore,
  type TransliterationModel,
} from '../src/names/learned-transliteration.js';
import { foldLatin } from '../src/names/transliterate-latin.js';
import { corpusDirectory, corpusHas, readTransliterationPairs, seededRandom } from './eval-names-data.js';

const DEVELOPMENT = 'wikidata-translit-amazon/wd_russian_16.tsv';
const MAX_EMISSION = 3;
const ITERATIONS = 6;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/**
 * The share of unrelated development pairs allowed to score as a match: screening compares a
 * part with thousands of list parts, so this is kept far below what a pairwise test would allow.
 */
const FALSE_MATCH_RATE = 0.0002;

type Table = Map<string, number>;

function cleanCyrillic(text: string): string {
  return [...text.toLowerCase()].filter((character) => /\p{L}/u.test(character)).join('');
}

function cleanLatin(text: string): string {
  return foldLatin(text.toLowerCase()).replace(/[^a-z]/g, '');
}

function forwardBackward(cyrillic: string, latin: string, emissions: Table, insertions: Table) {
  const n = cyrillic.length;
  const m = latin.length;
  const at = (i: number, j: number) => i * (m + 1) + j;
  const emission = (i: number, j: number, length: number) =>
    emissions.get(`${cyrillic[i]}:${latin.slice(j, j + length)}`) ?? 0;
  const insertion = (j: number) => insertions.get(latin[j]) ?? 1e-6;
  const forward = new Float64Array((n + 1) * (m + 1));
  const backward = new Float64Array((n + 1) * (m + 1));
  forward[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const value = forward[at(i, j)];
      if (value === 0) continue;
      if (j < m) forward[at(i, j + 1)] += value * insertion(j);
      if (i < n)
        for (let k = 0; k <= MAX_EMISSION && j + k <= m; k++)
          forward[at(i + 1, j + k)] += value * emission(i, j, k);
    }
  }
  backward[at(n, m)] = 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let value = j < m ? insertion(j) * backward[at(i, j + 1)] : 0;
      if (i < n)
        for (let k = 0; k <= MAX_EMISSION && j + k <= m; k++)
          value += emission(i, j, k) * backward[at(i + 1, j + k)];
      backward[at(i, j)] = value;
    }
  }
  return { forward, backward, total: forward[at(n, m)], at, emission, insertion };
}

function train(pairs: Array<{ cyrillic: string; latin: string }>): { emissions: Table; insertions: Table } {
  // Start from every Cyrillic letter emitting every Latin substring it stands beside.
  const counts = new Map<string, number>();
  for (const { cyrillic, latin } of pairs)
    for (const letter of cyrillic)
      for (let j = 0; j <= latin.length; j++)
        for (let k = 0; k <= MAX_EMISSION && j + k <= latin.length; k++) {
          const key = `${letter}:${latin.slice(j, j + k)}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
  let emissions = normalise(counts);
  let insertions: Table = new Map([...LETTERS].map((letter) => [letter, 0.01]));
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const expected = new Map<string, number>();
    const inserted = new Map<string, number>();
    let logLikelihood = 0;
    for (const { cyrillic, latin } of pairs) {
      const { forward, backward, total, at, emission, insertion } = forwardBackward(
        cyrillic,
        latin,
        emissions,
        insertions,
      );
      if (!(total > 0)) continue;
      logLikelihood += Math.log(total);
      for (let i = 0; i <= cyrillic.length; i++) {
        for (let j = 0; j <= latin.length; j++) {
          const value = forward[at(i, j)];
          if (value === 0) continue;
          if (j < latin.length)
            inserted.set(
              latin[j],
              (inserted.get(latin[j]) ?? 0) + (value * insertion(j) * backward[at(i, j + 1)]) / total,
            );
          if (i < cyrillic.length)
            for (let k = 0; k <= MAX_EMISSION && j + k <= latin.length; k++) {
              const probability = emission(i, j, k);
              if (probability === 0) continue;
              const key = `${cyrillic[i]}:${latin.slice(j, j + k)}`;
              expected.set(
                key,
                (expected.get(key) ?? 0) + (value * probability * backward[at(i + 1, j + k)]) / total,
              );
            }
        }
      }
    }
    emissions = normalise(expected, 1e-3);
    const all = [...expected.values(), ...inserted.values()].reduce((sum, value) => sum + value, 0);
    insertions = new Map([...LETTERS].map((letter) => [letter, ((inserted.get(letter) ?? 0) + 0.01) / all]));
    process.stderr.write(
      `iteration ${iteration + 1}: log-likelihood ${logLikelihood.toFixed(0)}, ${emissions.size} emissions\n`,
    );
  }
  return { emissions, insertions };
}

/** Probabilities per Cyrillic letter, dropping the negligible ones. */
function normalise(counts: Map<string, number>, floor = 0): Table {
  const totals = new Map<string, number>();
  for (const [key, value] of counts) {
    const letter = key.slice(0, key.indexOf(':'));
    totals.set(letter, (totals.get(letter) ?? 0) + value);
  }
  const table: Table = new Map();
  for (const [key, value] of counts) {
    const probability = value / (totals.get(key.slice(0, key.indexOf(':'))) ?? 1);
    if (probability > floor) table.set(key, probability);
  }
  return table;
}

function pack(items: string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < items.length; index += 10) lines.push(items.slice(index, index + 10).join(' '));
  return lines.join('\n');
}

function main(): void {
  if (!corpusHas(DEVELOPMENT)) {
    process.stderr.write(
      `The Wikidata development pairs are not at ${corpusDirectory}/${DEVELOPMENT}; nothing trained.\n`,
    );
    process.exit(1);
  }
  const pairs = readTransliterationPairs(DEVELOPMENT)
    .map((pair) => ({ cyrillic: cleanCyrillic(pair.other), latin: cleanLatin(pair.latin) }))
    .filter((pair) => pair.cyrillic && pair.latin && /^[\u0400-\u04ff]+$/.test(pair.cyrillic));
  const { emissions, insertions } = train(pairs);
  const background = new Map<string, number>();
  let letters = 0;
  for (const { latin } of pairs)
    for (const letter of latin) {
      background.set(letter, (background.get(letter) ?? 0) + 1);
      letters++;
    }
  // Which Latin letters a name starts with, per Cyrillic first letter: a cheap test that
  // spares running the model on pairs it could not accept.
  // Pairs seen once or twice (often not transliterations at all) do not count.
  const firstCounts = new Map<string, Map<string, number>>();
  for (const { cyrillic, latin } of pairs) {
    const counts = firstCounts.get(cyrillic[0]) ?? new Map<string, number>();
    counts.set(latin[0], (counts.get(latin[0]) ?? 0) + 1);
    firstCounts.set(cyrillic[0], counts);
  }
  const firstLetters = new Map<string, Set<string>>();
  for (const [letter, counts] of firstCounts) {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const kept = [...counts]
      .filter(([, count]) => count >= Math.max(3, 0.005 * total))
      .map(([latin]) => latin);
    firstLetters.set(letter, new Set(kept));
  }
  const round = (value: number) => Number(value.toPrecision(3));
  const packed = {
    firstLetters: pack([...firstLetters].map(([letter, set]) => `${letter}:${[...set].sort().join('')}`)),
    emissions: pack([...emissions].map(([key, value]) => `${key}:${round(value)}`)),
    insertions: pack([...insertions].map(([letter, value]) => `${letter}:${round(value)}`)),
    background: pack([...background].map(([letter, count]) => `${letter}:${round(count / letters)}`)),
    matchScore: 0,
  };
  // The match score: unrelated development pairs (each Latin word with another row's Cyrillic).
  const model: TransliterationModel = parseModel(packed);
  const random = seededRandom(16);
  const unrelated: number[] = [];
  for (const pair of pairs) {
    const other = pairs[Math.floor(random() * pairs.length)];
    if (other.latin !== pair.latin) unrelated.push(transliterationScore(other.cyrillic, pair.latin, model));
  }
  unrelated.sort((a, b) => b - a);
  packed.matchScore = round(unrelated[Math.floor(FALSE_MATCH_RATE * unrelated.length)]);
  const source = `/**
 * Generated by scripts/eval-names-train-transliteration.ts from the Wikidata development pairs
 * (wd_russian_16.tsv, Merhav & Ash, COLING 2018; CC0 1.0). Do not edit by hand.
 * emissions: cyrillic:latin:probability; insertions and background: letter:probability;
 * firstLetters: the Latin first letters seen for each Cyrillic first letter.
 */
export const CYRILLIC_LATIN_MODEL = {
  matchScore: ${packed.matchScore},
  firstLetters: \`
${packed.firstLetters}\`,
  emissions: \`
${packed.emissions}\`,
  insertions: \`
${packed.insertions}\`,
  background: \`
${packed.background}\`,
};
`;
  writeFileSync(new URL('../src/names/cyrillic-latin-model.ts', import.meta.url), source);
  process.stderr.write(`model written: ${emissions.size} emissions, match score ${packed.matchScore}\n`);
}

main();
