import type { AlignablePart, PartComparer } from './alignment.js';
import { defaultComparer } from './alignment.js';
import { evidenceAdjustments } from './evidence.js';
import { alignableParts, scoreNames, type NameScore } from './name-score.js';
import type {
  ComparisonResult,
  MatchExplanation,
  PersonQuery,
  ScoreAdjustment,
  WatchlistName,
} from './types.js';

import { OPERATING_THRESHOLD } from './threshold.js';

export { OPERATING_THRESHOLD };

const round = (value: number) => Math.round(value * 1000) / 1000;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function explanationOf(
  best: NameScore,
  candidateName: string,
  evidence: ScoreAdjustment[],
): MatchExplanation {
  return {
    candidateName,
    nameScore: round(best.score),
    parts: best.parts,
    unmatchedQueryParts: best.unmatchedQueryParts,
    unmatchedCandidateParts: best.unmatchedCandidateParts,
    adjustments: [...best.adjustments, ...evidence],
  };
}

export function finalScore(nameScore: number, evidence: readonly ScoreAdjustment[]): number {
  return round(clamp(evidence.reduce((sum, adjustment) => sum + adjustment.delta, nameScore)));
}

/** Two person names, nothing else known. */
export function comparePersonNames(a: string, b: string, threshold = OPERATING_THRESHOLD): ComparisonResult {
  const best = scoreNames(alignableParts(a), alignableParts(b));
  const score = round(best.score);
  return { score, match: score >= threshold, explanation: explanationOf(best, b, []) };
}

/** The entry's best-matching name for the query, with the query's parts already prepared. */
export function bestName(
  queryParts: readonly AlignablePart[],
  names: readonly string[],
  nameParts: ReadonlyArray<readonly AlignablePart[]>,
  comparer: PartComparer = defaultComparer,
): { best: NameScore; name: string } | undefined {
  let result: { best: NameScore; name: string } | undefined;
  for (let index = 0; index < nameParts.length; index++) {
    if (nameParts[index].length === 0) continue;
    const scored = scoreNames(queryParts, nameParts[index], comparer);
    if (!result || scored.score > result.best.score) result = { best: scored, name: names[index] };
  }
  return result;
}

/** A person (name, date of birth, nationality, sex, documents) against one watchlist entry. */
export function scorePersonAgainstEntry(
  query: PersonQuery,
  entry: WatchlistName,
  threshold = OPERATING_THRESHOLD,
): ComparisonResult {
  const queryParts = alignableParts(query.name);
  const found = bestName(
    queryParts,
    entry.names,
    entry.names.map((name) => alignableParts(name)),
  );
  const evidence = evidenceAdjustments(query, entry);
  if (!found) {
    const empty: NameScore = {
      score: 0,
      alignment: { pairs: [], unmatchedA: [], unmatchedB: [] },
      parts: [],
      unmatchedQueryParts: [],
      unmatchedCandidateParts: [],
      adjustments: [],
    };
    const score = finalScore(0, evidence);
    return { score, match: score >= threshold, explanation: explanationOf(empty, '', evidence) };
  }
  const score = finalScore(found.best.score, evidence);
  return { score, match: score >= threshold, explanation: explanationOf(found.best, found.name, evidence) };
}
