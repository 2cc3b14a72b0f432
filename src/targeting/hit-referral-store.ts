import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { visibleHits } from './hit-scope-store.js';

/** What a referral writes in each agency's review of the hit. */
export interface ReferralValues {
  status: 'referred';
  referred_to_unit_id: string;
  referred_to_user_id: string | null;
  referral_reason: string;
  referred_by: string;
  referred_at: string;
  outcome: null;
  closed_by: null;
  closed_at: null;
  updated_at: string;
}

/** The SQL of referrals (hit-referral.ts). */
export class HitReferralStore {
  constructor(private readonly db: Kysely<Database>) {}

  activeUser(id: string) {
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name', 'unit_id', 'roles'])
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
  }

  /** A unit with its agency and the agency's jurisdiction. */
  unit(id: string) {
    return this.db
      .selectFrom('units as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.id', 'u.name', 'u.agency_id', 'a.jurisdiction_code'])
      .where('u.id', '=', id)
      .executeTakeFirst();
  }

  /** Whether the actor (of this agency) sees the hit. */
  async sees(actor: Actor, agencyId: string, hitId: string): Promise<boolean> {
    const seen = await visibleHits(this.db, actor, agencyId)
      .clearSelect()
      .select('h.id')
      .where('h.id', '=', hitId)
      .executeTakeFirst();
    return seen !== undefined;
  }

  /**
   * The referral in these agencies' reviews (an agency that closed its view keeps it closed), its
   * event in the history, and the hit marked changed; one transaction.
   */
  async saveReferral(
    hitId: string,
    agencyIds: readonly string[],
    referral: ReferralValues,
    event: { agencyId: string; actorName: string; details: Record<string, unknown> },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const agencyId of agencyIds)
        await trx
          .insertInto('hit_reviews')
          .values({ hit_id: hitId, agency_id: agencyId, assigned_to: null, ...referral })
          .onConflict((oc) =>
            oc
              .columns(['hit_id', 'agency_id'])
              .doUpdateSet(referral)
              .where('hit_reviews.status', '<>', 'closed'),
          )
          .execute();
      await trx
        .insertInto('hit_events')
        .values({
          hit_id: hitId,
          agency_id: event.agencyId,
          kind: 'referred',
          actor_name: event.actorName,
          details: JSON.stringify(event.details),
        })
        .execute();
      // Readers polling for changes (hits/stream) see the hit changed.
      await trx
        .updateTable('hits')
        .set({ updated_at: referral.updated_at })
        .where('id', '=', hitId)
        .execute();
    });
  }

  async hitJurisdiction(hitId: string): Promise<string> {
    const hit = await this.db
      .selectFrom('hits')
      .select('jurisdiction_code')
      .where('id', '=', hitId)
      .executeTakeFirstOrThrow();
    return hit.jurisdiction_code;
  }

  unitsOfJurisdiction(jurisdictionCode: string) {
    return this.db
      .selectFrom('units as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.id', 'u.name', 'a.name as agency_name'])
      .where('a.jurisdiction_code', '=', jurisdictionCode)
      .orderBy('u.name')
      .execute();
  }

  /** Active users of these units but one, by name. */
  activeUsersOf(unitIds: readonly string[], exceptUserId: string) {
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name', 'unit_id', 'roles'])
      .where('active', '=', true)
      .where('unit_id', 'in', [...unitIds])
      .where('id', '<>', exceptUserId)
      .orderBy('display_name')
      .execute();
  }
}
