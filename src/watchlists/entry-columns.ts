import type { WatchlistEntryInput } from './model.js';

/** An entry's details column: everything of WatchlistEntryInput that has no column of its own. */
export type EntryDetails = Pick<
  WatchlistEntryInput,
  'aliases' | 'originalScriptNames' | 'datesOfBirth' | 'placesOfBirth' | 'nationalities' | 'sex' | 'documents'
>;

/** Lower-case, accent-free text of an entry's names: what the entries filter searches. */
export function searchText(entry: WatchlistEntryInput): string {
  return [
    entry.primaryName,
    ...entry.aliases.map((a) => a.name),
    ...entry.originalScriptNames,
    entry.externalId,
  ]
    .concat(entry.documents.map((d) => d.number))
    .join(' | ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** An entry as the columns of its row. */
export function entryColumns(entry: WatchlistEntryInput) {
  const details: EntryDetails = {
    aliases: entry.aliases,
    originalScriptNames: entry.originalScriptNames,
    datesOfBirth: entry.datesOfBirth,
    placesOfBirth: entry.placesOfBirth,
    nationalities: entry.nationalities,
    sex: entry.sex,
    documents: entry.documents,
  };
  return {
    kind: entry.kind,
    primary_name: entry.primaryName,
    search_text: searchText(entry),
    details: JSON.stringify(details),
    reason: entry.reason,
    category: entry.category,
    severity: entry.severity,
    valid_from: entry.validFrom,
    valid_to: entry.validTo,
    source_reference: entry.sourceReference,
  };
}
