import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** A hit as screening finds it, before it is stored. */
export interface FoundHit {
  dedupeKey: string;
  jurisdictionCode: string;
  subjectKind: 'traveller' | 'reservation';
  travellerId: string | null;
  reservationId: string | null;
  /** A booked traveller of the reservation, on no passenger list, the hit was found on. */
  bookedSequence: number | null;
  flightId: string | null;
  source: 'rule' | 'watchlist';
  ruleId: string | null;
  ruleVersion: number | null;
  watchlistEntryId: string | null;
  subjectName: string;
  severity: Severity;
  category: string;
  score: number | null;
  explanation: unknown;
  dueAt: string | null;
}

export interface ScreenedSubject {
  kind: 'traveller' | 'reservation';
  id: string;
}

export interface RecordedHits {
  created: string[];
  updated: string[];
  noLongerMatching: string[];
}

const CHUNK = 500;
const SYSTEM = 'screening';

/**
 * Stores what one screening of some subjects found: new hits inserted, hits found again
 * updated (and marked matching again), and hits of these subjects that screening no longer
 * finds kept but marked as no longer matching. Every such change is an event of the hit.
 */
export async function recordScreening(
  db: Db,
  subjects: readonly ScreenedSubject[],
  found: readonly FoundHit[],
): Promise<RecordedHits> {
  const result: RecordedHits = { created: [], updated: [], noLongerMatching: [] };
  const travellerIds = subjects.filter((s) => s.kind === 'traveller').map((s) => s.id);
  const reservationIds = subjects.filter((s) => s.kind === 'reservation').map((s) => s.id);
  const existing = new Map<string, { id: string; stillMatching: boolean }>();
  for (const [column, ids, kind] of [
    ['traveller_id', travellerIds, 'traveller'],
    ['reservation_id', reservationIds, 'reservation'],
  ] as const)
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await db
        .selectFrom('hits')
        .select(['id', 'dedupe_key', 'still_matching'])
        .where('subject_kind', '=', kind)
        .where(column, 'in', ids.slice(start, start + CHUNK))
        .execute();
      for (const row of rows) existing.set(row.dedupe_key, { id: row.id, stillMatching: row.still_matching });
    }

  const fresh = found.filter((hit) => !existing.has(hit.dedupeKey));
  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = fresh.slice(start, start + CHUNK);
    const rows = await db
      .insertInto('hits')
      .values(
        chunk.map((hit) => ({
          jurisdiction_code: hit.jurisdictionCode,
          subject_kind: hit.subjectKind,
          traveller_id: hit.travellerId,
          reservation_id: hit.reservationId,
          booked_sequence: hit.bookedSequence,
          flight_id: hit.flightId,
          source: hit.source,
          rule_id: hit.ruleId,
          rule_version: hit.ruleVersion,
          watchlist_entry_id: hit.watchlistEntryId,
          dedupe_key: hit.dedupeKey,
          subject_name: hit.subjectName,
          severity: hit.severity,
          category: hit.category,
          score: hit.score,
          explanation: JSON.stringify(hit.explanation),
          due_at: hit.dueAt,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'dedupe_key'])
      .execute();
    result.created.push(...rows.map((r) => r.id));
    if (rows.length > 0)
      await db
        .insertInto('hit_events')
        .values(
          rows.map((row) => {
            const hit = chunk.find((h) => h.dedupeKey === row.dedupe_key)!;
            return {
              hit_id: row.id,
              kind: 'created',
              actor_name: SYSTEM,
              details: JSON.stringify({ source: hit.source, ruleVersion: hit.ruleVersion, score: hit.score }),
            };
          }),
        )
        .execute();
  }

  const now = new Date().toISOString();
  for (const hit of found) {
    const stored = existing.get(hit.dedupeKey);
    if (!stored) continue;
    await db
      .updateTable('hits')
      .set({
        rule_version: hit.ruleVersion,
        severity: hit.severity,
        category: hit.category,
        score: hit.score,
        explanation: JSON.stringify(hit.explanation),
        still_matching: true,
        due_at: hit.dueAt,
        subject_name: hit.subjectName,
        booked_sequence: hit.bookedSequence,
        last_matched_at: now,
        updated_at: now,
      })
      .where('id', '=', stored.id)
      .execute();
    result.updated.push(stored.id);
    if (!stored.stillMatching)
      await db
        .insertInto('hit_events')
        .values({
          hit_id: stored.id,
          kind: 'matching-again',
          actor_name: SYSTEM,
          details: JSON.stringify({ ruleVersion: hit.ruleVersion }),
        })
        .execute();
  }

  const foundKeys = new Set(found.map((hit) => hit.dedupeKey));
  const lapsed = [...existing]
    .filter(([key, hit]) => hit.stillMatching && !foundKeys.has(key))
    .map(([, hit]) => hit.id);
  if (lapsed.length > 0) {
    await db
      .updateTable('hits')
      .set({ still_matching: false, updated_at: now })
      .where('id', 'in', lapsed)
      .execute();
    await db
      .insertInto('hit_events')
      .values(
        lapsed.map((id) => ({ hit_id: id, kind: 'no-longer-matching', actor_name: SYSTEM, details: '{}' })),
      )
      .execute();
    result.noLongerMatching = lapsed;
  }
  return result;
}

export async function bumpTargetingRevision(db: Db): Promise<void> {
  await db
    .updateTable('targeting_revision')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .execute();
}

export async function targetingRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('targeting_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}
