import {
  alignParts,
  defaultComparer,
  type AlignablePart,
  type Alignment,
  type PartComparer,
} from './alignment.js';
import { normaliseName, type NameKind } from './normalise.js';
import { partFeatures } from './part-similarity.js';
import { CREDIT_FLOOR } from './similarity.js';
import { OPERATING_THRESHOLD } from './threshold.js';
import type { MatchedPart, ScoreAdjustment } from './types.js';

/**
 * How much a part counts. Particles and honorifics (al, bin, Haji) are added and left out
 * freely; an initial says little.
 */
export const PART_WEIGHT = { strong: 1, weak: 0.35, initial: 0.5 } as const;
/** A part present in one name only (a middle name, a second surname) costs this share of a part. */
export const EXTRA_PART_COST = 0.15;
/**
 * Each further part present in one name only costs this much more: one name dropping a middle
 * name or a second surname is common, but a name that is half of the other (Carlos Ortiz
 * against ARREDONDO ORTIZ, Carlos Arturo) says little that it is the same person.
 */
export const FURTHER_EXTRA_PART_COST = 0.3;
/** With only one agreeing part between names of two or more parts, the score stays below this. */
export const SINGLE_PART_CAP = 0.7;
/**
 * With one full part agreeing and the rest only through initials (Alexander Ahmed against
 * Ahmed, A), the score stays just below the operating threshold: a letter is not enough to
 * make a match by the name alone, but a date of birth that agrees makes it one.
 */
export const INITIAL_AGREEMENT_CAP = Math.round((OPERATING_THRESHOLD - 0.01) * 1000) / 1000;
/**
 * With at most one part agreeing directly and the rest only as another form of the name
 * (Michael Morales against Miguel Trevino Morales, Ricky against Ricardo) or through a reading
 * of a script without a table of ours (मोती 刘 against مطيع الله), the score stays just below
 * the operating threshold like INITIAL_AGREEMENT_CAP: such agreements are true of many
 * different persons, so the name alone does not make a match, the date of birth does.
 */
export const OTHER_FORM_CAP = INITIAL_AGREEMENT_CAP;
/**
 * Names that agree on two parts or fewer, all of which many people bear (common-parts.ts),
 * one of them having parts the other lacks, stay just below the operating threshold like
 * INITIAL_AGREEMENT_CAP: José Rodríguez is not José Misael Cisneros Rodríguez by name alone.
 */
export const COMMON_AGREEMENT_CAP = INITIAL_AGREEMENT_CAP;
/** A pair counts as an agreeing part from this credit (similarity 0.7) up. */
export const STRONG_CREDIT = 0.5;
export const STRONG_SIMILARITY = 0.7;

export interface NameScore {
  score: number;
  alignment: Alignment;
  parts: MatchedPart[];
  unmatchedQueryParts: string[];
  unmatchedCandidateParts: string[];
  adjustments: ScoreAdjustment[];
}

/** What the parts present in one name only cost, by their weight: the first less than the others. */
export function extraCost(extra: number): number {
  return extra <= 1 ? EXTRA_PART_COST * extra : EXTRA_PART_COST + FURTHER_EXTRA_PART_COST * (extra - 1);
}

export function partWeight(part: { weak: boolean; initial: boolean }): number {
  return part.initial ? PART_WEIGHT.initial : part.weak ? PART_WEIGHT.weak : PART_WEIGHT.strong;
}

const LOW_CREDIT_SLOPE = STRONG_CREDIT / (STRONG_SIMILARITY - CREDIT_FLOOR);

/**
 * Credit for a pair of parts by similarity, continuous: full from 0.8, falling fast to
 * STRONG_CREDIT at 0.7 where parts stop agreeing, then on to nothing at CREDIT_FLOOR, so that
 * two half-alike surnames (Petrović / Pavlović, 0.625) add a little to an agreeing given name
 * and a name with one part spelt otherwise scores between a match and a contradiction.
 */
export function credit(similarity: number): number {
  if (similarity >= 0.8) return similarity;
  if (similarity >= STRONG_SIMILARITY) return 3 * similarity - 1.6;
  return similarity > CREDIT_FLOOR ? LOW_CREDIT_SLOPE * (similarity - CREDIT_FLOOR) : 0;
}

