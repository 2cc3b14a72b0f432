import type { NamePart } from './normalise.js';
import {
  compareParts,
  initialAgrees,
  partFeatures,
  ROMANISED_SYLLABLES,
  SIMILARITY,
  syllabic,
  type PartComparison,
  type PartFeatures,
} from './part-similarity.js';
import { CREDIT_FLOOR, editDistance, SIMILARITY_FLOOR } from './similarity.js';
import type { PartMatchMethod } from './types.js';

/** A name part ready for alignment. */
export interface AlignablePart extends NamePart {
  features: PartFeatures;
  /** Identifies the part across comparisons (vocabulary id, query position) for memoising. */
  slot?: number;
}

/** One line of the alignment: one or more adjacent parts of each name that agree. */
export interface AlignedPair {
  a: number[];
  b: number[];
  similarity: number;
  method: PartMatchMethod;
  /** Another form of the name or a reading without a table of ours (PartComparison.indirect). */
  indirect?: boolean;
}

export interface Alignment {
  pairs: AlignedPair[];
  unmatchedA: number[];
  unmatchedB: number[];
}

/** Parts less alike than this are not paired at all (they would earn no credit). */
export const PAIR_FLOOR = CREDIT_FLOOR;
/** Arabic script against Latin cannot show the vowels, so its compounds are accepted lower. */
const ARABIC_COMPOUND = 0.84;
/** A pair this good is not broken up to try a compound. */
const SETTLED = 0.9;
const INITIAL_SIMILARITY = 0.85;

export type PartComparer = (a: AlignablePart, b: AlignablePart) => PartComparison;

export const defaultComparer: PartComparer = (a, b) => compareParts(a.features, b.features);

function comparePair(a: AlignablePart, b: AlignablePart, comparer: PartComparer): PartComparison {
  if (a.initial || b.initial) {
    if (a.initial && b.initial)
      return a.text === b.text ? { similarity: 1, method: 'exact' } : { similarity: 0, method: 'initial' };
    const agrees = a.initial ? initialAgrees(a.features, b.features) : initialAgrees(b.features, a.features);
    return { similarity: agrees ? INITIAL_SIMILARITY : 0, method: 'initial' };
  }
  return comparer(a, b);
}

function joinedPart(parts: readonly AlignablePart[], from: number, length: number): AlignablePart {
  const run = parts.slice(from, from + length);
  const text = run.map((part) => part.text).join('');
  return {
    written: run.map((part) => part.written).join(' '),
    text,
    hyphenGroup: run[0].hyphenGroup,
    weak: false,
    initial: false,
    features: partFeatures(text),
  };
}

type Slots = Array<AlignedPair | undefined>;

function value(pair: AlignedPair | undefined): number {
  return pair ? pair.similarity * (pair.a.length + pair.b.length) : 0;
}

interface Run {
  from: number;
  length: number;
}

/** Parts written apart but read as one word: one of each two neighbours is short or a particle. */
export const JOINABLE_LENGTH = 5;

function joinable(left: AlignablePart, right: AlignablePart): boolean {
  return (
    left.initial ||
    left.weak ||
    right.weak ||
    left.text.length <= JOINABLE_LENGTH ||
    right.text.length <= JOINABLE_LENGTH
  );
}

/**
 * Open to joining: not well matched already. An initial only ahead of its neighbour (the O of
 * "O Brien", written OBrien), never at the end of a run.
 */
function isOpen(parts: readonly AlignablePart[], slots: Slots, index: number, last = false): boolean {
  const pair = slots[index];
  if (parts[index].initial && (last || index + 1 >= parts.length || parts[index + 1].initial)) return false;
  return !(pair && pair.similarity >= SETTLED);
}

/** Runs of adjacent parts free to join: no initial, none already well matched, one script. */
function openRuns(parts: readonly AlignablePart[], slots: Slots): Run[] {
  const runs: Run[] = [];
  for (let from = 0; from < parts.length; from++) {
    if (!isOpen(parts, slots, from)) continue;
    if (!parts[from].initial) runs.push({ from, length: 1 });
    for (let length = 2; length <= 3 && from + length <= parts.length; length++) {
      const last = from + length - 1;
      if (!isOpen(parts, slots, last, true) || !joinable(parts[last - 1], parts[last])) break;
      if (parts[last].features.script !== parts[from].features.script) break;
      runs.push({ from, length });
    }
  }
  return runs;
}

