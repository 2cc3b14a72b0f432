/**
 * The hit queue: the hits an actor sees (hit-scope-store.ts) under the queue's filters (hit-queue-store.ts), one row per hit
 * or one row per subject (a traveller, a reservation, a booked traveller of a reservation) with
 * each of its hits under it, so that a person with a rule hit and a watchlist hit is one row.
 * Each hit keeps its own review per agency.
 */
import type { Actor } from '../access/model.js';
import { bookedNames } from './booked-names.js';
import type { FlightSummary, SubjectProviders } from './subject-provider.js';
import { pageOfHits, pageOfSubjects, type Filtered, type HitRow } from './hit-queue-store.js';
import { restrictedList, subjectNameView } from './hit-visibility.js';
import type { HitListQuery } from './model.js';

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
  const { total, rows } = await pageOfHits(base, query);
  const flights = await flightsOf(subjects, rows);
  return {
    total,
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
  const { total, page, rows } = await pageOfSubjects(base, query);
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
    total,
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
