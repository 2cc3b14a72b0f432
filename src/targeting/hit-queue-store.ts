/**
 * The hit queue's SQL: the hits an actor sees (hit-scope-store.ts) under the queue's filters, a
 * page of hits, or a page of subjects with their hits.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { REVIEW_STATUS, SEVERITY_RANK, visibleHits } from './hit-scope-store.js';
import type { HitListQuery } from './model.js';

/**
 * One subject of hits: a record (`t:<id>` a traveller, `r:<id>` a reservation: the kind's initial)
 * or a member of a record (`r:<id>:<sequence>` a booked traveller).
 */
export const SUBJECT_KEY = sql<string>`left(h.subject_kind, 1) || ':' || h.subject_id::text || coalesce(':' || h.booked_sequence::text, '')`;

/** Open before closed, new before in review before referred. */
const STATUS_RANK = sql<number>`case ${REVIEW_STATUS} when 'new' then 4 when 'in-review' then 3 when 'referred' then 2 else 1 end`;

/** The visible hits under the queue's filters. */
export function filteredHits(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
  query: HitListQuery,
  /** With `query.airport`: the flights departing from or arriving at it. */
  flightsAtAirport: readonly string[] = [],
) {
  let base = visibleHits(db, actor, agencyId);
  if (query.status === 'open') base = base.where(REVIEW_STATUS, '<>', 'closed');
  else if (query.status) base = base.where(REVIEW_STATUS, '=', query.status);
  if (query.source) base = base.where('h.source', '=', query.source);
  if (query.category) base = base.where('h.category', '=', query.category);
  if (query.severity) base = base.where('h.severity', '=', query.severity);
  if (query.flight) base = base.where('h.flight_id', '=', query.flight);
  if (query.rule) base = base.where('h.rule_id', '=', query.rule);
  if (query.airport) base = base.where(sql<boolean>`h.flight_id = any(${[...flightsAtAirport]}::uuid[])`);
  if (query.mine) base = base.where('r.created_by', '=', actor.name);
  if (query.assignedToMe) base = base.where('hr.assigned_to', '=', actor.id);
  // Referred to the reader, or to the reader's unit without naming a user, and still referred.
  if (query.referredToMe)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hit_reviews as rr')
          .select('rr.hit_id')
          .whereRef('rr.hit_id', '=', 'h.id')
          .where('rr.status', '=', 'referred')
          .where((inner) =>
            inner.or([
              inner('rr.referred_to_user_id', '=', actor.id),
              inner.and([
                inner('rr.referred_to_unit_id', '=', actor.unitId),
                inner('rr.referred_to_user_id', 'is', null),
              ]),
            ]),
          ),
      ),
    );
  return base;
}

export type Filtered = ReturnType<typeof filteredHits>;

/** The queue's columns of each hit, most urgent first. */
export function hitRows(base: Filtered) {
  return (
    base
      .select([
        'h.id',
        'h.subject_kind',
        'h.subject_id',
        'h.subject_name',
        'h.traveller_id',
        'h.reservation_id',
        'h.flight_id',
        'h.source',
        'h.rule_id',
        'h.rule_version',
        'h.watchlist_entry_id',
        'h.severity',
        'h.category',
        'h.score',
        'h.still_matching',
        'h.due_at',
        'h.created_at',
        'h.updated_at',
        'hr.outcome',
        'hr.assigned_to',
      ])
      .select([
        REVIEW_STATUS.as('status'),
        SUBJECT_KEY.as('subject_key'),
        sql<string | null>`h.explanation #>> '{rule,name}'`.as('rule_name'),
        sql<string | null>`h.explanation #>> '{entry,primaryName}'`.as('entry_name'),
        sql<string | null>`h.explanation #>> '{list,name}'`.as('list_name'),
      ])
      // Open hits first, the soonest departure or arrival first, the most severe first.
      .orderBy(sql`case when ${REVIEW_STATUS} = 'closed' then 1 else 0 end`)
      .orderBy(sql`h.due_at asc nulls last`)
      .orderBy(SEVERITY_RANK, 'desc')
      .orderBy('h.created_at', 'desc')
  );
}

export type HitRow = Awaited<ReturnType<ReturnType<typeof hitRows>['execute']>>[number];

/** A page of hits, the most urgent first, and how many there are. */
export async function pageOfHits(base: Filtered, query: HitListQuery) {
  const [total, rows] = await Promise.all([
    base
      .clearSelect()
      .select(sql<number>`count(*)::integer`.as('n'))
      .executeTakeFirstOrThrow(),
    hitRows(base)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { total: total.n, rows };
}

/** A page of subjects (the most urgent first), how many there are, and every hit of the page's subjects. */
export async function pageOfSubjects(base: Filtered, query: HitListQuery) {
  const groups = base
    .clearSelect()
    .select([
      SUBJECT_KEY.as('subject_key'),
      sql<boolean>`bool_or(${REVIEW_STATUS} <> 'closed')`.as('open'),
      sql<string | null>`min(h.due_at)`.as('due_at'),
      sql<number>`max(${SEVERITY_RANK})`.as('severity_rank'),
      sql<number>`max(${STATUS_RANK})`.as('status_rank'),
    ])
    .groupBy(SUBJECT_KEY);
  const [total, page] = await Promise.all([
    base
      .clearSelect()
      .select(sql<number>`count(distinct ${SUBJECT_KEY})::integer`.as('n'))
      .executeTakeFirstOrThrow(),
    groups
      .orderBy(sql`bool_or(${REVIEW_STATUS} <> 'closed')`, 'desc')
      .orderBy(sql`min(h.due_at) asc nulls last`)
      .orderBy(sql`max(${SEVERITY_RANK})`, 'desc')
      .orderBy(sql`max(${STATUS_RANK})`, 'desc')
      .orderBy(SUBJECT_KEY)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const keys = page.map((group) => group.subject_key);
  const rows = keys.length === 0 ? [] : await hitRows(base.where(SUBJECT_KEY, 'in', keys)).execute();
  return { total: total.n, page, rows };
}
