import { MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS } from './evidence.js';
import { agreeingParts, LookupMarks, type LookupUnit } from './index-graph.js';
import { SCORE_ROUNDING, type PreparedQuery } from './index-scoring.js';
import { IntColumn, type IndexStore, type PostingRows } from './index-store.js';
import { cappedAtSinglePart, scoreUpperBound, SINGLE_PART_CAP, type PartCounts } from './name-score.js';

export function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Lookups kept from query to query: the same names recur in a stream of travellers. */
const LOOKUP_CACHE_LIMIT = 100_000;

/** Buffers reused from query to query, indexed by vocabulary part. */
export class CandidateScratch {
  /** Unit text -> the vocabulary parts that agree with it, valid for `cachedVocabulary` parts. */
  readonly lookupCache = new Map<string, Int32Array>();
  cachedVocabulary = 0;
  /** Per part, the query parts it agrees with (bits); and the same parts as a bitmap, to test first. */
  partBits = new Int32Array(0);
  agreeing = new Int32Array(0);
  /** The parts with bits set. */
  readonly matched = new IntColumn();
  readonly marks = new LookupMarks();
  /** Parts compared and names reached by the last search, for benchmarks. */
  lookups = 0;
  touched = 0;

  fit(parts: number): void {
    if (this.partBits.length < parts) {
      this.partBits = new Int32Array(Math.ceil(parts * 1.25));
      this.agreeing = new Int32Array((this.partBits.length >>> 5) + 1);
    }
    this.marks.fit(parts);
  }
}

/**
 * The names that may reach the threshold. Each unit's blocking keys give vocabulary parts; the
 * ones alike enough (STRONG_SIMILARITY) mark the query parts they stand for. A name needs two
 * agreeing parts to pass SINGLE_PART_CAP, so (prefix filtering) it must contain a part agreeing
 * with one of all but the most common query part: only those parts' postings are walked. Each
 * posting entry carries the whole name (index-store.ts PostingRows), so a name is judged
 * where it is met, on all its parts, the left-out one included; a name met through several
 * parts is judged once, at the first of them that is walked.
 */
