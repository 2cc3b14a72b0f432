import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { agencyOf, visibleHits } from './hit-scope-store.js';
import { filteredHits } from './hit-queue-store.js';
import type { HitListQuery } from './model.js';

/** An agency's view of a hit, as a review writes it. */
export interface ReviewValues {
  status: 'new' | 'in-review' | 'referred' | 'closed';
  outcome: 'positive' | 'negative' | 'not-encountered' | 'false-match' | null;
  assignedTo: string | null;
  closedBy: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** The hit review's SQL: a hit as its reader sees it, its reviews and history, and writing a review. */
export class HitReviewStore {
  constructor(private readonly db: Kysely<Database>) {}

  agencyOf(actor: Actor): Promise<string> {
    return agencyOf(this.db, actor);
  }

  /** The queue's hits under its filters (hit-queue.ts). */
  filtered(actor: Actor, agencyId: string, query: HitListQuery, flightsAtAirport: readonly string[]) {
    return filteredHits(this.db, actor, agencyId, query, flightsAtAirport);
  }

  /** A hit the reader sees. */
  hit(actor: Actor, agencyId: string, id: string) {
    return visibleHits(this.db, actor, agencyId).selectAll('h').where('h.id', '=', id).executeTakeFirst();
  }

  /** Every agency's review of the hit, with the names of assignees and referral recipients. */
  reviews(hitId: string) {
    return this.db
      .selectFrom('hit_reviews as hr')
      .innerJoin('agencies as a', 'a.id', 'hr.agency_id')
      .leftJoin('users as u', 'u.id', 'hr.assigned_to')
      .leftJoin('units as ru', 'ru.id', 'hr.referred_to_unit_id')
      .leftJoin('users as rus', 'rus.id', 'hr.referred_to_user_id')
      .select([
        'hr.referred_to_unit_id',
        'ru.name as referred_unit_name',
        'hr.referred_to_user_id',
        'rus.display_name as referred_user_name',
        'hr.referral_reason',
        'hr.referred_by',
        'hr.referred_at',
        'hr.agency_id',
        'a.name as agency_name',
        'hr.status',
        'hr.outcome',
        'hr.assigned_to',
        'u.display_name as assigned_name',
        'hr.closed_by',
        'hr.closed_at',
        'hr.updated_at',
      ])
      .where('hr.hit_id', '=', hitId)
      .execute();
  }

  /** The hit's history, the newest first. */
  events(hitId: string) {
    return this.db
      .selectFrom('hit_events as e')
      .leftJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.id', 'e.kind', 'e.actor_name', 'e.details', 'e.at', 'a.name as agency_name'])
      .where('e.hit_id', '=', hitId)
      .orderBy('e.id', 'desc')
      .execute();
  }

  ruleVersion(ruleId: string, version: number) {
    return this.db
      .selectFrom('rule_versions')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  async isActiveUser(userId: string): Promise<boolean> {
    const user = await this.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .where('active', '=', true)
      .executeTakeFirst();
    return user !== undefined;
  }

  /** The agency's review written and its events added, in one transaction. */
  async saveReview(
    hitId: string,
    agencyId: string,
    review: ReviewValues,
    events: { kind: string; actorName: string; details: Record<string, unknown> }[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hit_reviews')
        .values({
          hit_id: hitId,
          agency_id: agencyId,
          status: review.status,
          outcome: review.outcome,
          assigned_to: review.assignedTo,
          closed_by: review.closedBy,
          closed_at: review.closedAt,
          updated_at: review.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['hit_id', 'agency_id']).doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            outcome: eb.ref('excluded.outcome'),
            assigned_to: eb.ref('excluded.assigned_to'),
            closed_by: eb.ref('excluded.closed_by'),
            closed_at: eb.ref('excluded.closed_at'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      if (events.length > 0)
        await trx
          .insertInto('hit_events')
          .values(
            events.map((e) => ({
              hit_id: hitId,
              agency_id: agencyId,
              kind: e.kind,
              actor_name: e.actorName,
              details: JSON.stringify(e.details),
            })),
          )
          .execute();
    });
  }

  /** When the newest hit the reader sees was created or changed. */
  async latestChange(actor: Actor, agencyId: string): Promise<string | null> {
    const row = await visibleHits(this.db, actor, agencyId)
      .clearSelect()
      .select(sql<string | null>`max(h.updated_at)`.as('t'))
      .executeTakeFirstOrThrow();
    return row.t;
  }

  /** How many of these hits the reader sees. */
  async countShown(actor: Actor, agencyId: string, ids: readonly string[]): Promise<number> {
    const row = await visibleHits(this.db, actor, agencyId)
      .clearSelect()
      .select(sql<number>`count(*)::integer`.as('n'))
      .where('h.id', 'in', [...ids])
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
