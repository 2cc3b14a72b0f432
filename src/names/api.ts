/**
 * The name engine's public face: compare two names, screen a person against an index of
 * watchlist names, and the types these take and give. Pure: no I/O, no clock, no database.
 */
import { NameIndex } from './index.js';
import { OPERATING_THRESHOLD, comparePersonNames, scorePersonAgainstEntry } from './person-score.js';
import { compareOrganisationNames } from './organisation-score.js';
import type { PersonQuery, ScreeningHit, SearchOptions } from './types.js';

export {
  NameIndex,
  OPERATING_THRESHOLD,
  comparePersonNames,
  compareOrganisationNames,
  scorePersonAgainstEntry,
};
export { normaliseName } from './normalise.js';
export { spellingsOf, nationalLatin } from './transliterate.js';
export { soundKey, skeletonKey } from './phonetic.js';
export { jaroWinkler, editDistance } from './similarity.js';
export { icaoCheckDigit, relateDocumentNumbers } from './documents.js';
export { countryCode } from './countries.js';
export type * from './types.js';

/** A person against the persons of a watchlist index: the hits at the operating threshold, best first. */
export function screenPerson(
  index: NameIndex,
  query: PersonQuery,
  options: SearchOptions = {},
): ScreeningHit[] {
  return index.search(query, { kind: 'person', ...options });
}

/** An organisation name against the organisations of an index. */
export function screenOrganisation(
  index: NameIndex,
  name: string,
  options: SearchOptions = {},
): ScreeningHit[] {
  return index.search({ name }, { kind: 'organisation', ...options });
}

/**
 * What the `interdict names compare` command needs per CSV row: `kind` is "person" (the
 * default) or "organisation".
 */
export function compareNames(
  name1: string,
  name2: string,
  kind: 'person' | 'organisation' = 'person',
): { score: number; match: boolean } {
  const result =
    kind === 'organisation' ? compareOrganisationNames(name1, name2) : comparePersonNames(name1, name2);
  return { score: result.score, match: result.match };
}
