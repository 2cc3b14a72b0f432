import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, HitTable } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** A hit as screening finds it, before it is stored. */
export interface FoundHit {
  dedupeKey: string;
  jurisdictionCode: string;
  /** The subject's provider's kind and the subject's id (subject-provider.ts). */
  subjectKind: string;
  subjectId: string;
  /** Other records the hit is linked to, by kind (a traveller's reservation). */
  links: Readonly<Record<string, string | null>>;
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
  kind: string;
  id: string;
}

export interface RecordedHits {
  created: string[];
  updated: string[];
  noLongerMatching: string[];
}

type SubjectKind = HitTable['subject_kind'];

/**
 * The foreign keys of a hit: the subject's id and each link's in the `<kind>_id` column of its
 * kind (a new kind of subject adds its column, with its foreign key, in its domain's migration).
 */
function subjectColumns(hit: FoundHit): Pick<HitTable, 'traveller_id' | 'reservation_id'> {
  const columns: Record<string, string | null> = { traveller_id: null, reservation_id: null };
  for (const [kind, id] of Object.entries(hit.links)) columns[`${kind}_id`] = id;
  columns[`${hit.subjectKind}_id`] = hit.subjectId;
  return columns as Pick<HitTable, 'traveller_id' | 'reservation_id'>;
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
  const existing = new Map<string, { id: string; stillMatching: boolean }>();
  const idsByKind = new Map<string, string[]>();
  for (const subject of subjects)
    idsByKind.set(subject.kind, [...(idsByKind.get(subject.kind) ?? []), subject.id]);
  for (const [kind, ids] of idsByKind)
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await db
        .selectFrom('hits')
        .select(['id', 'dedupe_key', 'still_matching'])
        .where('subject_kind', '=', kind as SubjectKind)
        .where('subject_id', 'in', ids.slice(start, start + CHUNK))
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
          subject_kind: hit.subjectKind as SubjectKind,
          subject_id: hit.subjectId,
          ...subjectColumns(hit),
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

/** Reads of hits by other parts of targeting than the queue (back-tests). */
export class HitStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Per record (or per member of a record: `<record id>:<sequence>`), whether any agency closed a
   * hit shown on the record's page positive, or only negative and false-match.
   */
  outcomesOf(kind: string, ids: readonly string[], ofMembers: boolean) {
    // The record's `<kind>_id` column: its own hits and the hits linked to it.
    const column = sql.ref(`h.${kind}_id`);
    const key = ofMembers
      ? sql<string>`${column}::text || ':' || h.booked_sequence::text`
      : sql<string>`${column}::text`;
    let query = this.db
      .selectFrom('hits as h')
      .innerJoin('hit_reviews as hr', 'hr.hit_id', 'h.id')
      .select([
        key.as('subject'),
        sql<boolean>`bool_or(hr.outcome = 'positive')`.as('positive'),
        sql<boolean>`bool_or(hr.outcome in ('negative', 'false-match'))`.as('negative'),
      ]);
    query = ofMembers
      ? query.where(column, 'in', [...new Set(ids.map((id) => id.split(':')[0]!))]).where(key, 'in', [...ids])
      : query.where(column, 'in', [...ids]);
    return query.groupBy(key).execute();
  }
}
