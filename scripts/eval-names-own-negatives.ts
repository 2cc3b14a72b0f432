/**
 * Synthetic persons of our own, for developing the matcher without tuning on the reported
 * false-hit set: the given names and surnames of the OpenSanctions synthetic persons
 * (negatives_global.csv, negatives_us.csv) recombined under another seed, within one script, so
 * that no person of the reported set is screened. Screened name only against the UN and OFAC
 * persons, as the reported set is; prints the rate and every hit.
 *
 *   npx tsx scripts/eval-names-own-negatives.ts [seed] [count per file] [threshold]
 */
import { pathToFileURL } from 'node:url';
import { NameIndex, screenPerson } from '../src/names/api.js';
import { readBenchmarkPersons, seededRandom, type BenchmarkPerson } from './eval-names-data.js';
import { readOfacList, readUnList } from './eval-names-lists.js';

const REPORTED_SEED = 0;
/** The seed and size the development set's threshold choice reads (eval-names-dev.ts). */
export const OWN_SEED = 4242;
export const OWN_COUNT_PER_FILE = 50_000;

function scriptGroup(name: string): string {
  if (/[\u0600-\u06ff]/.test(name)) return 'arabic';
  if (/^[\p{Script=Latin}\s'.-]+$/u.test(name)) return 'latin';
  return [...name.replace(/\s/g, '')].some((c) => /\p{Script=Cyrillic}/u.test(c)) ? 'cyrillic' : 'other';
}

/** Persons like the file's, each part taken from another person of the same script. */
export function recombinedPersons(file: string, count: number, random: () => number): string[] {
  const persons: BenchmarkPerson[] = readBenchmarkPersons(file);
  const known = new Set(persons.map((person) => person.fullName));
  const pools = new Map<string, { given: string[]; surnames: string[]; shapes: number[] }>();
  for (const person of persons) {
    const words = person.fullName.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const group = scriptGroup(person.fullName);
    const pool = pools.get(group) ?? { given: [], surnames: [], shapes: [] };
    pool.given.push(...words.slice(0, -1));
    pool.surnames.push(words[words.length - 1]);
    pool.shapes.push(words.length);
    pools.set(group, pool);
  }
  const groups = [...pools];
  const weights = groups.map(([, pool]) => pool.shapes.length);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const names: string[] = [];
  while (names.length < count) {
    let roll = random() * total;
    let at = 0;
    while (roll >= weights[at]) roll -= weights[at++];
    const pool = groups[at][1];
    const length = pick(pool.shapes);
    const words = Array.from({ length: length - 1 }, () => pick(pool.given));
    words.push(pick(pool.surnames));
    const name = words.join(' ');
    if (!known.has(name)) names.push(name);
  }
  return names;
}

/** Our own synthetic persons of a seed (never REPORTED_SEED), both files. */
export function ownNegatives(seed = OWN_SEED, countPerFile = OWN_COUNT_PER_FILE): string[] {
  if (seed === REPORTED_SEED) throw new Error('choose a seed of your own');
  const random = seededRandom(seed);
  return [
    ...recombinedPersons('opensanctions-yente/negatives_global.csv', countPerFile, random),
    ...recombinedPersons('opensanctions-yente/negatives_us.csv', countPerFile, random),
  ];
}

/** The UN and OFAC persons, indexed: what the synthetic persons are screened against. */
export function listedPersonsIndex(): NameIndex {
  const index = new NameIndex();
  index.addAll(readUnList().filter((entry) => entry.kind === 'person'));
  index.addAll(readOfacList().filter((entry) => entry.kind === 'person'));
  index.build();
  return index;
}

function main(): void {
  const seed = Number(process.argv[2] ?? OWN_SEED);
  const countPerFile = Number(process.argv[3] ?? OWN_COUNT_PER_FILE);
  const threshold = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
  const names = ownNegatives(seed, countPerFile);
  const index = listedPersonsIndex();
  let withHit = 0;
  for (const name of names) {
    const found = screenPerson(index, { name }, { limit: 5, threshold });
    if (found.length === 0) continue;
    withHit++;
    const hit = found[0];
    const methods = hit.explanation.parts.map(
      (part) => `${part.query}~${part.candidate}:${part.method}:${part.similarity}`,
    );
    process.stdout.write(`${name} -> ${hit.explanation.candidateName} ${hit.score} [${methods.join(' ')}]\n`);
  }
  process.stdout.write(
    `seed ${seed}${threshold === undefined ? '' : `, threshold ${threshold}`}: ${withHit} of ${names.length} persons with a hit (${((100 * withHit) / names.length).toFixed(3)} %)\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
