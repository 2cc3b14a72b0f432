import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import {
  changedFields,
  entryContentHash,
  planImport,
  type ImportCounts,
  type PlannedChange,
} from './diff.js';
import { boundImport } from './import-bounds.js';
import type { ImportIssue, ParsedList, WatchlistEntryInput, WatchlistKind } from './model.js';
import type { WatchlistStore } from './store.js';

export const UN_SOURCE_KEYS = { person: 'un-sc:individuals', organisation: 'un-sc:entities' } as const;
export const UN_LIST_NAMES = {
  person: 'UN Security Council Consolidated List: individuals',
  organisation: 'UN Security Council Consolidated List: entities',
} as const;

/** Changes listed in an import report; the counts cover all of them (the full list: `allChanges`). */
export const REPORTED_CHANGES = 500;

export interface ImportFile {
  content: string;
  fileName?: string;
}

export interface ImportReport {
  /** `preview`: nothing was stored; `applied`; `rejected`: kept with its errors, nothing changed. */
  status: 'preview' | 'applied' | 'rejected';
  importId: string | null;
  format: 'un-sc-xml' | 'csv';
  generatedAt: string | null;
  lists: { id: string | null; name: string; kind: WatchlistKind; counts: ImportCounts }[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  changes: {
    list: string;
    change: PlannedChange['change'];
    externalId: string;
    name: string;
    fields?: string[];
  }[];
  changesOmitted: number;
}

const emptyCounts = (): ImportCounts => ({
  total: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  reactivated: 0,
  deactivated: 0,
});

export interface ImportTarget {
  /** The source key of a list the import creates when it does not exist yet (the UN lists). */
  key: string | null;
  id: string | null;
  name: string;
  kind: WatchlistKind;
}

/**
 * Plans a parsed file against the stored entries of its lists and, unless previewing, applies
 * the plan in one transaction: every change a new version with its history row. A file with
 * errors changes nothing and is kept, with its errors, as a rejected import.
 */
export async function runImport(
  deps: { db: Kysely<Database>; store: WatchlistStore; access: AccessService },
  actor: Actor,
  format: ImportReport['format'],
  received: ImportFile,
  parsedAsIs: ParsedList,
  preview: boolean,
  targets: { key: string | null; id: string | null; name: string; kind: WatchlistKind }[],
  /** List every change, not only the first REPORTED_CHANGES (the change list a preview downloads). */
  options: { allChanges?: boolean } = {},
): Promise<ImportReport> {
  const reported = options.allChanges ? Number.POSITIVE_INFINITY : REPORTED_CHANGES;
  const sha256 = createHash('sha256').update(received.content).digest('hex');
  const { file, parsed } = boundImport(received, parsedAsIs);
  const rejected = parsed.errors.length > 0;
  const plans = await Promise.all(
    targets.map(async (target) => {
      const incoming = parsed.entries.filter((entry) => entry.kind === target.kind);
      const stored = target.id ? await deps.store.storedStates(deps.db, target.id) : [];
      return { target, ...planImport(stored, incoming) };
    }),
  );
  const changes: ImportReport['changes'] = [];
  let omitted = 0;
  for (const plan of plans) {
    const interesting = plan.changes.filter((c) => c.change !== 'unchanged');
    const snapshots = await deps.store.snapshots(
      deps.db,
      interesting
        .filter((c) => c.change === 'updated' && c.storedId)
        .slice(0, reported)
        .map((c) => c.storedId as string),
    );
    for (const change of interesting) {
      if (changes.length >= reported) {
        omitted++;
        continue;
      }
      changes.push({
        list: plan.target.name,
        change: change.change,
        externalId: change.externalId,
        name: change.name,
        ...(change.change === 'updated' && change.entry && change.storedId
          ? { fields: changedFields(snapshots.get(change.storedId), change.entry) }
          : {}),
      });
    }
  }
  const report: ImportReport = {
    status: preview ? 'preview' : rejected ? 'rejected' : 'applied',
    importId: null,
    format,
    generatedAt: parsed.generatedAt,
    lists: plans.map((plan) => ({
      id: plan.target.id,
      name: plan.target.name,
      kind: plan.target.kind,
      counts: rejected ? { ...emptyCounts(), total: plan.counts.total } : plan.counts,
    })),
    errors: parsed.errors,
    warnings: parsed.warnings,
    changes: rejected ? [] : changes,
    changesOmitted: rejected ? 0 : omitted,
  };
  if (preview) {
    // The preview shows what would happen, counts included, even when the file has errors.
    report.lists = plans.map((plan) => ({
      id: plan.target.id,
      name: plan.target.name,
      kind: plan.target.kind,
      counts: plan.counts,
    }));
    return report;
  }

  const importIds = await deps.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const plan of plans) {
      let listId = plan.target.id;
      if (!listId && !rejected && plan.target.key) {
        listId = await deps.store.insertWatchlist(trx, {
          name: plan.target.name,
          kind: plan.target.kind,
          source: 'un-sc',
          description:
            'Sanctions list of the United Nations Security Council, imported from the consolidated list XML.',
          sharing: 'all',
          owner_unit_id: actor.unitId,
          jurisdiction_code: actor.jurisdictionCode,
          source_key: plan.target.key,
          created_by: actor.name,
        });
        plan.target.id = listId;
      }
      const importId = await deps.store.insertImport(trx, {
        watchlist_id: listId,
        format,
        file_name: file.fileName ?? null,
        sha256,
        status: rejected ? 'rejected' : 'applied',
        generated_at: parsed.generatedAt,
        counts: JSON.stringify(rejected ? { ...emptyCounts(), total: plan.counts.total } : plan.counts),
        errors: JSON.stringify(parsed.errors),
        warnings: JSON.stringify(parsed.warnings),
        content: file.content,
        imported_by: actor.name,
      });
      ids.push(importId);
      if (rejected || !listId) continue;
      const history = { importId, changedBy: actor.name };
      const added = plan.changes.filter((c) => c.change === 'added' && c.entry);
      await deps.store.insertEntries(
        trx,
        listId,
        added.map((c) => ({
          entry: c.entry as WatchlistEntryInput,
          hash: entryContentHash(c.entry as WatchlistEntryInput),
        })),
        history,
      );
      for (const change of plan.changes) {
        if (!change.storedId) continue;
        if (change.change === 'updated' || change.change === 'reactivated') {
          const entry = change.entry as WatchlistEntryInput;
          await deps.store.reviseEntry(
            trx,
            change.storedId,
            change.change,
            { entry, hash: entryContentHash(entry) },
            history,
          );
        } else if (change.change === 'deactivated')
          await deps.store.reviseEntry(trx, change.storedId, 'deactivated', null, history);
      }
      if (parsed.generatedAt)
        await trx
          .updateTable('watchlists')
          .set({ source_version: parsed.generatedAt, updated_at: new Date().toISOString() })
          .where('id', '=', listId)
          .execute();
    }
    if (!rejected) await deps.store.bumpRevision(trx);
    return ids;
  });
  report.importId = importIds[0] ?? null;
  report.lists = plans.map((plan, index) => ({ ...report.lists[index], id: plan.target.id }));
  await deps.access.auditBy(actor, {
    action: rejected ? 'watchlist.import.reject' : 'watchlist.import',
    entity: 'watchlist_import',
    entityId: report.importId,
    details: {
      format,
      fileName: file.fileName ?? null,
      sha256,
      lists: report.lists,
      errors: parsed.errors.length,
    },
  });
  return report;
}
