/**
 * The development set of the name engine: labelled pairs of person and organisation names
 * built from the alias groups of the UN and OFAC lists, harder than the other sets because
 * nothing in it was made to be matched. Split by entry into a tune part (the only one any
 * threshold or weight is chosen on) and a test part (reported, never tuned on).
 *
 * - Positives: an entry's primary name against each of its strong aliases (UN quality "Good",
 *   entities' "a.k.a."; weak "Low" aliases left out) and its name in original script, when
 *   the alias is a spelling of the same name rather than another name altogether (decided by
 *   `sameNameWritten`, a plain letter test that owes nothing to the matcher).
 * - Hard negatives: names of other entries of the same kind and part that share a word or a
 *   consonant key with the entry's name, those sharing most first.
 * - Organisations, made from the real names: legal forms written other ways (positives) or of
 *   another kind (negatives), a different number or series (negative) and the same number
 *   written otherwise (positive), a qualifier in brackets or a branch that differs (negative).
 * - Persons: "X bin Y" against "Y bin X" (father and son, negative).
 */
import anyAscii from 'any-ascii';
import type { WatchlistName } from '../src/names/api.js';
import { parseUnConsolidatedList } from '../src/watchlists/un-xml.js';
import { corpusHas, readCorpus } from './eval-names-data.js';
import { OFAC_FILE, readOfacList, UN_FILE } from './eval-names-lists.js';

export type DevPart = 'tune' | 'test';
export type PairOrigin =
  'alias' | 'original script' | 'other entry' | 'legal form' | 'number' | 'qualifier' | 'particle roles';

export interface DevPair {
  kind: WatchlistName['kind'];
  a: string;
  b: string;
  same: boolean;
  origin: PairOrigin;
  /** The entry the pair was made from: folds of cross-validation keep an entry whole. */
  entry: string;
  part: DevPart;
}

interface AliasGroup {
  entry: string;
  kind: WatchlistName['kind'];
  primary: string;
  strong: string[];
  original: string[];
}

/** The same seed every run: which entries are tuned on never changes. */
export const DEV_SEED = 20261205;

function hashOf(text: string, seed = DEV_SEED): number {
  let value = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  value ^= value >>> 15;
  value = Math.imul(value, 0x2c1b3c6d) >>> 0;
  return (value ^ (value >>> 12)) >>> 0;
}

/** Three entries in five are tuned on, the rest kept for the test. */
export function partOf(entry: string): DevPart {
  return hashOf(entry) % 5 < 3 ? 'tune' : 'test';
}

export function foldOf(entry: string, folds: number): number {
  return hashOf(entry, DEV_SEED + 1) % folds;
}

const STOP = new Set([
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'abu',
  'the',
  'of',
  'and',
  'de',
  'la',
  'le',
  'von',
  'van',
]);

/** Words many organisations share: agreeing on them says nothing of the name. */
const GENERIC = new Set(
  'company co corporation corp trading international group limited ltd llc inc industries industry bank holding holdings investment investments services service enterprise enterprises general import export commercial sa de cv in for islamic national society organization organisation foundation center centre shipping'.split(
    ' ',
  ),
);

function words(name: string): string[] {
  return anyAscii(name.replace(/\([^)]*\)/g, ' '))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function bigrams(word: string): Set<string> {
  const grams = new Set<string>();
  for (let index = 0; index + 1 < word.length; index++) grams.add(word.slice(index, index + 2));
  return grams;
}

function related(x: string, y: string): boolean {
  if (x[0] !== y[0]) return false;
  if (x.length === 1 || y.length === 1 || x.startsWith(y) || y.startsWith(x)) return true;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const gram of gx) if (gy.has(gram)) shared++;
  return (2 * shared) / (gx.size + gy.size) >= 0.3;
}

function isAcronymOf(short: string[], long: string[]): boolean {
  if (short.length !== 1 || short[0].length < 2) return false;
  const initials = long.filter((word) => !STOP.has(word)).map((word) => word[0]);
  return initials.join('') === short[0] || long.map((word) => word[0]).join('') === short[0];
}

