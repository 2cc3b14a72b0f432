/**
 * The hit queue: the hits an actor sees (hit-scope.ts) under the queue's filters, one row per hit
 * or one row per subject (a traveller, a reservation, a booked traveller of a reservation) with
 * each of its hits under it, so that a person with a rule hit and a watchlist hit is one row.
 * Each hit keeps its own review per agency.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { bookedNames } from './booked-names.js';
import type { FlightSummary, SubjectProviders } from './subject-provider.js';
import { REVIEW_STATUS, SEVERITY_RANK, visibleHits } from './hit-scope.js';
import { restrictedList, subjectNameView } from './hit-visibility.js';
import type { HitListQuery } from './model.js';

/** One subject of hits: a traveller, or a reservation (and, within it, a booked traveller). */
export const SUBJECT_KEY = sql<string>`case when h.subject_kind = 'traveller' then 't:' || h.traveller_id::text
  else 'r:' || h.reservation_id::text || coalesce(':' || h.booked_sequence::text, '') end`;

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

type Filtered = ReturnType<typeof filteredHits>;

/** The queue's columns of each hit, most urgent first. */
function hitRows(base: Filtered) {
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

type HitRow = Awaited<ReturnType<ReturnType<typeof hitRows>['execute']>>[number];

function toListItem(actor: Actor, row: HitRow, flights: ReadonlyMap<string, FlightSummary>) {
  const flight = row.flight_id ? flights.get(row.flight_id) : undefined;
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectName: subjectNameView(actor, row.subject_kind, row.subject_name),
    travellerId: row.traveller_id,
    reservationId: row.reservation_id,
    source: row.source,
    rule: row.rule_id ? { id: row.rule_id, version: row.rule_version, name: row.rule_name } : null,
    watchlist: !row.watchlist_entry_id
      ? null
      : row.list_visible
        ? { entryId: row.watchlist_entry_id, entryName: row.entry_name, listName: row.list_name }
        : restrictedList(row.list_owner_unit),
    severity: row.severity,
    category: row.category,
    score: row.score,
    stillMatching: row.still_matching,
    dueAt: row.due_at,
    flight: row.flight_id
      ? {
          id: row.flight_id,
          carrier: flight?.carrier ?? null,
          flightNumber: flight?.flightNumber ?? null,
          origin: flight?.origin ?? null,
          destination: flight?.destination ?? null,
          direction: flight?.direction ?? null,
        }
      : null,
    status: row.status,
    outcome: row.outcome,
    assignedTo: row.assigned_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
export type HitListItem = ReturnType<typeof toListItem>;

/** The flights of these hits, from the domain that holds them. */
const flightsOf = (subjects: SubjectProviders, rows: readonly HitRow[]) =>
  subjects.flights.summaries(rows.flatMap((row) => (row.flight_id ? [row.flight_id] : [])));

/** One row per hit. */
export async function listHits(
  subjects: SubjectProviders,
  base: Filtered,
  actor: Actor,
  query: HitListQuery,
) {
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
  const flights = await flightsOf(subjects, rows);
  return {
    total: total.n,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => toListItem(actor, row, flights)),
  };
}

const SEVERITIES = ['low', 'medium', 'high', 'critical'];

/**
 * One row per subject: its most urgent hit's subject, flight and due time, the sources that hit it
 * (the most severe first) and every hit under it, the most urgent first. A page counts subjects.
 */
export async function listHitGroups(
  subjects: SubjectProviders,
  base: Filtered,
  actor: Actor,
  query: HitListQuery,
) {
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
  const flights = await flightsOf(subjects, rows);
  const bySubject = new Map<string, HitRow[]>();
  for (const row of rows) bySubject.set(row.subject_key, [...(bySubject.get(row.subject_key) ?? []), row]);
  // Who a record's hits are about: its members (the booked travellers of a reservation).
  const members = new Map<string, Awaited<ReturnType<typeof bookedNames>>>();
  for (const kind of new Set(rows.map((row) => row.subject_kind)))
    members.set(
      kind,
      await bookedNames(
        subjects,
        actor,
        kind,
        rows.filter((row) => row.subject_kind === kind).map((row) => row.subject_id),
      ),
    );
  const urgency = (row: HitRow) =>
    (row.status === 'closed' ? 0 : 100) + SEVERITIES.indexOf(row.severity) * 10;
  return {
    total: total.n,
    page: query.page,
    pageSize: query.pageSize,
    groups: page.map((group) => {
      const hits = [...(bySubject.get(group.subject_key) ?? [])].sort((a, b) => urgency(b) - urgency(a));
      const items = hits.map((row) => toListItem(actor, row, flights));
      const lead = items[0]!;
      const booked = members.get(hits[0]!.subject_kind)?.get(hits[0]!.subject_id);
      return {
        subjectKey: group.subject_key,
        subjectKind: lead.subjectKind,
        subjectName: lead.subjectName,
        travellerId: lead.travellerId,
        reservationId: lead.reservationId,
        ...(booked !== undefined ? { bookedTravellers: booked } : {}),
        flight: lead.flight,
        dueAt: group.due_at,
        severity: SEVERITIES[group.severity_rank - 1],
        status: lead.status,
        openHits: items.filter((item) => item.status !== 'closed').length,
        sources: items.map((item) => ({
          hitId: item.id,
          source: item.source,
          name:
            item.rule?.name ??
            (item.watchlist && 'listName' in item.watchlist ? item.watchlist.listName : null),
          restricted: item.watchlist !== null && 'restricted' in item.watchlist,
          severity: item.severity,
          status: item.status,
        })),
        hits: items,
      };
    }),
  };
}
