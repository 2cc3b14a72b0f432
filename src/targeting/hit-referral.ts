/**
 * Referring a hit: to a unit or to a user, with a reason. The referring agency's review becomes
 * "referred" and names the recipient; the recipient's agency's review too when it is another
 * agency, so that the recipient finds it under "Referred to me / my unit" and may accept it. The
 * recipient must be able to see the hit (jurisdiction, the list's sharing): a referral never
 * shows a hit to someone the hit is hidden from.
 */
import type { Kysely } from 'kysely';
import { can, type Actor, type Role } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { conflict, invalid } from '../errors.js';
import { visibleHits } from './hit-scope.js';
import type { HitReferral } from './model.js';

export interface Recipient {
  unit: { id: string; name: string; agencyId: string };
  user: { id: string; name: string } | null;
  /** The recipient as an actor, to ask whether the hit is visible to them. */
  actor: Actor;
}

/** What a referral announces (server-sent events reach the recipient). */
export interface ReferralEvent {
  hitId: string;
  toUnitId: string;
  toUserId: string | null;
}

/** The unit or user named, or a 422 saying which field names nobody. */
export async function findRecipient(db: Kysely<Database>, input: HitReferral): Promise<Recipient> {
  const units = db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.name', 'u.agency_id', 'a.jurisdiction_code']);
  if (input.toUserId) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'display_name', 'unit_id', 'roles'])
      .where('id', '=', input.toUserId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user)
      throw invalid('The recipient is not an active user', [
        { field: 'toUserId', message: 'is not an active user' },
      ]);
    const unit = await units.where('u.id', '=', user.unit_id).executeTakeFirstOrThrow();
    const actor: Actor = {
      kind: 'user',
      id: user.id,
      name: user.display_name,
      roles: user.roles as Role[],
      unitId: unit.id,
      jurisdictionCode: unit.jurisdiction_code,
    };
    if (!can(actor, 'hits:review'))
      throw invalid(`${user.display_name} has no role that reviews hits`, [
        { field: 'toUserId', message: 'has no role that reviews hits' },
      ]);
    return {
      unit: { id: unit.id, name: unit.name, agencyId: unit.agency_id },
      user: { id: user.id, name: user.display_name },
      actor,
    };
  }
  const unit = await units.where('u.id', '=', input.toUnitId!).executeTakeFirst();
  if (!unit)
    throw invalid('The recipient unit is not known', [{ field: 'toUnitId', message: 'is not a unit' }]);
  return {
    unit: { id: unit.id, name: unit.name, agencyId: unit.agency_id },
    user: null,
    // Any officer of the unit: the list's sharing and the jurisdiction decide what the unit sees.
    actor: {
      kind: 'user',
      id: unit.id,
      name: unit.name,
      roles: ['officer'],
      unitId: unit.id,
      jurisdictionCode: unit.jurisdiction_code,
    },
  };
}

/** Refuses a recipient who may not see the hit: another jurisdiction, or a list kept from their unit. */
export async function requireRecipientSees(db: Kysely<Database>, recipient: Recipient, hitId: string) {
  const seen = await visibleHits(db, recipient.actor, recipient.unit.agencyId)
    .clearSelect()
    .select('h.id')
    .where('h.id', '=', hitId)
    .executeTakeFirst();
  if (!seen) {
    const field = recipient.user ? 'toUserId' : 'toUnitId';
    const who = recipient.user?.name ?? recipient.unit.name;
    throw invalid(
      `${who} may not see this hit (another jurisdiction, or a list shared with its owner unit only)`,
      [{ field, message: 'may not see this hit' }],
    );
  }
}

/** Records the referral in the referring agency's review (and the recipient's), and in the history. */
export async function recordReferral(
  db: Kysely<Database>,
  actor: Actor,
  hit: { id: string; agencyId: string; status: string },
  recipient: Recipient,
  reason: string,
): Promise<void> {
  if (hit.status === 'closed') throw conflict('A closed hit is reopened before it is referred');
  const now = new Date().toISOString();
  const referral = {
    status: 'referred' as const,
    referred_to_unit_id: recipient.unit.id,
    referred_to_user_id: recipient.user?.id ?? null,
    referral_reason: reason,
    referred_by: actor.name,
    referred_at: now,
    outcome: null,
    closed_by: null,
    closed_at: null,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    for (const agencyId of new Set([hit.agencyId, recipient.unit.agencyId]))
      await trx
        .insertInto('hit_reviews')
        .values({ hit_id: hit.id, agency_id: agencyId, assigned_to: null, ...referral })
        // Another agency that closed its view keeps it closed: the referral is in the history.
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
        hit_id: hit.id,
        agency_id: hit.agencyId,
        kind: 'referred',
        actor_name: actor.name,
        details: JSON.stringify({
          from: hit.status,
          to: 'referred',
          toUnit: { id: recipient.unit.id, name: recipient.unit.name },
          toUser: recipient.user,
          reason,
        }),
      })
      .execute();
    // Readers polling for changes (hits/stream) see the hit changed.
    await trx.updateTable('hits').set({ updated_at: now }).where('id', '=', hit.id).execute();
  });
}

/**
 * Whom the actor may refer the hit to: the units of the hit's jurisdiction that may see it, and the
 * active users of those units who review hits (not the actor).
 */
export async function referralRecipients(db: Kysely<Database>, actor: Actor, hitId: string) {
  const hit = await db
    .selectFrom('hits')
    .select('jurisdiction_code')
    .where('id', '=', hitId)
    .executeTakeFirstOrThrow();
  const units = await db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.name', 'a.name as agency_name'])
    .where('a.jurisdiction_code', '=', hit.jurisdiction_code)
    .orderBy('u.name')
    .execute();
  const seeing = [];
  for (const unit of units) {
    const recipient = await findRecipient(db, { toUnitId: unit.id, reason: '' });
    const seen = await visibleHits(db, recipient.actor, recipient.unit.agencyId)
      .clearSelect()
      .select('h.id')
      .where('h.id', '=', hitId)
      .executeTakeFirst();
    if (seen) seeing.push(unit);
  }
  const users =
    seeing.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'display_name', 'unit_id', 'roles'])
          .where('active', '=', true)
          .where(
            'unit_id',
            'in',
            seeing.map((unit) => unit.id),
          )
          .where('id', '<>', actor.id)
          .orderBy('display_name')
          .execute();
  return {
    units: seeing.map((unit) => ({ id: unit.id, name: unit.name, agency: unit.agency_name })),
    users: users
      .filter((user) => can({ ...actor, roles: user.roles as Role[] }, 'hits:review'))
      .map((user) => ({ id: user.id, name: user.display_name, unitId: user.unit_id })),
  };
}
