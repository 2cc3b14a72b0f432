import type { Kysely } from 'kysely';
import { can, type Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { parseWatchlistCsv } from './csv.js';
import { changedFields, entryContentHash, type ImportCounts } from './diff.js';
import { runImport, UN_LIST_NAMES, UN_SOURCE_KEYS, type ImportFile, type ImportReport } from './imports.js';
import type {
  CreateWatchlistInput,
  EntryInput,
  EntryListQuery,
  ImportIssue,
  UpdateWatchlistInput,
  WatchlistEntryInput,
  WatchlistKind,
} from './model.js';
import { WatchlistScreening } from './screening.js';
import { NameScreeningService } from './name-screening-service.js';
import type { EntryDetails } from './entry-columns.js';
import { scopeOf, WatchlistStore } from './store.js';
import { parseUnConsolidatedList } from './un-xml.js';
import { fromInput, listView, type WatchlistView } from './views.js';

export type { ImportFile, ImportReport } from './imports.js';

/** Watchlists, their entries and imports; screening names against them is `names`. */
export class WatchlistService {
  readonly store: WatchlistStore;
  readonly screening: WatchlistScreening;
  /** Screening names against the lists, for officers (API) and the `names` commands. */
  readonly names: NameScreeningService;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    now: () => Date = () => new Date(),
  ) {
    this.store = new WatchlistStore(db);
    this.screening = new WatchlistScreening(this.store, () => now().toISOString().slice(0, 10));
    this.names = new NameScreeningService(this.screening, access);
  }

  private readonly listeners: (() => Promise<void>)[] = [];

  /** Called after every change to lists or entries (screening again). */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  private async changed(): Promise<void> {
    for (const listener of this.listeners) await listener();
  }

  async list(
    actor: Actor,
    filter: { kind?: WatchlistKind; source?: string; q?: string; includeInactive?: boolean },
  ) {
    requirePermission(actor, 'watchlists:read');
    const rows = await this.store.listWatchlists(scopeOf(actor), filter);
    return { items: rows.map(listView) };
  }

  async get(actor: Actor, id: string): Promise<WatchlistView> {
    requirePermission(actor, 'watchlists:read');
    const [row] = await this.store.listWatchlists(scopeOf(actor), { id });
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
        notify_other_units: input.notifyOtherUnits,
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
    await this.changed();
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
      ...(input.notifyOtherUnits !== undefined ? { notify_other_units: input.notifyOtherUnits } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    await this.access.auditBy(actor, {
      action: 'watchlist.update',
      entity: 'watchlist',
      entityId: id,
      details: { ...input },
    });
    await this.changed();
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
      list: { id: list.id, name: list.name, kind: list.kind, source: list.source, owner: list.owner },
      canManage:
        can(actor, 'watchlists:manage') &&
        (actor.roles.includes('admin') ||
          (list.owner.jurisdiction === actor.jurisdictionCode && list.source !== 'un-sc')),
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
    await this.changed();
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
    await this.changed();
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
    await this.changed();
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
        watchlistName: row.watchlist_name,
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

  private async afterImport(report: Promise<ImportReport>): Promise<ImportReport> {
    const done = await report;
    const changed = done.lists.some(
      (l) => l.counts.added + l.counts.updated + l.counts.deactivated + l.counts.reactivated > 0,
    );
    if (done.status === 'applied' && changed) await this.changed();
    return done;
  }

  /** A CSV file (the template) into one list. */
  async importCsv(
    actor: Actor,
    listId: string,
    file: ImportFile,
    preview: boolean,
    options: { allChanges?: boolean } = {},
  ): Promise<ImportReport> {
    const list = await this.manageable(actor, listId);
    const parsed = parseWatchlistCsv(file.content, list.kind);
    return this.afterImport(
      runImport(
        { db: this.db, store: this.store, access: this.access },
        actor,
        'csv',
        file,
        parsed,
        preview,
        [{ key: null, id: list.id, name: list.name, kind: list.kind }],
        options,
      ),
    );
  }

  /** The UN Security Council Consolidated List: individuals and entities, each into its own list. */
  async importUn(
    actor: Actor,
    file: ImportFile,
    preview: boolean,
    options: { allChanges?: boolean } = {},
  ): Promise<ImportReport> {
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
    return this.afterImport(
      runImport(
        { db: this.db, store: this.store, access: this.access },
        actor,
        'un-sc-xml',
        file,
        parsed,
        preview,
        targets,
        options,
      ),
    );
  }
}
