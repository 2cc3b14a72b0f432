/**
 * The hits of a record, for the pages that show the record (traveller, manifest, flights,
 * reservations) and for a hit's page (the subject's other hits). Each goes through the one scope of
 * visible hits (hit-scope.ts): hits:read, the actor's jurisdictions, the list's sharing, the actor's
 * agency's review; a reservation's subject name is PNR data (hit-visibility.ts).
 */
import { sql, type Kysely } from 'kysely';
import { can, type Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { agencyOf, REVIEW_STATUS, SEVERITY_RANK, visibleHits } from './hit-scope.js';
import { subjectNameView } from './hit-visibility.js';

/** What a record's page shows of one of its hits. */
export interface RecordHit {
  id: string;
  status: string;
  outcome: string | null;
  source: 'rule' | 'watchlist';
  severity: string;
  category: string;
  subjectKind: 'traveller' | 'reservation';
  subjectName: unknown;
  travellerId: string | null;
  reservationId: string | null;
  ruleName?: string | null;
  listName?: string | null;
  /** A list the reader may not see: whom to ask. */
  restrictedList?: { contactUnit: string | null };
  stillMatching: boolean;
  createdAt: string;
}

/** Per record: hits still open for the reader's agency, and hits it closed positive. */
export interface HitCounts {
  open: number;
  positive: number;
}

export type RecordKind = 'traveller' | 'reservation' | 'flight';

const COLUMN = {
  traveller: 'h.traveller_id',
  reservation: 'h.reservation_id',
  flight: 'h.flight_id',
} as const;

export class RecordHits {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The hits of these records that the actor sees, open ones first (most severe first), then closed
   * ones, newest first; undefined when the actor may not read hits at all.
   */
  async of(
    actor: Actor,
    kind: Exclude<RecordKind, 'flight'>,
    id: string,
    options: { subjectKindOnly?: boolean; bookedSequence?: number | null } = {},
  ): Promise<RecordHit[] | undefined> {
    if (!can(actor, 'hits:read')) return undefined;
    let query = visibleHits(this.db, actor, await agencyOf(this.db, actor)).where(COLUMN[kind], '=', id);
    if (options.subjectKindOnly) query = query.where('h.subject_kind', '=', kind);
    // A booked traveller's hits, or the reservation's own.
    if (options.bookedSequence !== undefined)
      query =
        options.bookedSequence === null
          ? query.where('h.booked_sequence', 'is', null)
          : query.where('h.booked_sequence', '=', options.bookedSequence);
    const rows = await query
      .select([
        'h.id',
        'h.source',
        'h.severity',
        'h.category',
        'h.subject_kind',
        'h.subject_name',
        'h.traveller_id',
        'h.reservation_id',
        'h.still_matching',
        'h.created_at',
        'h.watchlist_entry_id',
        'hr.outcome',
        REVIEW_STATUS.as('status'),
        sql<string | null>`h.explanation #>> '{rule,name}'`.as('rule_name'),
        sql<string | null>`h.explanation #>> '{list,name}'`.as('list_name'),
      ])
      .orderBy(sql`case when ${REVIEW_STATUS} = 'closed' then 1 else 0 end`)
      .orderBy(SEVERITY_RANK, 'desc')
      .orderBy('h.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      outcome: row.outcome,
      source: row.source,
      severity: row.severity,
      category: row.category,
      subjectKind: row.subject_kind,
      subjectName: subjectNameView(actor, row.subject_kind, row.subject_name),
      travellerId: row.traveller_id,
      reservationId: row.reservation_id,
      ...(row.source === 'rule'
        ? { ruleName: row.rule_name }
        : row.list_visible
          ? { listName: row.list_name }
          : { restrictedList: { contactUnit: row.list_owner_unit } }),
      stillMatching: row.still_matching,
      createdAt: row.created_at,
    }));
  }

  /**
   * Open and positive hits per record, for lists and manifests; undefined when the actor may not
   * read hits. Records without a hit are absent from the map.
   */
  async counts(
    actor: Actor,
    kind: RecordKind,
    ids: readonly string[],
  ): Promise<Map<string, HitCounts> | undefined> {
    if (!can(actor, 'hits:read')) return undefined;
    const found = new Map<string, HitCounts>();
    if (ids.length === 0) return found;
    const column = sql.ref(COLUMN[kind]);
    const rows = await visibleHits(this.db, actor, await agencyOf(this.db, actor))
      .clearSelect()
      .select([
        sql<string>`${column}`.as('record_id'),
        sql<number>`count(*) filter (where ${REVIEW_STATUS} <> 'closed')::integer`.as('open'),
        sql<number>`count(*) filter (where hr.outcome = 'positive')::integer`.as('positive'),
      ])
      .where(column, 'in', [...new Set(ids)])
      .groupBy(column)
      .execute();
    for (const row of rows) found.set(row.record_id, { open: row.open, positive: row.positive });
    return found;
  }
}