/**
 * "X bin Y" against "Y bin X" are son and father: the parts agree but their roles around the
 * particle are crossed. Parts agreeing in another order only (Smith John) cost a little.
 */
export const ROLE_CONFLICT_DELTA = -0.2;
export const ORDER_DELTA = -0.005;
const ROLE_PARTICLES: ReadonlySet<string> = new Set([
  'bin',
  'ibn',
  'ben',
  'bint',
  'binti',
  'bn',
  'ould',
  'wuld',
  'ag',
  'بن',
  'ابن',
  'بنت',
]);

/**
 * The chain of descent a name starts with ("Sami ben Khamis ben Saleh": Sami 0, Khamis 1,
 * Saleh 2), by part; undefined when its first part is followed by no particle of descent.
 */
function descentChain(parts: readonly AlignablePart[]): Int8Array | undefined {
  let particles = false;
  for (const part of parts) if (part.weak && ROLE_PARTICLES.has(part.text)) particles = true;
  if (!particles) return undefined;
  let chain: Int8Array | undefined;
  let at = parts.findIndex(isStrong);
  let position = 0;
  while (at >= 0 && at + 2 < parts.length) {
    let particle = at + 1;
    while (particle < parts.length && parts[particle].weak && !ROLE_PARTICLES.has(parts[particle].text))
      particle++;
    if (particle >= parts.length || !ROLE_PARTICLES.has(parts[particle].text)) break;
    let next = particle + 1;
    while (next < parts.length && !isStrong(parts[next])) next++;
    if (next >= parts.length) break;
    chain ??= new Int8Array(parts.length).fill(-1);
    chain[at] = position++;
    chain[next] = position;
    at = next;
  }
  return chain;
}

/**
 * What the order of the agreeing parts costs: a son taken for his father, or another order.
 * Runs for every name scored: no allocation unless a name has a particle of descent.
 */
function orderAdjustment(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  pairs: readonly AlignedPairLike[],
): ScoreAdjustment | undefined {
  let inverted = false;
  let lastB = -1;
  // Pairs come sorted by their first part in the first name (alignParts).
  for (const pair of pairs) {
    if (pair.a.length !== 1 || pair.b.length !== 1 || !isStrong(a[pair.a[0]])) continue;
    if (pair.b[0] < lastB) inverted = true;
    lastB = pair.b[0];
  }
  const chainA = descentChain(a);
  const chainB = chainA ? descentChain(b) : undefined;
  if (chainA && chainB) {
    for (const pair of pairs) {
      if (pair.a.length !== 1 || pair.b.length !== 1) continue;
      const positionA = chainA[pair.a[0]];
      const positionB = chainB[pair.b[0]];
      // One's own name must not be the other's father's.
      if (positionA >= 0 && positionB >= 0 && (positionA === 0 || positionB === 0) && positionA !== positionB)
        return {
          reason: 'order',
          detail: 'one name is the father of the other (bin, ben)',
          delta: ROLE_CONFLICT_DELTA,
        };
    }
  }
  if (inverted) return { reason: 'order', detail: 'the parts agree in another order', delta: ORDER_DELTA };
  return undefined;
}

interface AlignedPairLike {
  a: number[];
  b: number[];
  similarity: number;
}

/**
 * Whether every strong part of `short` agrees, in order, with strong parts of `long` (two at
 * least), its first with the other's first: the person's own name kept, a father's or
 * grandfather's name, a middle name or a second surname left out (GABRIEL JOK RIAK MAKOL,
 * Gabriel Jok; ABDELHALIM HAFED ABDELFATTAH REMADNA, Abdelhalim Remadna). The parts left over
 * then cost EXTRA_PART_COST each, not more for each further one.
 */
