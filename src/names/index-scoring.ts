import type { AlignablePart, PartComparer } from './alignment.js';
import { DOCUMENT_DELTA } from './documents.js';
import { evidenceAdjustments, MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS } from './evidence.js';
import type { IndexStore } from './index-store.js';
import { alignableParts, nameScoreOnly, scoreNames } from './name-score.js';
import { ACRONYM_SCORE, organisationEvidence, organisationParts } from './organisation-score.js';
import { explanationOf, finalScore } from './person-score.js';
import type { PersonQuery, ScoreAdjustment, ScreeningHit, WatchlistName } from './types.js';

/** Final scores are rounded to three decimals; bounds leave that much room. */
export const SCORE_ROUNDING = 0.001;

/** A query made ready once for scoring against many names. */
export interface PreparedQuery {
  query: PersonQuery;
  kind: WatchlistName['kind'];
  parts: AlignablePart[];
  legalForm?: string;
  legalFormWritten?: string;
  numbers?: string[];
  places?: string[];
  placeWords?: string[];
  /** Organisations: acronyms the query gives in brackets. */
  acronyms?: string[];
  /** Bit i set when part i is a strong part (not a particle, honorific or initial). */
  strongMask: number;
  comparer: PartComparer;
  /**
   * For persons: what the evidence other than the name (date of birth, nationality, sex,
   * documents) adds for an entry. It does not depend on which of the entry's names matched,
   * so candidates can be bounded by it before their names are scored.
   */
  entryEvidence?: (entry: number) => number;
}

function evidenceFor(
  prepared: PreparedQuery,
  entry: number,
  listed: WatchlistName,
  candidateName: string,
): ScoreAdjustment[] {
  if (prepared.kind === 'person') return evidenceAdjustments(prepared.query, listed);
  return organisationEvidence(prepared, organisationParts(candidateName));
}

/**
 * Scores names (of the index) against a prepared query: the best name per entry, then the
 * evidence, then the threshold; explanations are built for the hits returned only.
 */
export function scoreCandidateNames(
  store: IndexStore,
  entries: readonly WatchlistName[],
  prepared: PreparedQuery,
  names: readonly number[],
  threshold: number,
  limit: number,
  found: { acronyms?: ReadonlySet<number> } = {},
): ScreeningHit[] {
  const bestByEntry = new Map<number, { score: number; name: number; acronym: number }>();
  for (const name of names) {
    const ids = store.nameParts.values;
    const start = store.partStart(name);
    const parts: AlignablePart[] = new Array(store.partEnd(name) - start);
    for (let index = 0; index < parts.length; index++)
      parts[index] = store.vocabularyParts[ids[start + index]];
    let score = nameScoreOnly(prepared.parts, parts, prepared.comparer);
    // One name the acronym of the other (found by its acronym): scored as compareOrganisationNames does.
    let acronym = 0;
    if (score < ACRONYM_SCORE && found.acronyms?.has(name)) {
      acronym = ACRONYM_SCORE - score;
      score = ACRONYM_SCORE;
    }
    const entry = store.nameEntry.get(name);
    const best = bestByEntry.get(entry);
    if (!best || score > best.score || (score === best.score && name < best.name))
      bestByEntry.set(entry, { score, name, acronym });
  }
  const documentBonus = prepared.query.documents?.length ? DOCUMENT_DELTA.same : 0;
  const reach = prepared.kind === 'person' ? MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS + documentBonus : 0;
  const reachOf = (entry: number) =>
    prepared.entryEvidence ? prepared.entryEvidence(entry) + SCORE_ROUNDING : reach;
  const hits: Array<{
    entry: number;
    name: number;
    nameScore: number;
    score: number;
    evidence: ScoreAdjustment[];
  }> = [];
  for (const [entry, best] of bestByEntry) {
    if (best.score + reachOf(entry) < threshold) continue;
    const listed = entries[entry];
    const candidateName = listed.names[store.namePosition.get(best.name)];
    const evidence = evidenceFor(prepared, entry, listed, candidateName);
    const nameScore = best.score - best.acronym;
    if (best.acronym > 0)
      evidence.unshift({
        reason: 'acronym',
        detail: 'one name is the acronym of the other',
        delta: best.acronym,
      });
    const score = finalScore(nameScore, evidence);
    if (score >= threshold) hits.push({ entry, name: best.name, nameScore, score, evidence });
  }
  hits.sort((x, y) => y.score - x.score || x.entry - y.entry);
  return hits.slice(0, limit).map((hit) => {
    const listed = entries[hit.entry];
    const candidateName = listed.names[store.namePosition.get(hit.name)];
    const candidateParts =
      prepared.kind === 'person' ? alignableParts(candidateName) : organisationParts(candidateName).parts;
    const explained = scoreNames(prepared.parts, candidateParts);
    return {
      id: listed.id,
      entryId: listed.entryId,
      kind: listed.kind,
      score: hit.score,
      match: true,
      explanation: explanationOf(explained, candidateName, hit.evidence),
    };
  });
}