/**
 * Whether an alias writes the same name as the primary one: at least two words of the shorter
 * (all of them when it has fewer) start alike and share letter pairs with a word of the other,
 * and half its words at least; or one is the other's acronym. Letters only, after ASCII folding.
 */
export function sameNameWritten(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return false;
  if (isAcronymOf(x, y) || isAcronymOf(y, x)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const strong = short.filter((word) => !STOP.has(word) && !GENERIC.has(word));
  if (strong.length === 1 && long.filter((word) => !STOP.has(word) && !GENERIC.has(word)).length > 1)
    return false;
  const used = new Set<number>();
  let agreeing = 0;
  for (const word of strong) {
    const at = long.findIndex((other, index) => !used.has(index) && related(word, other));
    if (at >= 0) {
      used.add(at);
      agreeing++;
    }
  }
  return agreeing >= Math.min(2, strong.length) && agreeing * 2 >= strong.length && strong.length > 0;
}

function aliasGroups(): AliasGroup[] {
  const groups: AliasGroup[] = [];
  if (corpusHas(UN_FILE)) {
    for (const entry of parseUnConsolidatedList(readCorpus(UN_FILE)).entries) {
      if (entry.kind !== 'person' && entry.kind !== 'organisation') continue;
      const strongQualities = entry.kind === 'person' ? ['Good'] : ['a.k.a.', 'Good'];
      groups.push({
        entry: `un-${entry.externalId}`,
        kind: entry.kind,
        primary: entry.primaryName,
        strong: entry.aliases
          .filter((alias) => strongQualities.includes(alias.quality ?? ''))
          .map((alias) => alias.name),
        original: entry.originalScriptNames,
      });
    }
  }
  if (corpusHas(OFAC_FILE)) {
    // The SDN file's remarks give only "a.k.a." names, mostly nicknames: the test below keeps
    // the few that spell the name.
    for (const entry of readOfacList())
      groups.push({
        entry: `ofac-${entry.entryId}`,
        kind: entry.kind,
        primary: entry.names[0],
        strong: entry.names.slice(1),
        original: [],
      });
  }
  return groups;
}

function consonantKey(word: string): string {
  return word.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/** Keys by which two names of different entries count as sharing a part. */
function sharedKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const word of words(name)) {
    if (word.length < 3 || STOP.has(word)) continue;
    keys.add(`w:${word}`);
    const key = consonantKey(word);
    if (key.length >= 3) keys.add(`c:${key}`);
  }
  return [...keys];
}

interface NegativeCandidate {
  pair: DevPair;
  shared: number;
  order: number;
}

/**
 * Each entry's hardest namesake (of the same list, kind and part: sharing most words and
 * consonant keys), then as many of the hardest of these as there are positives of the kind
 * and part, so that the set is balanced and its negatives are the ones hardest to tell apart.
 */