function keepsOwnName(
  short: readonly AlignablePart[],
  long: readonly AlignablePart[],
  pairs: readonly AlignedPairLike[],
  side: 'a' | 'b',
): boolean {
  const other = side === 'a' ? 'b' : 'a';
  let agreeing = 0;
  let lastLong = -1;
  let firstShort = -1;
  let firstLong = -1;
  let informative = false;
  // Pairs come sorted by the first name's parts; the second name's order is checked by sorting none.
  const ordered = side === 'a' ? pairs : [...pairs].sort((x, y) => x.b[0] - y.b[0]);
  for (const pair of ordered) {
    const shortIndex = pair[side];
    const longIndex = pair[other];
    if (shortIndex.length !== 1 || longIndex.length !== 1 || !isStrong(short[shortIndex[0]])) continue;
    if (pair.similarity < STRONG_SIMILARITY) return false;
    if (longIndex[0] < lastLong) return false;
    if (firstShort < 0) {
      firstShort = shortIndex[0];
      firstLong = longIndex[0];
    }
    lastLong = longIndex[0];
    agreeing++;
    if (!short[shortIndex[0]].features.common) informative = true;
  }
  return (
    informative &&
    agreeing >= 2 &&
    agreeing === strongCount(short) &&
    firstShort === firstStrong(short) &&
    firstLong === firstStrong(long)
  );
}

function firstStrong(parts: readonly AlignablePart[]): number {
  for (let index = 0; index < parts.length; index++) if (isStrong(parts[index])) return index;
  return -1;
}

/** Counts of a name's parts by kind, for `scoreUpperBound`. */
export interface PartCounts {
  strong: number;
  weak: number;
  initials: number;
}

/**
 * The most `scoreAlignment` can give a candidate name when only some parts can agree:
 * `hitQueryParts` strong query parts agree with something in the name, covering at most
 * `coveredCandidateParts` of its parts; initials may pair with any part left over; the rest
 * of the strong parts contradict, each pair of them earning less than STRONG_CREDIT (alike
 * below STRONG_SIMILARITY), or are extra. Weak parts are taken as agreeing and every
 * agreement as perfect, so this never undershoots for names joined at most one way.
 */
export function scoreUpperBound(
  query: PartCounts,
  candidate: PartCounts,
  hitQueryParts: number,
  coveredCandidateParts: number,
): number {
  let unmatchedQuery = Math.max(0, query.strong - hitQueryParts);
  let unmatchedCandidate = Math.max(0, candidate.strong - coveredCandidateParts);
  // Only a name with every strong part agreeing can keep the other's own name (keepsOwnName).
  const oneSideWhole = unmatchedQuery === 0 || unmatchedCandidate === 0;
  const candidateInitialPairs = Math.min(candidate.initials, unmatchedQuery);
  const queryInitialPairs = Math.min(query.initials, unmatchedCandidate);
  unmatchedQuery -= candidateInitialPairs;
  unmatchedCandidate -= queryInitialPairs;
  const initialPairs =
    candidateInitialPairs +
    queryInitialPairs +
    Math.min(query.initials - queryInitialPairs, candidate.initials - candidateInitialPairs);
  const matched =
    Math.max(hitQueryParts, Math.min(coveredCandidateParts, candidate.strong)) +
    PART_WEIGHT.initial * initialPairs;
  const weak = PART_WEIGHT.weak * (query.weak + candidate.weak);
  const conflicting = Math.min(unmatchedQuery, unmatchedCandidate);
  const extra = Math.abs(unmatchedQuery - unmatchedCandidate);
  // A query part may agree with candidate parts written apart (Abdelrahman / Abdel Rahman).
  const hits = Math.max(hitQueryParts, Math.min(coveredCandidateParts, candidate.strong));
  const agreeing = hits + initialPairs;
  // Two agreeing parts may keep the other's own name (keepsOwnName): its further parts cost less.
  const extraWeight = hits >= 2 && oneSideWhole ? EXTRA_PART_COST * extra : extraCost(extra);
  const bound = (matched + weak + STRONG_CREDIT * conflicting) / (matched + weak + conflicting + extraWeight);
  if (agreeing < 2 && (query.strong > 1 || candidate.strong > 1)) return Math.min(bound, SINGLE_PART_CAP);
  // A second agreeing part can only be an initial; unless initials of both names may agree
  // with each other, which the initial cap leaves alone.
  if (hits < 2 && initialPairs > 0 && (query.initials === 0 || candidate.initials === 0))
    return Math.min(bound, INITIAL_AGREEMENT_CAP);
  return bound;
}

/**
 * What `scoreUpperBound` answers without working it out, for the many names the index meets on a
 * single part: with no initial on either side, fewer than two agreeing parts keep the bound at
 * SINGLE_PART_CAP (the same test as there).
 */
