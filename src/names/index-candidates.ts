import { MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS } from './evidence.js';
import { agreeingParts, LookupMarks, type LookupUnit } from './index-graph.js';
import { SCORE_ROUNDING, type PreparedQuery } from './index-scoring.js';
import { INLINE_PARTS, NAME_STRIDE, type IndexStore } from './index-store.js';
import { scoreUpperBound, SINGLE_PART_CAP, type PartCounts } from './name-score.js';

export function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Lookups kept from query to query: the same names recur in a stream of travellers. */
const LOOKUP_CACHE_LIMIT = 100_000;

/** Buffers reused from query to query, indexed by name and by vocabulary part. */
export class CandidateScratch {
  /** Unit text -> the vocabulary parts that agree with it, valid for `cachedVocabulary` parts. */
  readonly lookupCache = new Map<string, Int32Array>();
  cachedVocabulary = 0;
  /** Per name, side by side: the query parts it agrees with (bits), and how many of its parts agree. */
  state = new Int32Array(0);
  partBits = new Int32Array(0);
  readonly marks = new LookupMarks();
  /** Parts compared and names reached by the last search, for benchmarks. */
  lookups = 0;
  touched = 0;

  fit(names: number, parts: number): void {
    if (this.state.length < names * 2) this.state = new Int32Array(Math.ceil(names * 1.25) * 2);
    if (this.partBits.length < parts) this.partBits = new Int32Array(Math.ceil(parts * 1.25));
    this.marks.fit(parts);
  }
}

/** Vocabulary parts that agree with a unit (STRONG_SIMILARITY), found through the blocking keys. */

/**
 * The names that may reach the threshold. Each unit's blocking keys give vocabulary parts; the
 * ones alike enough (STRONG_SIMILARITY) mark the query parts they stand for. A name needs two
 * agreeing parts to pass SINGLE_PART_CAP, so (prefix filtering) it must contain a part agreeing
 * with one of all but the most common query part: only those postings are walked, and the most
 * common part is then checked on the few names reached, through their own parts.
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
  scratch.fit(store.nameCount, store.vocabularyParts.length);
  const { state, partBits } = scratch;
  scratch.lookups = 0;
  const matched: number[] = [];
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
        agreeing = agreeingParts(store, unit, kindCode, prepared.comparer, scratch.marks);
        scratch.lookups += scratch.marks.compared;
        scratch.lookupCache.set(cacheKey, agreeing);
      }
    }
    for (const id of agreeing) {
      if (partBits[id] === 0) matched.push(id);
      partBits[id] |= unit.mask;
    }
  }
  const query: PartCounts = {
    strong: popcount(prepared.strongMask),
    weak: prepared.parts.filter((part) => part.weak).length,
    initials: prepared.parts.filter((part) => part.initial).length,
  };
  const reach = threshold - MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS;

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

  const touched: number[] = [];
  const walk = (id: number, rows: typeof postings) => {
    for (let position = rows.start[id]; position < rows.start[id + 1]; position++) {
      const at = rows.names[position] * 2;
      if (state[at] === 0) touched.push(rows.names[position]);
      state[at] |= partBits[id];
      state[at + 1] += rows.spans[position];
    }
  };
  const withInitials = walkMask === prepared.strongMask ? undefined : store.postingsWithInitials();
  for (const id of matched) {
    // Joined neighbours are not among a name's own parts, where the left-out part is checked,
    // so their (short) postings are walked whatever they agree with.
    if (partBits[id] & walkMask || store.isNamePart[id] === 0) walk(id, postings);
    // A name with an initial may agree on the left-out part and its initial alone.
    else if (withInitials) walk(id, withInitials);
  }
  // The left-out part, looked for among the parts of the names reached.
  if (walkMask !== prepared.strongMask) {
    const ids = store.nameParts.values;
    const table = store.nameTable;
    for (const name of touched) {
      const at = name * NAME_STRIDE;
      const start = table[at];
      const end = table[at + NAME_STRIDE];
      for (let position = start; position < end; position++) {
        const offset = position - start;
        const bits = partBits[offset < INLINE_PARTS ? table[at + 3 + offset] : ids[position]];
        if (bits !== 0 && (bits & walkMask) === 0) {
          state[name * 2] |= bits;
          state[name * 2 + 1]++;
        }
      }
    }
  }
  scratch.touched = touched.length;

  const candidate: PartCounts = { strong: 0, weak: 0, initials: 0 };
  const candidates: number[] = [];
  const table = store.nameTable;
  for (const name of touched) {
    const hits = popcount(state[name * 2] & prepared.strongMask);
    const covered = state[name * 2 + 1];
    state[name * 2] = 0;
    state[name * 2 + 1] = 0;
    const counts = table[name * NAME_STRIDE + 1];
    candidate.strong = counts & 0xff;
    candidate.weak = (counts >>> 8) & 0xff;
    candidate.initials = (counts >>> 16) & 0xff;
    const bound = scoreUpperBound(query, candidate, hits, covered);
    if (bound < reach) continue;
    // The entry's own evidence (a date of birth years apart) may rule it out before scoring.
    if (
      prepared.entryEvidence &&
      bound + prepared.entryEvidence(table[name * NAME_STRIDE + 2]).delta + SCORE_ROUNDING < threshold
    )
      continue;
    candidates.push(name);
  }
  for (const id of matched) partBits[id] = 0;
  return candidates;
}
