import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { OPERATING_THRESHOLD } from '../names/api.js';
import { parseWatchlistCsv } from './csv.js';
import {
  changedFields,
  entryContentHash,
  planImport,
  type ImportCounts,
  type PlannedChange,
} from './diff.js';
import type {
  CreateWatchlistInput,
  EntryInput,
  EntryListQuery,
  ImportIssue,
  ParsedList,
  ScreenOrganisationInput,
  ScreenPersonInput,
  UpdateWatchlistInput,
  WatchlistEntryInput,
  WatchlistKind,
} from './model.js';
import { WatchlistScreening, type Candidate } from './screening.js';
import { WatchlistStore, type EntryDetails, type ListScope, type WatchlistRow } from './store.js';
import { parseUnConsolidatedList } from './un-xml.js';

export const UN_SOURCE_KEYS = { person: 'un-sc:individuals', organisation: 'un-sc:entities' } as const;
const UN_LIST_NAMES = {
  person: 'UN Security Council Consolidated List: individuals',
  organisation: 'UN Security Council Consolidated List: entities',
} as const;

/** Changes listed in an import report; the counts cover all of them. */
const REPORTED_CHANGES = 500;

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

function listView(row: WatchlistRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    source: row.source,
    description: row.description,
    owner: { unitId: row.owner_unit_id, unitName: row.owner_unit_name, jurisdiction: row.jurisdiction_code },
    sharing: row.sharing,
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

function candidateView(candidate: Candidate) {
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
function fromInput(input: EntryInput, kind: WatchlistKind, externalId: string): WatchlistEntryInput {
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

/** Watchlists, their entries and imports, and screening names against them. */
export class WatchlistService {
  readonly store: WatchlistStore;
  readonly screening: WatchlistScreening;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    now: () => Date = () => new Date(),
  ) {
    this.store = new WatchlistStore(db);
    this.screening = new WatchlistScreening(this.store, () => now().toISOString().slice(0, 10));
  }

  private scope(actor: Actor): ListScope | null {
    return actor.roles.includes('admin')
      ? null
      : { jurisdictionCode: actor.jurisdictionCode, unitId: actor.unitId };
  }

  async list(
    actor: Actor,
    filter: { kind?: WatchlistKind; source?: string; q?: string; includeInactive?: boolean },
  ) {
    requirePermission(actor, 'watchlists:read');
    const rows = await this.store.listWatchlists(this.scope(actor), filter);
    return { items: rows.map(listView) };
  }

  async get(actor: Actor, id: string): Promise<WatchlistView> {
    requirePermission(actor, 'watchlists:read');
    const [row] = await this.store.listWatchlists(this.scope(actor), { id });
    if (!row) throw notFound('Watchlist', id);
    return listView(row);
  }

  /** Lists that this actor may change: admins any, others those of their own jurisdiction. */
  private async manageable(actor: Actor, id: string): Promise<WatchlistView> {
    requirePermission(actor, 'watchlists:manage');
    const list = await this.get(actor, id);
    if (!actor.roles.includes('admin') && list.owner.jurisdiction !== actor.jurisdictionCode)
      throw forbidden('Only the jurisdiction that keeps this list may change it');
    if (list.source === 'un-sc' && !actor.roles.includes('admin'))
      throw forbidden('The UN Security Council list changes only by importing the UN file');
    return list;
  }

  async create(actor: Actor, input: CreateWatchlistInput): Promise<WatchlistView> {
    requirePermission(actor, 'watchlists:manage');
    if (await this.store.nameTaken(input.name))
      throw conflict(`A watchlist named "${input.name}" already exists`);
    const id = await this.db.transaction().execute(async (trx) => {
      const created = await this.store.insertWatchlist(trx, {
        name: input.name,
        kind: input.kind,
        source: input.source,
        description: input.description,
        sharing: input.sharing,
        owner_unit_id: actor.unitId,
        jurisdiction_code: actor.jurisdictionCode,
        created_by: actor.name,
      });
      await this.store.bumpRevision(trx);
      return created;
    });
    await this.access.auditBy(actor, {
      action: 'watchlist.create',
      entity: 'watchlist',
      entityId: id,
      details: { ...input },
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateWatchlistInput): Promise<WatchlistView> {
    await this.manageable(actor, id);
    if (input.name && (await this.store.nameTaken(input.name, id)))
      throw conflict(`A watchlist named "${input.name}" already exists`);
    await this.store.updateWatchlist(id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.sharing !== undefined ? { sharing: input.sharing } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    await this.access.auditBy(actor, {
      action: 'watchlist.update',
      entity: 'watchlist',
      entityId: id,
      details: { ...input },
    });
    return this.get(actor, id);
  }

  async entries(actor: Actor, id: string, query: EntryListQuery) {
    await this.get(actor, id);
    const { total, rows } = await this.store.listEntries(id, query);
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((row) => {
        const details = row.details as EntryDetails;
        return {
          id: row.id,
          externalId: row.external_id,
          kind: row.kind,
          primaryName: row.primary_name,
          aliases: details.aliases.length,
          datesOfBirth: details.datesOfBirth,
          nationalities: details.nationalities,
          documents: details.documents.map((d) => d.number),
          category: row.category,
          severity: row.severity,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          active: row.active,
          version: row.version,
          updatedAt: row.updated_at,
        };
      }),
    };
  }

  async entry(actor: Actor, entryId: string) {
    requirePermission(actor, 'watchlists:read');
    const row = await this.store.getEntry(entryId);
    if (!row) throw notFound('Watchlist entry', entryId);
    const list = await this.get(actor, row.watchlist_id).catch(() => {
      throw notFound('Watchlist entry', entryId);
    });
    const history = await this.store.entryHistory(entryId);
    const current = history[0]?.snapshot as WatchlistEntryInput | undefined;
    return {
      id: row.id,
      list: { id: list.id, name: list.name, kind: list.kind, source: list.source },
      ...(current ?? {}),
      externalId: row.external_id,
      kind: row.kind,
      active: row.active,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deactivatedAt: row.deactivated_at,
      history: history.map((h, index) => ({
        version: h.version,
        change: h.change,
        changedBy: h.changed_by,
        changedAt: h.changed_at,
        importId: h.import_id,
        fields:
          h.change === 'updated' || h.change === 'reactivated'
            ? changedFields(
                history[index + 1]?.snapshot as WatchlistEntryInput | undefined,
                h.snapshot as WatchlistEntryInput,
              )
            : [],
        snapshot: h.snapshot as WatchlistEntryInput,
      })),
    };
  }

  async addEntry(actor: Actor, listId: string, input: EntryInput) {
    const list = await this.manageable(actor, listId);
    const externalId =
      input.externalId ??
      `M-${Date.now().toString(36).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const entry = fromInput(input, list.kind, externalId);
    this.checkKind(list.kind, entry);
    const id = await this.db.transaction().execute(async (trx) => {
      const existing = (await this.store.storedStates(trx, listId)).find((e) => e.externalId === externalId);
      if (existing) throw conflict(`The list already has an entry with the id "${externalId}"`);
      const [created] = await this.store.insertEntries(
        trx,
        listId,
        [{ entry, hash: entryContentHash(entry) }],
        {
          importId: null,
          changedBy: actor.name,
        },
      );
      await this.store.bumpRevision(trx);
      return created;
    });
    await this.access.auditBy(actor, {
      action: 'watchlist.entry.create',
      entity: 'watchlist_entry',
      entityId: id,
      details: { listId, externalId },
    });
    return this.entry(actor, id);
  }

  private checkKind(kind: WatchlistKind, entry: WatchlistEntryInput) {
    if (kind === 'document' && entry.documents.length === 0)
      throw invalid('A document list entry needs at least one document', { field: 'documents' });
  }

  async updateEntry(actor: Actor, entryId: string, input: EntryInput) {
    const current = await this.entry(actor, entryId);
    const list = await this.manageable(actor, current.list.id);
    const entry = fromInput(input, list.kind, current.externalId);
    this.checkKind(list.kind, entry);
    const hash = entryContentHash(entry);
    await this.db.transaction().execute(async (trx) => {
      await this.store.reviseEntry(
        trx,
        entryId,
        current.active ? 'updated' : 'reactivated',
        { entry, hash },
        {
          importId: null,
          changedBy: actor.name,
        },
      );
      await this.store.bumpRevision(trx);
    });
    await this.access.auditBy(actor, {
      action: 'watchlist.entry.update',
      entity: 'watchlist_entry',
      entityId: entryId,
      details: { fields: changedFields(current as unknown as WatchlistEntryInput, entry) },
    });
    return this.entry(actor, entryId);
  }

  async setEntryActive(actor: Actor, entryId: string, active: boolean, reason?: string) {
    const current = await this.entry(actor, entryId);
    await this.manageable(actor, current.list.id);
    if (current.active === active) return current;
    await this.db.transaction().execute(async (trx) => {
      await this.store.reviseEntry(trx, entryId, active ? 'reactivated' : 'deactivated', null, {
        importId: null,
        changedBy: actor.name,
      });
      await this.store.bumpRevision(trx);
    });
    await this.access.auditBy(actor, {
      action: active ? 'watchlist.entry.reactivate' : 'watchlist.entry.deactivate',
      entity: 'watchlist_entry',
      entityId: entryId,
      reason: reason ?? null,
    });
    return this.entry(actor, entryId);
  }

  /** Imports of one list, or (managers) every import, rejected ones included. */
  async imports(actor: Actor, filter: { watchlistId?: string; status?: 'applied' | 'rejected' }) {
    if (filter.watchlistId) await this.get(actor, filter.watchlistId);
    else requirePermission(actor, 'watchlists:manage');
    const rows = await this.store.listImports(filter);
    return {
      items: rows.map((row) => ({
        id: row.id,
        watchlistId: row.watchlist_id,
        format: row.format,
        fileName: row.file_name,
        sha256: row.sha256,
        status: row.status,
        generatedAt: row.generated_at,
        counts: row.counts as ImportCounts,
        errors: row.errors as ImportIssue[],
        warnings: row.warnings as ImportIssue[],
        importedBy: row.imported_by,
        importedAt: row.imported_at,
      })),
    };
  }

  /** A CSV file (the template) into one list. */
  async importCsv(actor: Actor, listId: string, file: ImportFile, preview: boolean): Promise<ImportReport> {
    const list = await this.manageable(actor, listId);
    const parsed = parseWatchlistCsv(file.content, list.kind);
    return this.runImport(actor, 'csv', file, parsed, preview, [
      { key: null, id: list.id, name: list.name, kind: list.kind },
    ]);
  }

  /** The UN Security Council Consolidated List: individuals and entities, each into its own list. */
  async importUn(actor: Actor, file: ImportFile, preview: boolean): Promise<ImportReport> {
    requirePermission(actor, 'watchlists:manage');
    const parsed = parseUnConsolidatedList(file.content);
    const targets = await Promise.all(
      (['person', 'organisation'] as const).map(async (kind) => {
        const existing = await this.store.findBySourceKey(this.db, UN_SOURCE_KEYS[kind]);
        return {
          key: UN_SOURCE_KEYS[kind],
          id: existing?.id ?? null,
          name: existing?.name ?? UN_LIST_NAMES[kind],
          kind,
        };
      }),
    );
    return this.runImport(actor, 'un-sc-xml', file, parsed, preview, targets);
  }

  private async runImport(
    actor: Actor,
    format: ImportReport['format'],
    file: ImportFile,
    parsed: ParsedList,
    preview: boolean,
    targets: { key: string | null; id: string | null; name: string; kind: WatchlistKind }[],
  ): Promise<ImportReport> {
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const rejected = parsed.errors.length > 0;
    const plans = await Promise.all(
      targets.map(async (target) => {
        const incoming = parsed.entries.filter((entry) => entry.kind === target.kind);
        const stored = target.id ? await this.store.storedStates(this.db, target.id) : [];
        return { target, ...planImport(stored, incoming) };
      }),
    );
    const changes: ImportReport['changes'] = [];
    let omitted = 0;
    for (const plan of plans) {
      const interesting = plan.changes.filter((c) => c.change !== 'unchanged');
      const snapshots = await this.store.snapshots(
        this.db,
        interesting
          .filter((c) => c.change === 'updated' && c.storedId)
          .slice(0, REPORTED_CHANGES)
          .map((c) => c.storedId as string),
      );
      for (const change of interesting) {
        if (changes.length >= REPORTED_CHANGES) {
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

    const importIds = await this.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const plan of plans) {
        let listId = plan.target.id;
        if (!listId && !rejected && plan.target.key) {
          listId = await this.store.insertWatchlist(trx, {
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
        const importId = await this.store.insertImport(trx, {
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
        await this.store.insertEntries(
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
            await this.store.reviseEntry(
              trx,
              change.storedId,
              change.change,
              { entry, hash: entryContentHash(entry) },
              history,
            );
          } else if (change.change === 'deactivated')
            await this.store.reviseEntry(trx, change.storedId, 'deactivated', null, history);
        }
        if (parsed.generatedAt)
          await trx
            .updateTable('watchlists')
            .set({ source_version: parsed.generatedAt, updated_at: new Date().toISOString() })
            .where('id', '=', listId)
            .execute();
      }
      if (!rejected) await this.store.bumpRevision(trx);
      return ids;
    });
    report.importId = importIds[0] ?? null;
    report.lists = plans.map((plan, index) => ({ ...report.lists[index], id: plan.target.id }));
    await this.access.auditBy(actor, {
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

  async screenPerson(actor: Actor, input: ScreenPersonInput) {
    requirePermission(actor, 'screen:run');
    const { threshold, limit, ...query } = input;
    const result = await this.screening.screenPerson(query, this.scope(actor), {
      limit,
      ...(threshold ? { threshold } : {}),
    });
    await this.access.auditBy(actor, {
      action: 'screen.person',
      entity: 'screening',
      details: { name: input.name, hits: result.candidates.filter((c) => c.match).length },
    });
    return {
      threshold: OPERATING_THRESHOLD,
      revision: result.revision,
      candidates: result.candidates.map(candidateView),
    };
  }

  /** Many persons at once (the `names screen` command): one audit entry for the batch. */
  async screenBatch(actor: Actor, inputs: ScreenPersonInput[], source: string) {
    requirePermission(actor, 'screen:run');
    const results = [];
    for (const input of inputs) {
      const { threshold, limit, ...query } = input;
      const result = await this.screening.screenPerson(query, this.scope(actor), {
        limit,
        ...(threshold ? { threshold } : {}),
      });
      results.push(result.candidates.map(candidateView));
    }
    await this.access.auditBy(actor, {
      action: 'screen.batch',
      entity: 'screening',
      details: {
        source,
        persons: inputs.length,
        withHits: results.filter((r) => r.some((c) => c.match)).length,
      },
    });
    return results;
  }

  async screenOrganisation(actor: Actor, input: ScreenOrganisationInput) {
    requirePermission(actor, 'screen:run');
    const result = await this.screening.screenOrganisation(input.name, this.scope(actor), {
      limit: input.limit,
      ...(input.threshold ? { threshold: input.threshold } : {}),
    });
    await this.access.auditBy(actor, {
      action: 'screen.organisation',
      entity: 'screening',
      details: { name: input.name, hits: result.candidates.filter((c) => c.match).length },
    });
    return {
      threshold: OPERATING_THRESHOLD,
      revision: result.revision,
      candidates: result.candidates.map(candidateView),
    };
  }

  async indexStatus(actor: Actor) {
    requirePermission(actor, 'screen:run');
    return this.screening.status();
  }
}
