import type { Candidate } from './screening.js';
import type { EntryInput, WatchlistEntryInput, WatchlistKind } from './model.js';
import type { WatchlistRow } from './store.js';

export function listView(row: WatchlistRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    source: row.source,
    description: row.description,
    owner: { unitId: row.owner_unit_id, unitName: row.owner_unit_name, jurisdiction: row.jurisdiction_code },
    sharing: row.sharing,
    notifyOtherUnits: row.notify_other_units,
    sourceVersion: row.source_version,
    active: row.active,
    activeEntries: row.active_entries ?? 0,
    lastImportAt: row.last_import_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type WatchlistView = ReturnType<typeof listView>;

export function candidateView(candidate: Candidate) {
  const { entry } = candidate;
  return {
    score: candidate.score,
    match: candidate.match,
    matchedBy: candidate.matchedBy,
    explanation: candidate.explanation,
    entry: {
      id: entry.id,
      externalId: entry.externalId,
      kind: entry.kind,
      primaryName: entry.primaryName,
      aliases: entry.details.aliases.map((a) => a.name),
      originalScriptNames: entry.details.originalScriptNames,
      datesOfBirth: entry.details.datesOfBirth,
      nationalities: entry.details.nationalities,
      sex: entry.details.sex,
      documents: entry.details.documents,
      category: entry.category,
      severity: entry.severity,
      reason: entry.reason,
    },
    list: { id: entry.watchlistId, name: entry.listName, source: entry.listSource },
  };
}

/** Entry typed by a user, completed into what importers give. */
export function fromInput(input: EntryInput, kind: WatchlistKind, externalId: string): WatchlistEntryInput {
  return {
    externalId,
    kind,
    primaryName: input.primaryName.replace(/\s+/g, ' '),
    aliases: input.aliases.map((name) => ({ name, quality: null })),
    originalScriptNames: input.originalScriptNames,
    datesOfBirth: input.datesOfBirth,
    placesOfBirth: input.placesOfBirth,
    nationalities: input.nationalities,
    sex: input.sex,
    documents: input.documents,
    reason: input.reason,
    category: input.category,
    severity: input.severity,
    validFrom: input.validFrom,
    validTo: input.validTo,
    sourceReference: input.sourceReference,
  };
}
