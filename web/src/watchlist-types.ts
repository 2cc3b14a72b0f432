/**
 * Shapes of the watchlist and screening API (/api/v1/watchlists, /watchlist-entries, /screen) as
 * the web UI reads them. The server's zod schemas (src/watchlists/model.ts) are the source of truth.
 */

export const WATCHLIST_KINDS = ['person', 'organisation', 'document'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];
export const WATCHLIST_SOURCES = ['un-sc', 'national', 'international', 'manual'] as const;
export type WatchlistSource = (typeof WATCHLIST_SOURCES)[number];
/** Sources a user may give a new list: the UN lists are created by importing the UN file. */
export const CREATABLE_SOURCES = ['national', 'international', 'manual'] as const;
export const WATCHLIST_SHARING = ['unit', 'jurisdiction', 'all'] as const;
export type WatchlistSharing = (typeof WATCHLIST_SHARING)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Watchlist {
  id: string;
  name: string;
  kind: WatchlistKind;
  source: WatchlistSource;
  description: string;
  owner: { unitId: string | null; unitName: string | null; jurisdiction: string };
  sharing: WatchlistSharing;
  /** A unit-only list lets other units know that it matched (not what), to contact the owner unit. */
  notifyOtherUnits: boolean;
  sourceVersion: string | null;
  active: boolean;
  activeEntries: number;
  lastImportAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface EntryListItem {
  id: string;
  externalId: string;
  kind: WatchlistKind;
  primaryName: string;
  /** How many aliases the entry has. */
  aliases: number;
  datesOfBirth: string[];
  nationalities: string[];
  /** Document numbers. */
  documents: string[];
  category: string | null;
  severity: Severity;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface EntryDocument {
  type: string | null;
  number: string;
  issuingState: string | null;
  note: string | null;
}

/** What an entry says (the snapshot kept with every version). */
export interface EntryContent {
  externalId: string;
  kind: WatchlistKind;
  primaryName: string;
  aliases: { name: string; quality: string | null }[];
  originalScriptNames: string[];
  datesOfBirth: string[];
  placesOfBirth: string[];
  nationalities: string[];
  sex: 'M' | 'F' | null;
  documents: EntryDocument[];
  reason: string | null;
  category: string | null;
  severity: Severity;
  validFrom: string | null;
  validTo: string | null;
  sourceReference: string | null;
}

export type EntryChangeKind = 'created' | 'updated' | 'deactivated' | 'reactivated';

export interface EntryVersion {
  version: number;
  change: EntryChangeKind;
  changedBy: string;
  changedAt: string;
  importId: string | null;
  fields: string[];
  snapshot: EntryContent;
}

export interface EntryDetail extends EntryContent {
  id: string;
  list: { id: string; name: string; kind: WatchlistKind; source: WatchlistSource };
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  /** Newest first. */
  history: EntryVersion[];
}

/** The body of POST /watchlists/:id/entries and PUT /watchlist-entries/:id. */
export interface EntryInput {
  externalId?: string;
  primaryName: string;
  aliases: string[];
  originalScriptNames: string[];
  datesOfBirth: string[];
  placesOfBirth: string[];
  nationalities: string[];
  sex: 'M' | 'F' | null;
  documents: EntryDocument[];
  reason: string | null;
  category: string | null;
  severity: Severity;
  validFrom: string | null;
  validTo: string | null;
  sourceReference: string | null;
}

export interface ImportCounts {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
}

export interface ImportIssue {
  where: string;
  message: string;
}

export type ImportChangeKind = 'added' | 'updated' | 'reactivated' | 'deactivated' | 'unchanged';

export interface ImportReport {
  status: 'preview' | 'applied' | 'rejected';
  importId: string | null;
  format: 'un-sc-xml' | 'csv';
  generatedAt: string | null;
  lists: { id: string | null; name: string; kind: WatchlistKind; counts: ImportCounts }[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  changes: { list: string; change: ImportChangeKind; externalId: string; name: string; fields?: string[] }[];
  changesOmitted: number;
}

export interface ImportRecord {
  id: string;
  watchlistId: string | null;
  format: 'un-sc-xml' | 'csv';
  fileName: string | null;
  sha256: string;
  status: 'applied' | 'rejected';
  generatedAt: string | null;
  counts: ImportCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  importedBy: string;
  importedAt: string;
}

export type PartMethod = 'exact' | 'transliteration' | 'phonetic' | 'fuzzy' | 'initial' | 'compound';

export interface MatchExplanation {
  candidateName: string;
  nameScore: number;
  parts: { query: string; candidate: string; method: PartMethod; similarity: number }[];
  unmatchedQueryParts: string[];
  unmatchedCandidateParts: string[];
  adjustments: { reason: string; detail: string; delta: number }[];
}

export interface ScreeningCandidate {
  score: number;
  match: boolean;
  matchedBy: 'name' | 'document';
  explanation: MatchExplanation;
  entry: {
    id: string;
    externalId: string;
    kind: WatchlistKind;
    primaryName: string;
    aliases: string[];
    originalScriptNames: string[];
    datesOfBirth: string[];
    nationalities: string[];
    sex: 'M' | 'F' | null;
    documents: EntryDocument[];
    category: string | null;
    severity: Severity;
    reason: string | null;
  };
  list: { id: string; name: string; source: WatchlistSource };
}

export interface ScreeningResult {
  threshold: number;
  revision: number;
  candidates: ScreeningCandidate[];
}

export interface ScreeningStatus {
  revision: number;
  entries: number;
  builtAt: string | null;
  buildSeconds: number | null;
}
