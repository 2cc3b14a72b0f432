import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { agencyOf, REVIEW_STATUS, SEVERITY_RANK, visibleHits } from './hit-scope-store.js';
import type { RecordKind } from './record-hits.js';

/** The hits' column that names a record of each kind: the subject, or a record it is linked to. */
const COLUMN = {
  traveller: 'h.traveller_id',
  reservation: 'h.reservation_id',
  flight: 'h.flight_id',
} as const;

/** The SQL of the hits of records (record-hits.ts). */
export class RecordHitsStore {
  constructor(private readonly db: Kysely<Database>) {}

  agencyOf(actor: Actor): Promise<string> {
    return agencyOf(this.db, actor);
  }

  /** The hits of a record the actor sees, open ones first (most severe first), then closed ones, newest first. */
  hitsOf(
    actor: Actor,
    agencyId: string,
    kind: Exclude<RecordKind, 'flight'>,
    id: string,
    options: { subjectKindOnly?: boolean; bookedSequence?: number | null },
  ) {
    let query = visibleHits(this.db, actor, agencyId).where(COLUMN[kind], '=', id);
    if (options.subjectKindOnly) query = query.where('h.subject_kind', '=', kind);
    // A booked traveller's hits, or the reservation's own.
    if (options.bookedSequence !== undefined)
      query =
        options.bookedSequence === null
          ? query.where('h.booked_sequence', 'is', null)
          : query.where('h.booked_sequence', '=', options.bookedSequence);
    return query
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
  }

  /** Open and positive hits per record. */
  countsOf(actor: Actor, agencyId: string, kind: RecordKind, ids: readonly string[]) {
    const column = sql.ref(COLUMN[kind]);
    return visibleHits(this.db, actor, agencyId)
      .clearSelect()
      .select([
        sql<string>`${column}`.as('record_id'),
        sql<number>`count(*) filter (where ${REVIEW_STATUS} <> 'closed')::integer`.as('open'),
        sql<number>`count(*) filter (where hr.outcome = 'positive')::integer`.as('positive'),
      ])
      .where(column, 'in', [...new Set(ids)])
      .groupBy(column)
      .execute();
  }
}