function foldedLength(parts: readonly AlignablePart[], run: Run): number {
  let length = 0;
  for (let index = run.from; index < run.from + run.length; index++)
    length += parts[index].features.spellings[0]?.ascii.length ?? parts[index].text.length;
  return length;
}

function foldedRun(parts: readonly AlignablePart[], run: Run): string {
  let text = '';
  for (let index = run.from; index < run.from + run.length; index++)
    text += parts[index].features.spellings[0]?.ascii ?? parts[index].text;
  return text;
}

/**
 * Runs that are to agree at SETTLED start alike and differ by a letter or two once folded to
 * ASCII; Arabic script, whose reading lacks the vowels, is held to the same first consonant.
 * Checking that first spares computing the features of most joined runs.
 */
function plausibleCompound(
  a: readonly AlignablePart[],
  runA: Run,
  b: readonly AlignablePart[],
  runB: Run,
): boolean {
  const first = a[runA.from].features;
  const other = b[runB.from].features;
  if (first.script === 'arabic' || other.script === 'arabic')
    return first.skeletons[0]?.[0] === other.skeletons[0]?.[0];
  if (first.spellings[0]?.ascii[0] !== other.spellings[0]?.ascii[0]) return false;
  const lengthA = foldedLength(a, runA);
  const lengthB = foldedLength(b, runB);
  const longest = Math.max(lengthA, lengthB);
  if (Math.abs(lengthA - lengthB) > 0.3 * longest) return false;
  return editDistance(foldedRun(a, runA), foldedRun(b, runB)) <= 0.3 * longest;
}

function indicesOf(run: Run): number[] {
  const indices: number[] = [];
  for (let offset = 0; offset < run.length; offset++) indices.push(run.from + offset);
  return indices;
}

function hasLongRun(runs: readonly Run[]): boolean {
  for (const run of runs) if (run.length > 1) return true;
  return false;
}

/**
 * Joins adjacent parts when together they spell what the other name writes as one part or
 * joins differently ("ABDUL RAHMAN" / "Abdulrahman", "ABDUL-HAQ" / "عبد الحق"), taking a
 * compound only where it beats the pairs it replaces.
 */
function tryCompounds(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  slotsA: Slots,
  slotsB: Slots,
  pairs: Set<AlignedPair>,
  comparer: PartComparer,
): void {
  for (let round = 0; round < 3; round++) {
    let best: { pair: AlignedPair; replaced: Set<AlignedPair>; gain: number } | undefined;
    const runsA = openRuns(a, slotsA);
    if (runsA.length === 0) return;
    const runsB = openRuns(b, slotsB);
    if (runsB.length === 0 || (!hasLongRun(runsA) && !hasLongRun(runsB))) return;
    for (const runA of runsA) {
      let joinedA: AlignablePart | undefined;
      for (const runB of runsB) {
        if (runA.length === 1 && runB.length === 1) continue;
        if (runA.length + runB.length > 4) continue;
        if (!plausibleCompound(a, runA, b, runB)) continue;
        const replaced = new Set<AlignedPair>();
        for (let index = runA.from; index < runA.from + runA.length; index++) {
          const pair = slotsA[index];
          if (pair) replaced.add(pair);
        }
        for (let index = runB.from; index < runB.from + runB.length; index++) {
          const pair = slotsB[index];
          if (pair) replaced.add(pair);
        }
        joinedA ??= runA.length === 1 ? a[runA.from] : joinedPart(a, runA.from, runA.length);
        const joinedB = runB.length === 1 ? b[runB.from] : joinedPart(b, runB.from, runB.length);
        const comparison = comparer(joinedA, joinedB);
        const arabic = joinedA.features.script === 'arabic' || joinedB.features.script === 'arabic';
        const syllables = syllabic(joinedA.features) || syllabic(joinedB.features);
        // An initial joined to its neighbour (O Brien, OBrien) must spell the other part exactly:
        // a letter more or less in front of a name makes another name ('s Henry, Senry).
        const initialJoined = a[runA.from].initial || b[runB.from].initial;
        const floor = initialJoined
          ? SIMILARITY.folded
          : arabic
            ? ARABIC_COMPOUND
            : syllables
              ? ROMANISED_SYLLABLES
              : SETTLED;
        if (comparison.similarity < floor) continue;
        const pair: AlignedPair = {
          a: indicesOf(runA),
          b: indicesOf(runB),
          similarity: comparison.similarity,
          method: 'compound',
          indirect: comparison.indirect,
        };
        let before = 0;
        for (const old of replaced) before += value(old);
        const gain = value(pair) - before;
        if (gain > 0 && (!best || gain > best.gain)) best = { pair, replaced, gain };
      }
    }
    if (!best) return;
    for (const old of best.replaced) {
      pairs.delete(old);
      for (const index of old.a) slotsA[index] = undefined;
      for (const index of old.b) slotsB[index] = undefined;
    }
    pairs.add(best.pair);
    for (const index of best.pair.a) slotsA[index] = best.pair;
    for (const index of best.pair.b) slotsB[index] = best.pair;
  }
}

