/**
 * Referring a hit: to a unit or to a user, with a reason. The referring agency's review becomes
 * "referred" and names the recipient; the recipient's agency's review too when it is another
 * agency, so that the recipient finds it under "Referred to me / my unit" and may accept it. The
 * recipient must be able to see the hit (jurisdiction, the list's sharing): a referral never
 * shows a hit to someone the hit is hidden from.
 */
import { can, type Actor, type Role } from '../access/model.js';
import { conflict, invalid } from '../errors.js';
import type { HitReferralStore } from './hit-referral-store.js';
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
export async function findRecipient(store: HitReferralStore, input: HitReferral): Promise<Recipient> {
  if (input.toUserId) {
    const user = await store.activeUser(input.toUserId);
    if (!user)
      throw invalid('The recipient is not an active user', [
        { field: 'toUserId', message: 'is not an active user' },
      ]);
    const unit = (await store.unit(user.unit_id))!;
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
  const unit = await store.unit(input.toUnitId!);
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
export async function requireRecipientSees(store: HitReferralStore, recipient: Recipient, hitId: string) {
  if (!(await store.sees(recipient.actor, recipient.unit.agencyId, hitId))) {
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
  store: HitReferralStore,
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
  await store.saveReferral(hit.id, [...new Set([hit.agencyId, recipient.unit.agencyId])], referral, {
    agencyId: hit.agencyId,
    actorName: actor.name,
    details: {
      from: hit.status,
      to: 'referred',
      toUnit: { id: recipient.unit.id, name: recipient.unit.name },
      toUser: recipient.user,
      reason,
    },
  });
}

/**
 * Whom the actor may refer the hit to: the units of the hit's jurisdiction that may see it, and the
 * active users of those units who review hits (not the actor).
 */
export async function referralRecipients(store: HitReferralStore, actor: Actor, hitId: string) {
  const units = await store.unitsOfJurisdiction(await store.hitJurisdiction(hitId));
  const seeing = [];
  for (const unit of units) {
    const recipient = await findRecipient(store, { toUnitId: unit.id, reason: '' });
    if (await store.sees(recipient.actor, recipient.unit.agencyId, hitId)) seeing.push(unit);
  }
  const users =
    seeing.length === 0
      ? []
      : await store.activeUsersOf(
          seeing.map((unit) => unit.id),
          actor.id,
        );
  return {
    units: seeing.map((unit) => ({ id: unit.id, name: unit.name, agency: unit.agency_name })),
    users: users
      .filter((user) => can({ ...actor, roles: user.roles as Role[] }, 'hits:review'))
      .map((user) => ({ id: user.id, name: user.display_name, unitId: user.unit_id })),
  };
}
