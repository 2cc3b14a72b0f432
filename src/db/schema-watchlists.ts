import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-columns.js';

/** Kysely table types of the watchlists (see schema.ts). */
export interface WatchlistTable {
  id: Generated<string>;
  name: string;
  kind: 'person' | 'organisation' | 'document';
  source: 'un-sc' | 'national' | 'international' | 'manual';
  description: Generated<string>;
  owner_unit_id: string | null;
  jurisdiction_code: string;
  sharing: Generated<'unit' | 'jurisdiction' | 'all'>;
  /** A unit-only list lets other units know that it matched (not what): "restricted list, contact unit X". */
  notify_other_units: Generated<boolean>;
  source_key: string | null;
  source_version: string | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WatchlistEntryTable {
  id: Generated<string>;
  watchlist_id: string;
  external_id: string;
  kind: 'person' | 'organisation' | 'document';
  primary_name: string;
  search_text: string;
  details: Json<unknown>;
  reason: string | null;
  category: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical';
  valid_from: string | null;
  valid_to: string | null;
  source_reference: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: string | null;
}

export interface WatchlistImportTable {
  id: Generated<string>;
  watchlist_id: string | null;
  format: 'un-sc-xml' | 'csv';
  file_name: string | null;
  sha256: string;
  status: 'applied' | 'rejected';
  generated_at: string | null;
  counts: Json<unknown>;
  errors: Json<unknown>;
  warnings: Json<unknown>;
  content: string;
  imported_by: string;
  imported_at: Timestamp;
}

export interface WatchlistEntryHistoryTable {
  entry_id: string;
  version: number;
  change: 'created' | 'updated' | 'deactivated' | 'reactivated';
  snapshot: Json<unknown>;
  import_id: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

export interface WatchlistRevisionTable {
  id: number;
  revision: number;
}