/** A candidate pair of single parts, with what breaks ties. */
interface Candidate extends AlignedPair {
  weak: boolean;
  distance: number;
}

/**
 * Ties go to strong parts and then to the pair closest in position, so that a name written
 * twice the same way aligns straight.
 */
function byStrength(x: Candidate, y: Candidate): number {
  return y.similarity - x.similarity || Number(x.weak) - Number(y.weak) || x.distance - y.distance;
}

function byPosition(x: AlignedPair, y: AlignedPair): number {
  return x.a[0] - y.a[0];
}

function unsettled(slots: Slots): boolean {
  for (const pair of slots) if (!pair || pair.similarity < SETTLED) return true;
  return false;
}

function unmatched(slots: Slots): number[] {
  const indices: number[] = [];
  for (let index = 0; index < slots.length; index++) if (!slots[index]) indices.push(index);
  return indices;
}

/**
 * Lines up the parts of two names regardless of order: the most alike pairs first, each part
 * used once, then compounds for what is left poorly matched.
 */
export function alignParts(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  comparer: PartComparer = defaultComparer,
): Alignment {
  const candidates: Candidate[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const comparison = comparePair(a[i], b[j], comparer);
      // Parts alike without agreeing pair only as two full parts: a particle or an initial
      // earns nothing for being half like a name (the index bound counts on it).
      const alike =
        comparison.similarity >= SIMILARITY_FLOOR ||
        (!a[i].weak && !b[j].weak && !a[i].initial && !b[j].initial);
      if (comparison.similarity >= PAIR_FLOOR && alike)
        candidates.push({
          a: [i],
          b: [j],
          similarity: comparison.similarity,
          method: comparison.method,
          indirect: comparison.indirect,
          weak: a[i].weak,
          distance: Math.abs(i - j),
        });
    }
  }
  if (candidates.length > 1) candidates.sort(byStrength);
  const slotsA: Slots = new Array(a.length).fill(undefined);
  const slotsB: Slots = new Array(b.length).fill(undefined);
  const pairs = new Set<AlignedPair>();
  for (const candidate of candidates) {
    if (slotsA[candidate.a[0]] || slotsB[candidate.b[0]]) continue;
    const pair: AlignedPair = {
      a: candidate.a,
      b: candidate.b,
      similarity: candidate.similarity,
      method: candidate.method,
      indirect: candidate.indirect,
    };
    pairs.add(pair);
    slotsA[candidate.a[0]] = pair;
    slotsB[candidate.b[0]] = pair;
  }
  if ((a.length > 1 || b.length > 1) && (unsettled(slotsA) || unsettled(slotsB)))
    tryCompounds(a, b, slotsA, slotsB, pairs, comparer);
  return { pairs: [...pairs].sort(byPosition), unmatchedA: unmatched(slotsA), unmatchedB: unmatched(slotsB) };
}
