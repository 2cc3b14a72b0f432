import { countryCode } from './countries.js';
import { compareDateOfBirth, MAX_DATE_BONUS } from './dates.js';
import { compareDocuments } from './documents.js';
import type { PersonQuery, ScoreAdjustment, Sex, WatchlistName } from './types.js';

/**
 * Nationality is weak evidence: people hold several and lists are incomplete, so agreement
 * adds a little and disagreement takes away a little.
 */
export const NATIONALITY_DELTA = { same: 0.03, different: -0.05 } as const;
export const SEX_DELTA = { different: -0.1 } as const;

/** The most the evidence other than documents can add, for bounds in the index. */
export const MAX_EVIDENCE_BONUS_WITHOUT_DOCUMENTS = MAX_DATE_BONUS + NATIONALITY_DELTA.same;

export function compareNationality(
  query: string | undefined,
  entry: readonly string[] | undefined,
): ScoreAdjustment | undefined {
  const asked = countryCode(query);
  if (!asked || !entry || entry.length === 0) return undefined;
  const listed = entry.map(countryCode).filter((code): code is string => code !== undefined);
  if (listed.length === 0) return undefined;
  if (listed.includes(asked))
    return { reason: 'nationality', detail: `${asked}: same nationality`, delta: NATIONALITY_DELTA.same };
  return {
    reason: 'nationality',
    detail: `${asked} vs ${listed.join(', ')}: different nationality`,
    delta: NATIONALITY_DELTA.different,
  };
}

const known = (sex: Sex | undefined): sex is 'male' | 'female' => sex === 'male' || sex === 'female';

export function compareSex(query: Sex | undefined, entry: Sex | undefined): ScoreAdjustment | undefined {
  if (!known(query) || !known(entry) || query === entry) return undefined;
  return { reason: 'sex', detail: `${query} vs ${entry}`, delta: SEX_DELTA.different };
}

/** Every piece of evidence besides the name that the query and the entry both carry. */
export function evidenceAdjustments(
  query: Omit<PersonQuery, 'name'>,
  entry: Omit<WatchlistName, 'names' | 'id' | 'entryId' | 'kind'>,
): ScoreAdjustment[] {
  return [
    compareDateOfBirth(query.dateOfBirth, entry.datesOfBirth),
    compareNationality(query.nationality, entry.nationalities),
    compareSex(query.sex, entry.sex),
    compareDocuments(query.documents, entry.documents),
  ].filter((adjustment): adjustment is ScoreAdjustment => adjustment !== undefined);
}