function hardNegatives(groups: readonly AliasGroup[], positives: ReadonlyMap<string, number>): DevPair[] {
  const byKey = new Map<string, number[]>();
  const keysOf = groups.map((group) => sharedKeys(group.primary));
  keysOf.forEach((keys, index) => {
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      list.push(index);
      byKey.set(key, list);
    }
  });
  const candidates: NegativeCandidate[] = [];
  groups.forEach((group, index) => {
    const part = partOf(group.entry);
    const shared = new Map<number, number>();
    for (const key of keysOf[index]) {
      const others = byKey.get(key) ?? [];
      // A word on hundreds of names (Mohammed, Company) says little: namesakes come from the rarer ones.
      if (others.length > 400) continue;
      for (const other of others) {
        if (other === index) continue;
        const target = groups[other];
        if (target.kind !== group.kind || partOf(target.entry) !== part) continue;
        // The same person or company is often on both lists: other entries of the same list only.
        if (target.entry.split('-')[0] !== group.entry.split('-')[0]) continue;
        if (words(target.primary).join(' ') === words(group.primary).join(' ')) continue;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    let best: [number, number] | undefined;
    for (const [other, count] of shared)
      if (
        !best ||
        count > best[1] ||
        (count === best[1] && hashOf(`${index}:${other}`) < hashOf(`${index}:${best[0]}`))
      )
        best = [other, count];
    if (!best) return;
    candidates.push({
      pair: {
        kind: group.kind,
        a: group.primary,
        b: groups[best[0]].primary,
        same: false,
        origin: 'other entry',
        entry: group.entry,
        part,
      },
      shared: best[1],
      order: hashOf(group.entry, DEV_SEED + 5),
    });
  });
  candidates.sort((x, y) => y.shared - x.shared || x.order - y.order);
  const taken = new Map<string, number>();
  const pairs: DevPair[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.pair.kind} ${candidate.pair.part}`;
    const count = taken.get(key) ?? 0;
    if (count >= (positives.get(key) ?? 0)) continue;
    taken.set(key, count + 1);
    pairs.push(candidate.pair);
  }
  return pairs;
}

/**
 * Writings of one legal form (typos included), by kind: a company is the same under another
 * writing of its form, another company under a form of another kind.
 */
const LEGAL_WRITINGS: ReadonlyArray<{ family: string; writings: string[] }> = [
  { family: 'limited-liability', writings: ['Ltd', 'Limited', 'Ltd.', 'Limted', 'LTD'] },
  {
    family: 'limited-liability',
    writings: ['LLC', 'L.L.C.', 'Limited Liability Company', 'Limited Liabilty Co'],
  },
  {
    family: 'limited-liability',
    writings: [
      'GmbH',
      'G.m.b.H.',
      'Gesellschaft mit beschränkter Haftung',
      'Gesellschaft mbH',
      'Gesellschaft mit beschrankter Haftung',
    ],
  },
  {
    family: 'limited-liability',
    writings: ['Sp. z o.o.', 'sp. z o. o.', 'Spółka z ograniczoną odpowiedzialnością', 'SP Z OO'],
  },
  { family: 'joint-stock', writings: ['JSC', 'Joint Stock Company', 'Joint-Stock Co.', 'J.S.C.'] },
  { family: 'joint-stock', writings: ['S.A.', 'SA', 'Sociedad Anónima', 'Société Anonyme'] },
  { family: 'corporation', writings: ['Inc', 'Incorporated', 'Inc.', 'INCORPORATED'] },
];

const LEGAL_ENDING =
  /[\s,]+(co\.?,?\s*ltd\.?|company limited|limited liability company|llc|l\.l\.c\.|ltd\.?|limited|inc\.?|incorporated|corp\.?|corporation|gmbh|s\.?a\.?|jsc|ojsc|cjsc|pjsc|fze|fzco|llp|plc|s\.?r\.?l\.?|sdn\.? bhd\.?|pte\.? ltd\.?)$/i;

/** The name without its bracketed qualifiers and its legal form at the end. */
export function bareName(name: string): string {
  let bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  for (let round = 0; round < 2; round++) bare = bare.replace(LEGAL_ENDING, '').trim();
  return bare.replace(/[\s,]+$/, '');
}

const PLACES = [
  'Hong Kong',
  'Singapore',
  'Dubai',
  'Tehran',
  'Moscow',
  'Cyprus',
  'Shanghai',
  'London',
  'Istanbul',
  'Panama',
];
const NUMBER_FORMS: ReadonlyArray<readonly string[]> = [
  ['1', 'One', 'I', 'First', '1st', 'No. 1'],
  ['2', 'Two', 'II', 'Second', '2nd', 'No. 2'],
  ['3', 'Three', 'III', 'Third', '3rd', 'No. 3'],
  ['4', 'Four', 'IV', 'Fourth', '4th', 'No. 4'],
  ['7', 'Seven', 'VII', 'Seventh', '7th', 'No. 7'],
  ['12', 'Twelve', 'XII', 'Twelfth', '12th', 'No. 12'],
];

function pick<T>(items: readonly T[], seed: string, offset = 0): T {
  return items[(hashOf(seed) + offset) % items.length];
}

function organisationVariants(group: AliasGroup): DevPair[] {
  const bare = bareName(group.primary);
  if (bare.split(/\s+/).length < 1 || bare.length < 4) return [];
  const part = partOf(group.entry);
  const pair = (a: string, b: string, same: boolean, origin: PairOrigin): DevPair => ({
    kind: 'organisation',
    a,
    b,
    same,
    origin,
    entry: group.entry,
    part,
  });
  const seed = group.entry;
  switch (hashOf(seed, DEV_SEED + 2) % 3) {
    case 0: {
      const form = pick(LEGAL_WRITINGS, seed);
      const first = pick(form.writings, seed, 1);
      const second = form.writings.find((writing) => writing !== first) ?? first;
      const other = pick(
        LEGAL_WRITINGS.filter((candidate) => candidate.family !== form.family),
        seed,
        2,
      );
      return [
        pair(
          `${bare} ${first}`,
          `${bare} ${
            pick(
              form.writings.filter((w) => w !== first),
              seed,
              3,
            ) ?? second
          }`,
          true,
          'legal form',
        ),
        pair(`${bare} ${first}`, `${bare} ${other.writings[0]}`, false, 'legal form'),
      ];
    }
    case 1: {
      const number = pick(NUMBER_FORMS, seed);
      const otherNumber = pick(
        NUMBER_FORMS.filter((forms) => forms !== number),
        seed,
        1,
      );
      const written = pick(number.slice(1), seed, 2);
      return [
        pair(`${bare} ${number[0]}`, `${bare} ${written}`, true, 'number'),
        pair(`${bare} ${number[0]}`, `${bare} ${pick(otherNumber, seed, 3)}`, false, 'number'),
      ];
    }
    default: {
      const place = pick(PLACES, seed);
      const otherPlace = pick(
        PLACES.filter((candidate) => candidate !== place),
        seed,
        1,
      );
      const branch = hashOf(seed, DEV_SEED + 3) % 2 === 0;
      return branch
        ? [
            pair(`${bare} ${place} Branch`, `${bare} (${place} Branch)`, true, 'qualifier'),
            pair(`${bare} ${place} Branch`, `${bare} ${otherPlace} Branch`, false, 'qualifier'),
          ]
        : [
            pair(`${bare} (${place}) Limited`, `${bare} ${place} Ltd`, true, 'qualifier'),
            pair(`${bare} (${place}) Limited`, `${bare} (${otherPlace}) Limited`, false, 'qualifier'),
          ];
    }
  }
}

/** "A bin B" made "B bin A": the son against the father. */
function swappedRoles(group: AliasGroup): DevPair | undefined {
  const match = /^(\S+)\s+(bin|ibn|ben|bint|ould)\s+(\S+)(.*)$/i.exec(group.primary.trim());
  if (!match || match[1].toLowerCase() === match[3].toLowerCase()) return undefined;
  return {
    kind: 'person',
    a: group.primary,
    b: `${match[3]} ${match[2]} ${match[1]}${match[4]}`,
    same: false,
    origin: 'particle roles',
    entry: group.entry,
    part: partOf(group.entry),
  };
}

/** The whole development set, both parts; empty when the lists are absent. */
export function buildDevelopmentSet(): DevPair[] {
  const groups = aliasGroups().filter((group) => group.primary);
  const pairs: DevPair[] = [];
  const positives = new Map<string, number>();
  for (const group of groups) {
    const part = partOf(group.entry);
    const seen = new Set<string>([group.primary.toLowerCase()]);
    const add = (alias: string, origin: PairOrigin) => {
      if (seen.has(alias.toLowerCase())) return;
      seen.add(alias.toLowerCase());
      pairs.push({
        kind: group.kind,
        a: group.primary,
        b: alias,
        same: true,
        origin,
        entry: group.entry,
        part,
      });
      const key = `${group.kind} ${part}`;
      positives.set(key, (positives.get(key) ?? 0) + 1);
    };
    for (const alias of group.strong) if (sameNameWritten(group.primary, alias)) add(alias, 'alias');
    for (const original of group.original) add(original, 'original script');
    if (group.kind === 'person') {
      const swapped = swappedRoles(group);
      if (swapped) pairs.push(swapped);
    } else if (hashOf(group.entry, DEV_SEED + 4) % 6 === 0) pairs.push(...organisationVariants(group));
  }
  pairs.push(...hardNegatives(groups, positives));
  return pairs;
}
