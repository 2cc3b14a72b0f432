import { createHash } from 'node:crypto';
import { canonicalJson } from '../access/audit.js';
import type { WatchlistEntryInput } from './model.js';

/** What an entry says, without the identifier it is recognised by: equal hashes, nothing changed. */
export function entryContentHash(entry: WatchlistEntryInput): string {
  const { externalId: _externalId, ...content } = entry;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export interface StoredEntryState {
  id: string;
  externalId: string;
  primaryName: string;
  contentHash: string;
  active: boolean;
}

export type EntryChange = 'added' | 'updated' | 'unchanged' | 'reactivated' | 'deactivated';

export interface PlannedChange {
  change: EntryChange;
  externalId: string;
  name: string;
  /** The stored entry, for every change but `added`. */
  storedId?: string;
  /** The incoming entry, for every change but `deactivated`. */
  entry?: WatchlistEntryInput;
  /** Fields that differ, for `updated` and `reactivated` entries whose content changed. */
  fields?: string[];
}

export interface ImportCounts {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  reactivated: number;
  deactivated: number;
}

/** Fields of an entry that differ from what is stored (`stored` as the snapshot kept in history). */
export function changedFields(
  stored: Partial<WatchlistEntryInput> | undefined,
  incoming: WatchlistEntryInput,
): string[] {
  if (!stored) return [];
  return (Object.keys(incoming) as (keyof WatchlistEntryInput)[]).filter(
    (key) =>
      key !== 'externalId' && canonicalJson(stored[key] ?? null) !== canonicalJson(incoming[key] ?? null),
  );
}

/**
 * A re-import of a list against what is stored: new entries are added, changed ones updated,
 * entries missing from the file deactivated (never deleted: their history stays), and entries
 * that come back reactivated.
 */
export function planImport(
  stored: readonly StoredEntryState[],
  incoming: readonly WatchlistEntryInput[],
): { changes: PlannedChange[]; counts: ImportCounts } {
  const byExternalId = new Map(stored.map((entry) => [entry.externalId, entry]));
  const changes: PlannedChange[] = [];
  const seen = new Set<string>();
  for (const entry of incoming) {
    seen.add(entry.externalId);
    const existing = byExternalId.get(entry.externalId);
    const base = { externalId: entry.externalId, name: entry.primaryName, entry };
    if (!existing) changes.push({ change: 'added', ...base });
    else if (!existing.active) changes.push({ change: 'reactivated', storedId: existing.id, ...base });
    else if (existing.contentHash !== entryContentHash(entry))
      changes.push({ change: 'updated', storedId: existing.id, ...base });
    else changes.push({ change: 'unchanged', storedId: existing.id, ...base });
  }
  for (const entry of stored)
    if (entry.active && !seen.has(entry.externalId))
      changes.push({
        change: 'deactivated',
        externalId: entry.externalId,
        name: entry.primaryName,
        storedId: entry.id,
      });
  const count = (change: EntryChange) => changes.filter((c) => c.change === change).length;
  return {
    changes,
    counts: {
      total: incoming.length,
      added: count('added'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      reactivated: count('reactivated'),
      deactivated: count('deactivated'),
    },
  };
}