export function cappedAtSinglePart(
  query: PartCounts,
  candidateStrong: number,
  candidateInitials: number,
  hitQueryParts: number,
  coveredCandidateParts = hitQueryParts,
): boolean {
  return (
    Math.max(hitQueryParts, Math.min(coveredCandidateParts, candidateStrong)) < 2 &&
    query.initials === 0 &&
    candidateInitials === 0 &&
    (query.strong > 1 || candidateStrong > 1)
  );
}

export function alignableParts(raw: string, kind: NameKind = 'person'): AlignablePart[] {
  return normaliseName(raw, kind).parts.map((part) => ({ ...part, features: partFeatures(part.text) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function weightOf(parts: readonly AlignablePart[], indices: readonly number[]): number {
  let weight = 0;
  for (const index of indices) weight += partWeight(parts[index]);
  return weight;
}

function weakWeightOf(parts: readonly AlignablePart[], indices: readonly number[]): number {
  let weight = 0;
  for (const index of indices) if (parts[index].weak && !parts[index].initial) weight += PART_WEIGHT.weak;
  return weight;
}

function allCommon(parts: readonly AlignablePart[], indices: readonly number[]): boolean {
  for (const index of indices) if (isStrong(parts[index]) && !parts[index].features.common) return false;
  return true;
}

function isStrong(part: AlignablePart): boolean {
  return !part.weak && !part.initial;
}

function hasStrongPart(parts: readonly AlignablePart[], indices: readonly number[]): boolean {
  for (const index of indices) if (isStrong(parts[index])) return true;
  return false;
}

function strongIn(parts: readonly AlignablePart[], indices: readonly number[]): number {
  let count = 0;
  for (const index of indices) if (isStrong(parts[index])) count++;
  return count;
}

function strongCount(parts: readonly AlignablePart[]): number {
  let count = 0;
  for (const part of parts) if (isStrong(part)) count++;
  return count;
}

/**
 * Scores an alignment: agreeing parts by their credit, parts that contradict each other
 * (unmatched on both sides) as full losses, parts present on one side only as small ones.
 */
export function scoreAlignment(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  alignment: Alignment,
  explain = true,
): { score: number; adjustments: ScoreAdjustment[] } {
  let matchedWeight = 0;
  let earned = 0;
  let strongPairs = 0;
  let initialPairs = 0;
  let indirectPairs = 0;
  let commonPairs = 0;
  for (const pair of alignment.pairs) {
    const weightA = weightOf(a, pair.a);
    const weightB = weightOf(b, pair.b);
    const weight = pair.method === 'initial' ? Math.min(weightA, weightB) : Math.max(weightA, weightB);
    const earning = credit(pair.similarity);
    matchedWeight += weight;
    earned += weight * earning;
    // An initial agreeing with a given name counts as a second agreeing part (J. Smith); parts
    // written together that are the whole of both names (Abdel Rahman / Abdelrahman) count as
    // the parts they join.
    if ((pair.method === 'initial' || hasStrongPart(a, pair.a)) && earning >= STRONG_CREDIT) {
      const whole =
        pair.method === 'compound' &&
        strongIn(a, pair.a) === strongCount(a) &&
        strongIn(b, pair.b) === strongCount(b);
      const counted = whole ? Math.max(1, strongIn(a, pair.a), strongIn(b, pair.b)) : 1;
      strongPairs += counted;
      if (pair.method !== 'initial' && allCommon(a, pair.a) && allCommon(b, pair.b)) commonPairs += counted;
      if (pair.method === 'initial') initialPairs++;
      else if (pair.indirect) indirectPairs += counted;
    }
  }
  const unmatchedA = weightOf(a, alignment.unmatchedA);
  const unmatchedB = weightOf(b, alignment.unmatchedB);
  // A particle or title left over (Haji, al) contradicts no name part of the other name: it is
  // extra, however many parts the other name has left over.
  const conflicting = Math.min(
    unmatchedA - weakWeightOf(a, alignment.unmatchedA),
    unmatchedB - weakWeightOf(b, alignment.unmatchedB),
  );
  const extra = unmatchedA + unmatchedB - 2 * conflicting;
  const extraWeight =
    strongPairs >= 2 && (keepsOwnName(a, b, alignment.pairs, 'a') || keepsOwnName(b, a, alignment.pairs, 'b'))
      ? EXTRA_PART_COST * extra
      : extraCost(extra);
  const denominator = matchedWeight + conflicting + extraWeight;
  const adjustments: ScoreAdjustment[] = [];
  let score = denominator > 0 ? earned / denominator : 0;
  if (explain && matchedWeight > 0 && (unmatchedA > 0 || unmatchedB > 0)) {
    // The loss against a perfect alignment, shared between the two sides by what each added.
    const loss = score - earned / matchedWeight;
    const shareA = conflicting / 2 + (unmatchedA > unmatchedB ? extraWeight : 0);
    const shareB = conflicting / 2 + (unmatchedB > unmatchedA ? extraWeight : 0);
    if (unmatchedA > 0)
      adjustments.push({
        reason: 'unmatched-query-part',
        detail: `${describe(a, alignment.unmatchedA)}: not in the other name`,
        delta: round((loss * shareA) / (shareA + shareB)),
      });
    if (unmatchedB > 0)
      adjustments.push({
        reason: 'unmatched-candidate-part',
        detail: `${describe(b, alignment.unmatchedB)}: not in the query`,
        delta: round((loss * shareB) / (shareA + shareB)),
      });
  }
  if (strongPairs <= 1 && (strongCount(a) > 1 || strongCount(b) > 1) && score > SINGLE_PART_CAP) {
    if (explain)
      adjustments.push({
        reason: 'single-part-name',
        detail: 'only one part of the names agrees',
        delta: round(SINGLE_PART_CAP - score),
      });
    score = SINGLE_PART_CAP;
  } else if (
    commonPairs === strongPairs &&
    strongPairs <= 2 &&
    score > COMMON_AGREEMENT_CAP &&
    (hasStrongPart(a, alignment.unmatchedA) || hasStrongPart(b, alignment.unmatchedB))
  ) {
    if (explain)
      adjustments.push({
        reason: 'common-parts',
        detail: 'the names agree only on parts that many people bear, and one has parts the other lacks',
        delta: round(COMMON_AGREEMENT_CAP - score),
      });
    score = COMMON_AGREEMENT_CAP;
  } else if (initialPairs > 0 && strongPairs - initialPairs <= 1 && score > INITIAL_AGREEMENT_CAP) {
    if (explain)
      adjustments.push({
        reason: 'initials-only',
        detail: 'one part of the names agrees, the rest only by initials',
        delta: round(INITIAL_AGREEMENT_CAP - score),
      });
    score = INITIAL_AGREEMENT_CAP;
  } else if (indirectPairs > 0 && strongPairs - initialPairs - indirectPairs <= 1 && score > OTHER_FORM_CAP) {
    if (explain)
      adjustments.push({
        reason: 'other-form',
        detail: 'at most one part of the names agrees as written, the rest as another form of the name',
        delta: round(OTHER_FORM_CAP - score),
      });
    score = OTHER_FORM_CAP;
  }
  const order = orderAdjustment(a, b, alignment.pairs);
  if (order) {
    score = Math.max(0, score + order.delta);
    if (explain) adjustments.push(order);
  }
  return { score, adjustments };
}

/** The score alone, for scoring many candidates before explaining the few that are hits. */
export function nameScoreOnly(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  comparer: PartComparer = defaultComparer,
): number {
  return scoreAlignment(a, b, alignParts(a, b, comparer), false).score;
}

function describe(parts: readonly AlignablePart[], indices: readonly number[]): string {
  return indices.map((index) => parts[index].written).join(' ');
}

/** Aligns and scores two names given as parts. */
export function scoreNames(
  a: readonly AlignablePart[],
  b: readonly AlignablePart[],
  comparer: PartComparer = defaultComparer,
): NameScore {
  const alignment = alignParts(a, b, comparer);
  const { score, adjustments } = scoreAlignment(a, b, alignment);
  return {
    score,
    alignment,
    parts: alignment.pairs.map((pair) => ({
      query: describe(a, pair.a),
      candidate: describe(b, pair.b),
      method: pair.method,
      similarity: round(pair.similarity),
    })),
    unmatchedQueryParts: alignment.unmatchedA.map((index) => a[index].written),
    unmatchedCandidateParts: alignment.unmatchedB.map((index) => b[index].written),
    adjustments,
  };
}
