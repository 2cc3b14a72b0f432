import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../access/model.js';
import { containsPattern } from '../db/like.js';
import type { Database, WatchlistImportTable, WatchlistTable } from '../db/schema.js';
import type { StoredEntryState } from './diff.js';
import { entryColumns } from './entry-columns.js';
import type { EntryListQuery, WatchlistEntryInput, WatchlistKind } from './model.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who may see a list: everyone, the owner's jurisdiction, or the owner unit (null: all lists). */
export interface ListScope {
  jurisdictionCode: string;
  unitId: string;
}

/** The lists an actor may see: all of them for an administrator. */
export function scopeOf(actor: Actor): ListScope | null {
  return actor.roles.includes('admin')
    ? null
    : { jurisdictionCode: actor.jurisdictionCode, unitId: actor.unitId };
}

/**
 * Whether the list (a `watchlists` row under `alias`) is one the scope may see: shared with everyone,
 * with the scope's jurisdiction, or with the scope's unit only. The one definition, used by the list
 * and entry endpoints and by the hits that lists produce (targeting/hit-visibility.ts).
 */
export function listVisibleTo(scope: ListScope | null, alias: string) {
  if (!scope) return sql<boolean>`true`;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('sharing')} = 'all'
    or (${column('sharing')} = 'jurisdiction' and ${column('jurisdiction_code')} = ${scope.jurisdictionCode})
    or (${column('sharing')} = 'unit' and ${column('owner_unit_id')} = ${scope.unitId}))`;
}

export type WatchlistRow = Awaited<ReturnType<WatchlistStore['listWatchlists']>>[number];
export type EntryRow = NonNullable<Awaited<ReturnType<WatchlistStore['getEntry']>>>;

const CHUNK = 500;

const SEVERITY_ORDER = sql<number>`case severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`;

/** The only place with watchlist SQL. */
export class WatchlistStore {
  constructor(readonly db: Kysely<Database>) {}

  private visible(scope: ListScope | null) {
    return this.db.selectFrom('watchlists as w').where(listVisibleTo(scope, 'w'));
  }

  listWatchlists(
    scope: ListScope | null,
    filter: { kind?: WatchlistKind; source?: string; q?: string; includeInactive?: boolean; id?: string },
  ) {
    let query = this.visible(scope)
      .leftJoin('units as u', 'u.id', 'w.owner_unit_id')
      .select([
        'w.id',
        'w.name',
        'w.kind',
        'w.source',
        'w.description',
        'w.owner_unit_id',
        'u.name as owner_unit_name',
        'w.jurisdiction_code',
        'w.sharing',
        'w.notify_other_units',
        'w.source_key',
        'w.source_version',
        'w.active',
        'w.created_by',
        'w.created_at',
        'w.updated_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('watchlist_entries as e')
          .whereRef('e.watchlist_id', '=', 'w.id')
          .where('e.active', '=', true)
          .select(sql<number>`count(*)::integer`.as('n'))
          .as('active_entries'),
        eb
          .selectFrom('watchlist_imports as i')
          .whereRef('i.watchlist_id', '=', 'w.id')
          .select(sql<string>`max(i.imported_at)`.as('t'))
          .as('last_import_at'),
      ])
      .orderBy('w.name');
    if (filter.id) query = query.where('w.id', '=', filter.id);
    if (filter.kind) query = query.where('w.kind', '=', filter.kind);
    if (filter.source) query = query.where('w.source', '=', filter.source as never);
    if (!filter.includeInactive && !filter.id) query = query.where('w.active', '=', true);
    if (filter.q) query = query.where('w.name', 'ilike', containsPattern(filter.q));
    return query.execute();
  }

  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    let query = this.db
      .selectFrom('watchlists')
      .select('id')
      .where(sql`lower(name)`, '=', name.toLowerCase());
    if (exceptId) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async insertWatchlist(db: Db, values: Insertable<WatchlistTable>) {
    const row = await db.insertInto('watchlists').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateWatchlist(id: string, values: Record<string, unknown>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('watchlists')
        .set({ ...values, updated_at: new Date().toISOString() } as never)
        .where('id', '=', id)
        .execute();
      await this.bumpRevision(trx);
    });
  }

  findBySourceKey(db: Db, key: string) {
    return db.selectFrom('watchlists').selectAll().where('source_key', '=', key).executeTakeFirst();
  }

  async storedStates(db: Db, watchlistId: string): Promise<StoredEntryState[]> {
    const rows = await db
      .selectFrom('watchlist_entries')
      .select(['id', 'external_id', 'primary_name', 'content_hash', 'active'])
      .where('watchlist_id', '=', watchlistId)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      primaryName: row.primary_name,
      contentHash: row.content_hash,
      active: row.active,
    }));
  }

  async snapshots(db: Db, entryIds: string[]): Promise<Map<string, WatchlistEntryInput>> {
    const found = new Map<string, WatchlistEntryInput>();
    for (let start = 0; start < entryIds.length; start += CHUNK) {
      const rows = await db
        .selectFrom('watchlist_entry_history as h')
        .innerJoin('watchlist_entries as e', (join) =>
          join.onRef('e.id', '=', 'h.entry_id').onRef('e.version', '=', 'h.version'),
        )
        .select(['h.entry_id', 'h.snapshot'])
        .where('h.entry_id', 'in', entryIds.slice(start, start + CHUNK))
        .execute();
      for (const row of rows) found.set(row.entry_id, row.snapshot as WatchlistEntryInput);
    }
    return found;
  }

  async insertEntries(
    db: Db,
    watchlistId: string,
    entries: { entry: WatchlistEntryInput; hash: string }[],
    history: { importId: string | null; changedBy: string },
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK);
      const rows = await db
        .insertInto('watchlist_entries')
        .values(
          chunk.map(({ entry, hash }) => ({
            watchlist_id: watchlistId,
            external_id: entry.externalId,
            content_hash: hash,
            ...entryColumns(entry),
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('watchlist_entry_history')
        .values(
          rows.map((row, index) => ({
            entry_id: row.id,
            version: 1,
            change: 'created' as const,
            snapshot: JSON.stringify(chunk[index].entry),
            import_id: history.importId,
            changed_by: history.changedBy,
          })),
        )
        .execute();
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  /** A new version of a stored entry: its content (when given), its state, and the history row. */
  async reviseEntry(
    db: Db,
    id: string,
    change: 'updated' | 'deactivated' | 'reactivated',
    entry: { entry: WatchlistEntryInput; hash: string } | null,
    history: { importId: string | null; changedBy: string },
  ): Promise<number> {
    const now = new Date().toISOString();
    const row = await db
      .updateTable('watchlist_entries')
      .set({
        ...(entry ? { ...entryColumns(entry.entry), content_hash: entry.hash } : {}),
        active: change !== 'deactivated',
        deactivated_at: change === 'deactivated' ? now : null,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .returning('version')
      .executeTakeFirstOrThrow();
    const snapshot =
      entry?.entry ??
      (
        await db
          .selectFrom('watchlist_entry_history')
          .select('snapshot')
          .where('entry_id', '=', id)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).snapshot;
    await db
      .insertInto('watchlist_entry_history')
      .values({
        entry_id: id,
        version: row.version,
        change,
        snapshot: JSON.stringify(snapshot),
        import_id: history.importId,
        changed_by: history.changedBy,
      })
      .execute();
    return row.version;
  }

  async insertImport(db: Db, values: Insertable<WatchlistImportTable>) {
    const row = await db
      .insertInto('watchlist_imports')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  listImports(filter: { watchlistId?: string; status?: 'applied' | 'rejected' }, limit = 50) {
    let query = this.db
      .selectFrom('watchlist_imports')
      .select((eb) =>
        eb
          .selectFrom('watchlists as w')
          .whereRef('w.id', '=', 'watchlist_imports.watchlist_id')
          .select('w.name')
          .as('watchlist_name'),
      )
      .select([
        'id',
        'watchlist_id',
        'format',
        'file_name',
        'sha256',
        'status',
        'generated_at',
        'counts',
        'errors',
        'warnings',
        'imported_by',
        'imported_at',
      ])
      .orderBy('imported_at', 'desc')
      .limit(limit);
    if (filter.watchlistId) query = query.where('watchlist_id', '=', filter.watchlistId);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.execute();
  }

  async listEntries(watchlistId: string, query: EntryListQuery) {
    let base = this.db.selectFrom('watchlist_entries').where('watchlist_id', '=', watchlistId);
    if (query.status !== 'all') base = base.where('active', '=', query.status === 'active');
    if (query.category) base = base.where('category', '=', query.category);
    if (query.severity) base = base.where('severity', '=', query.severity);
    if (query.q) {
      const needle = query.q.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      base = base.where('search_text', 'like', containsPattern(needle));
    }
    const total = await base.select(sql<number>`count(*)::integer`.as('n')).executeTakeFirstOrThrow();
    const descending = query.sort.startsWith('-');
    const key = query.sort.replace('-', '');
    const direction = descending ? 'desc' : 'asc';
    let ordered = base.select([
      'id',
      'external_id',
      'kind',
      'primary_name',
      'details',
      'category',
      'severity',
      'valid_from',
      'valid_to',
      'active',
      'version',
      'updated_at',
    ]);
    ordered =
      key === 'updated'
        ? ordered.orderBy('updated_at', direction)
        : key === 'severity'
          ? ordered.orderBy(SEVERITY_ORDER, direction)
          : ordered;
    const rows = await ordered
      .orderBy('primary_name', key === 'name' ? direction : 'asc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { total: total.n, rows };
  }

  getEntry(id: string) {
    return this.db.selectFrom('watchlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  entryHistory(id: string) {
    return this.db
      .selectFrom('watchlist_entry_history')
      .select(['version', 'change', 'snapshot', 'import_id', 'changed_by', 'changed_at'])
      .where('entry_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
  }

  async bumpRevision(db: Db): Promise<void> {
    await db
      .updateTable('watchlist_revision')
      .set({ revision: sql`revision + 1` })
      .where('id', '=', 1)
      .execute();
  }

  async revision(): Promise<number> {
    const row = await this.db
      .selectFrom('watchlist_revision')
      .select('revision')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.revision);
  }

  /** Every active entry of every active list, in pages, for building the name index. */
  async *activeEntries(pageSize = 5000) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.db
        .selectFrom('watchlist_entries as e')
        .innerJoin('watchlists as w', 'w.id', 'e.watchlist_id')
        .select([
          'e.id',
          'e.watchlist_id',
          'e.external_id',
          'e.kind',
          'e.primary_name',
          'e.details',
          'e.category',
          'e.severity',
          'e.reason',
          'e.valid_from',
          'e.valid_to',
          'w.name as list_name',
          'w.source as list_source',
          'w.sharing',
          'w.jurisdiction_code',
          'w.owner_unit_id',
        ])
        .where('e.active', '=', true)
        .where('w.active', '=', true)
        .where('e.id', '>', after)
        .orderBy('e.id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }
}