export function findCandidateNames(
  store: IndexStore,
  prepared: PreparedQuery,
  units: readonly LookupUnit[],
  threshold: number,
  scratch: CandidateScratch,
): number[] {
  const kindCode = prepared.kind === 'person' ? 0 : 1;
  const postings = store.postings();
  scratch.fit(store.vocabularyParts.length);
  const { partBits, agreeing: agreeingMap } = scratch;
  scratch.lookups = 0;
  scratch.matched.length = 0;
  if (
    scratch.cachedVocabulary !== store.vocabularyParts.length ||
    scratch.lookupCache.size > LOOKUP_CACHE_LIMIT
  ) {
    scratch.lookupCache.clear();
    scratch.cachedVocabulary = store.vocabularyParts.length;
  }
  for (const unit of units) {
    // A part the list itself contains has its agreeing parts worked out when the index was built.
    let agreeing = unit.run ? undefined : store.agreementOf(prepared.kind, unit.part.text);
    if (!agreeing) {
      const cacheKey = `${kindCode}${unit.run ? 'r' : 'p'}${unit.part.text}`;
      agreeing = scratch.lookupCache.get(cacheKey);
      if (!agreeing) {
        agreeing = agreeingParts(store, unit, kindCode, scratch.marks);
        scratch.lookups += scratch.marks.compared;
        scratch.lookupCache.set(cacheKey, agreeing);
      }
    }
    for (const id of agreeing) {
      if (partBits[id] === 0) {
        scratch.matched.push(id);
        agreeingMap[id >>> 5] |= 1 << (id & 31);
      }
      partBits[id] |= unit.mask;
    }
  }
  const matched = scratch.matched.view();
  const query: PartCounts = {
    strong: popcount(prepared.strongMask),
    weak: prepared.parts.filter((part) => part.weak).length,
    initials: prepared.parts.filter((part) => part.initial).length,
  };
  const reach = threshold - MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS;
  const { strongMask } = prepared;
  const singlePartFails = SINGLE_PART_CAP < reach;

  // The costliest query part is left out of the walk when a single agreeing part cannot reach.
  let walkMask = prepared.strongMask;
  if (query.strong >= 2 && SINGLE_PART_CAP < reach) {
    const cost = new Float64Array(32);
    for (const id of matched) {
      const length = postings.start[id + 1] - postings.start[id];
      for (let bits = partBits[id]; bits !== 0; bits &= bits - 1)
        cost[31 - Math.clz32(bits & -bits)] += length;
    }
    let costliest = -1;
    for (let bit = 0; bit < 32; bit++)
      if (prepared.strongMask & (1 << bit) && (costliest < 0 || cost[bit] > cost[costliest])) costliest = bit;
    walkMask &= ~(1 << costliest);
  }
  // A name with an initial may agree on the left-out part and its initial alone.
  const withInitials = walkMask === prepared.strongMask ? undefined : store.postingsWithInitials();
  const { isJoined } = store;
  const occurrences = store.occurrences.values;
  const candidate: PartCounts = { strong: 0, weak: 0, initials: 0 };
  const candidates: number[] = [];
  let judged = 0;

  const walk = (id: number, { start, rows }: PostingRows, initialsToo: boolean) => {
    const end = start[id + 1];
    for (let at = start[id]; at < end;) {
      const name = rows[at];
      const header = rows[at + 1];
      const counts = rows[at + 2];
      const inline = header & 0xfff;
      const self = header >>> 12;
      at += 3 + inline;
      // The name's occurrences: in the entry, or (for the longest names) in the store.
      const source = inline > 0 ? rows : occurrences;
      const from = inline > 0 ? at - inline : store.nameOccurrenceStart(name);
      const to = inline > 0 ? at : store.nameOccurrenceStart(name + 1);
      const hasInitials = initialsToo && counts >>> 16 !== 0;
      let bits = 0;
      let covered = 0;
      let first = -1;
      for (let position = from; position < to; position++) {
        const occurrence = source[position];
        const part = occurrence >>> 2;
        if ((agreeingMap[part >>> 5] & (1 << (part & 31))) === 0) continue;
        const partMask = partBits[part];
        bits |= partMask;
        covered += occurrence & 3;
        // Walked (so meeting the name) under the same test as the loop below.
        if (first < 0 && (partMask & walkMask || isJoined[part] === 1 || hasInitials)) {
          first = position - from;
          if (first !== self) break;
        }
      }
      if (first !== self) continue;
      judged++;
      const hitParts = popcount(bits & strongMask);
      // Most names met agree on one part only: turned down without the whole bound.
      if (
        singlePartFails &&
        cappedAtSinglePart(query, counts & 0xff, (counts >>> 16) & 0xff, hitParts, covered)
      )
        continue;
      candidate.strong = counts & 0xff;
      candidate.weak = (counts >>> 8) & 0xff;
      candidate.initials = (counts >>> 16) & 0xff;
      const bound = scoreUpperBound(query, candidate, hitParts, covered);
      if (bound < reach) continue;
      // The entry's own evidence (a date of birth years apart) may rule it out before scoring.
      if (
        prepared.entryEvidence &&
        bound + prepared.entryEvidence(store.nameEntry.get(name)) + SCORE_ROUNDING < threshold
      )
        continue;
      candidates.push(name);
    }
  };
  for (const id of matched) {
    // Joined neighbours are not among a name's own parts, so they are walked whatever they agree with.
    if (partBits[id] & walkMask || isJoined[id] === 1) walk(id, postings, withInitials !== undefined);
    else if (withInitials) walk(id, withInitials, true);
  }
  scratch.touched = judged;
  for (const id of matched) {
    partBits[id] = 0;
    agreeingMap[id >>> 5] = 0;
  }
  return candidates;
}
