import { countryCode } from './countries.js';
import {
  closestDateOfBirth,
  compareDateOfBirth,
  MAX_DATE_BONUS,
  parsePartialDate,
  type PartialDate,
} from './dates.js';
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

/** Whether the entry lists the asked nationality (a country code); undefined when it lists none. */
function sameNationality(asked: string, entry: readonly string[] | undefined): boolean | undefined {
  let listedAny = false;
  for (const value of entry ?? []) {
    const listed = countryCode(value);
    if (listed === asked) return true;
    if (listed !== undefined) listedAny = true;
  }
  return listedAny ? false : undefined;
}

export function compareNationality(
  query: string | undefined,
  entry: readonly string[] | undefined,
): ScoreAdjustment | undefined {
  const asked = countryCode(query);
  if (!asked) return undefined;
  const same = sameNationality(asked, entry);
  if (same === undefined) return undefined;
  if (same)
    return { reason: 'nationality', detail: `${asked}: same nationality`, delta: NATIONALITY_DELTA.same };
  const listed = (entry ?? []).map(countryCode).filter((code): code is string => code !== undefined);
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

/**
 * The sum of `evidenceAdjustments` deltas for many entries against one query, without
 * building the adjustments' wording: the query's date of birth and nationality read once.
 */
export function evidenceDelta(
  query: Omit<PersonQuery, 'name'>,
): (entry: Omit<WatchlistName, 'names' | 'id' | 'entryId' | 'kind'>) => number {
  const birth: PartialDate | undefined = parsePartialDate(query.dateOfBirth);
  const nationality = countryCode(query.nationality);
  return (entry) => {
    let delta = 0;
    if (birth) delta += closestDateOfBirth(birth, entry.datesOfBirth)?.delta ?? 0;
    if (nationality) {
      const same = sameNationality(nationality, entry.nationalities);
      if (same !== undefined) delta += same ? NATIONALITY_DELTA.same : NATIONALITY_DELTA.different;
    }
    delta += compareSex(query.sex, entry.sex)?.delta ?? 0;
    if (query.documents?.length) delta += compareDocuments(query.documents, entry.documents)?.delta ?? 0;
    return delta;
  };
}
