/**
 * The hits of a record, for the pages that show the record (traveller, manifest, flights,
 * reservations) and for a hit's page (the subject's other hits). Each goes through the one scope of
 * visible hits (hit-scope.ts): hits:read, the actor's jurisdictions, the list's sharing, the actor's
 * agency's review; a reservation's subject name is PNR data (hit-visibility.ts).
 */
import type { Kysely } from 'kysely';
import { can, type Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { RecordHitsStore } from './record-hits-store.js';
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

export class RecordHits {
  private readonly store: RecordHitsStore;

  constructor(db: Kysely<Database>) {
    this.store = new RecordHitsStore(db);
  }

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
    const rows = await this.store.hitsOf(actor, await this.store.agencyOf(actor), kind, id, options);
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
    const rows = await this.store.countsOf(actor, await this.store.agencyOf(actor), kind, ids);
    for (const row of rows) found.set(row.record_id, { open: row.open, positive: row.positive });
    return found;
  }
}
