import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import type { HitListQuery, HitPatch, HitReferral } from './model.js';
import { listHitGroups, listHits } from './hit-queue.js';
import { HitReferralStore } from './hit-referral-store.js';
import { HitReviewStore } from './hit-review-store.js';
import { explanationView, subjectNameView } from './hit-visibility.js';
import { bookedNames } from './booked-names.js';
import { findRecipient, recordReferral, referralRecipients, requireRecipientSees } from './hit-referral.js';
import { publishReferral } from './hit-events.js';
import { RecordHits } from './record-hits.js';
import type { SubjectProviders } from './subject-provider.js';
import { ruleEffectiveness } from './rule-effectiveness.js';

/** Forward moves of a review; a closed review is reopened only by a supervisor or an administrator. */
const NEXT: Record<string, readonly string[]> = {
  new: ['in-review', 'referred', 'closed'],
  'in-review': ['new', 'referred', 'closed'],
  referred: ['in-review', 'closed'],
  closed: ['in-review'],
};

/** The officers' hit review: the queue of their agency's view of each hit, the hit page, outcomes. */
export class HitService {
  private readonly recordHits: RecordHits;
  private readonly store: HitReviewStore;
  private readonly referrals: HitReferralStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly subjects: SubjectProviders,
  ) {
    this.recordHits = new RecordHits(db);
    this.store = new HitReviewStore(db);
    this.referrals = new HitReferralStore(db);
  }

  private agencyOf(actor: Actor): Promise<string> {
    return this.store.agencyOf(actor);
  }

  /** The queue: one row per hit, or per subject with `group=subject` (hit-queue.ts). */
  async list(actor: Actor, query: HitListQuery) {
    requirePermission(actor, 'hits:read');
    const flightsAtAirport = query.airport
      ? await this.subjects.flights.atAirport(query.airport.toUpperCase())
      : [];
    const base = this.store.filtered(actor, await this.agencyOf(actor), query, flightsAtAirport);
    return query.group === 'subject'
      ? listHitGroups(this.subjects, base, actor, query)
      : listHits(this.subjects, base, actor, query);
  }

  async get(actor: Actor, id: string) {
    requirePermission(actor, 'hits:read');
    const agencyId = await this.agencyOf(actor);
    const row = await this.store.hit(actor, agencyId, id);
    if (!row) throw notFound('Hit', id);
    const [reviews, events, rule, subjectHits, booked, flights] = await Promise.all([
      this.store.reviews(id),
      this.store.events(id),
      row.rule_id && row.rule_version ? this.store.ruleVersion(row.rule_id, row.rule_version) : undefined,
      // The same subject's other hits, as the reader sees them (record-hits.ts).
      row.subject_kind === 'traveller' && row.traveller_id
        ? this.recordHits.of(actor, 'traveller', row.traveller_id, { subjectKindOnly: true })
        : row.reservation_id
          ? this.recordHits.of(actor, 'reservation', row.reservation_id, {
              subjectKindOnly: true,
              bookedSequence: row.booked_sequence,
            })
          : undefined,
      bookedNames(this.subjects, actor, row.subject_kind, [row.subject_id]),
      // The flight, from the domain that holds flights.
      this.subjects.flights.summaries(row.flight_id ? [row.flight_id] : []),
    ]);
    await this.access.auditBy(actor, { action: 'hit.read', entity: 'hit', entityId: id });
    const mine = reviews.find((r) => r.agency_id === agencyId);
    // Who the hit was referred to, and why (the referring agency's review and the recipient's).
    const referralOf = (review: (typeof reviews)[number] | undefined) =>
      review?.referred_to_unit_id
        ? {
            toUnit: { id: review.referred_to_unit_id, name: review.referred_unit_name },
            toUser: review.referred_to_user_id
              ? { id: review.referred_to_user_id, name: review.referred_user_name }
              : null,
            reason: review.referral_reason,
            by: review.referred_by,
            at: review.referred_at,
          }
        : null;
    const referral = mine?.status === 'referred' ? referralOf(mine) : null;
    return {
      id: row.id,
      subjectKind: row.subject_kind,
      subjectName: subjectNameView(actor, row.subject_kind, row.subject_name),
      travellerId: row.traveller_id,
      reservationId: row.reservation_id,
      // Who a reservation hit is about: its booked travellers (PNR data, withheld without clearance).
      ...(booked ? { bookedTravellers: booked.get(row.subject_id) } : {}),
      /** The booked traveller (of the reservation, on no passenger list) the hit was found on. */
      bookedSequence: row.booked_sequence,
      source: row.source,
      severity: row.severity,
      category: row.category,
      score: row.score,
      explanation: explanationView(actor, row),
      stillMatching: row.still_matching,
      dueAt: row.due_at,
      createdAt: row.created_at,
      lastMatchedAt: row.last_matched_at,
      flight: (row.flight_id && flights.get(row.flight_id)) || null,
      rule: rule
        ? {
            id: rule.rule_id,
            version: rule.version,
            name: rule.name,
            description: rule.description,
            condition: rule.condition,
          }
        : null,
      watchlistEntryId: row.list_visible ? row.watchlist_entry_id : null,
      review: {
        agencyId,
        status: mine?.status ?? 'new',
        outcome: mine?.outcome ?? null,
        assignedTo: mine?.assigned_to ?? null,
        referral,
        // The reader (or the reader's unit) is the one the hit was referred to: theirs to accept.
        referredToReader:
          referral !== null &&
          (referral.toUser ? referral.toUser.id === actor.id : referral.toUnit.id === actor.unitId),
      },
      reviews: reviews.map((r) => ({
        agencyId: r.agency_id,
        agency: r.agency_name,
        status: r.status,
        outcome: r.outcome,
        assignedTo: r.assigned_to,
        assignedName: r.assigned_name,
        closedBy: r.closed_by,
        closedAt: r.closed_at,
        updatedAt: r.updated_at,
        referral: r.status === 'referred' ? referralOf(r) : null,
      })),
      otherHits: (subjectHits ?? []).filter((hit) => hit.id !== id),
      events: events.map((e) => ({
        id: Number(e.id),
        kind: e.kind,
        actor: e.actor_name,
        agency: e.agency_name,
        details: e.details,
        at: e.at,
      })),
    };
  }

  /** The actor's agency moves its view of the hit, records an outcome, assigns, or notes. */
  async update(actor: Actor, id: string, patch: HitPatch) {
    requirePermission(actor, 'hits:review');
    if (
      patch.status === undefined &&
      patch.outcome === undefined &&
      patch.note === undefined &&
      patch.assignedTo === undefined
    )
      throw invalid('Nothing to change: give a status, an outcome, a note or an assignee');
    if (patch.status === 'referred')
      throw invalid('A referral names its recipient and the reason: POST /api/v1/hits/:id/refer', [
        { field: 'status', message: 'refer with POST /hits/:id/refer, naming the recipient and the reason' },
      ]);
    const hit = await this.get(actor, id);
    const agencyId = hit.review.agencyId;
    const from = hit.review.status;
    const to = patch.status ?? from;
    if (to !== from && !NEXT[from].includes(to)) throw conflict(`A hit ${from} cannot become ${to}`);
    if (from === 'closed' && to !== 'closed' && !actor.roles.some((r) => r === 'supervisor' || r === 'admin'))
      throw forbidden('Only a supervisor reopens a closed hit');
    if (patch.outcome && to !== 'closed') throw invalid('An outcome is recorded when closing the hit');
    if (patch.assignedTo && !(await this.store.isActiveUser(patch.assignedTo)))
      throw invalid('The assignee is not an active user', { field: 'assignedTo' });
    const now = new Date().toISOString();
    const events: { kind: string; actorName: string; details: Record<string, unknown> }[] = [];
    if (to !== from)
      events.push({
        kind: 'status',
        actorName: actor.name,
        details: { from, to, ...(patch.outcome ? { outcome: patch.outcome } : {}) },
      });
    if (patch.assignedTo !== undefined && patch.assignedTo !== hit.review.assignedTo)
      events.push({ kind: 'assigned', actorName: actor.name, details: { to: patch.assignedTo } });
    if (patch.note) events.push({ kind: 'note', actorName: actor.name, details: { note: patch.note } });
    await this.store.saveReview(
      id,
      agencyId,
      {
        status: to,
        outcome: to === 'closed' ? (patch.outcome ?? hit.review.outcome) : null,
        assignedTo: patch.assignedTo !== undefined ? patch.assignedTo : hit.review.assignedTo,
        closedBy: to === 'closed' ? actor.name : null,
        closedAt: to === 'closed' ? now : null,
        updatedAt: now,
      },
      events,
    );
    await this.access.auditBy(actor, {
      action: 'hit.update',
      entity: 'hit',
      entityId: id,
      details: { from, to, outcome: patch.outcome ?? null, note: patch.note ? true : undefined },
    });
    return this.get(actor, id);
  }

  /** Refers the hit to a unit or a user, with a reason; the recipient is told (hit-referral.ts). */
  async refer(actor: Actor, id: string, input: HitReferral) {
    requirePermission(actor, 'hits:review');
    const hit = await this.get(actor, id);
    const recipient = await findRecipient(this.referrals, input);
    if (recipient.user?.id === actor.id)
      throw invalid('Refer the hit to someone else, or start reviewing it yourself', [
        { field: 'toUserId', message: 'is you' },
      ]);
    await requireRecipientSees(this.referrals, recipient, id);
    await recordReferral(
      this.referrals,
      actor,
      { id, agencyId: hit.review.agencyId, status: hit.review.status },
      recipient,
      input.reason,
    );
    await this.access.auditBy(actor, {
      action: 'hit.refer',
      entity: 'hit',
      entityId: id,
      reason: input.reason,
      details: { from: hit.review.status, toUnit: recipient.unit.id, toUser: recipient.user?.id ?? null },
    });
    // The recipient's live queue is told, on whichever server it is open.
    await publishReferral(this.db, {
      hitId: id,
      toUnitId: recipient.unit.id,
      toUserId: recipient.user?.id ?? null,
    });
    return this.get(actor, id);
  }

  /** Whom the reader may refer the hit to (units that see it, their users who review hits). */
  async referralRecipients(actor: Actor, id: string) {
    requirePermission(actor, 'hits:review');
    await this.get(actor, id);
    return referralRecipients(this.referrals, actor, id);
  }

  /** Per rule over a period: hits, referrals, outcomes and precision (see rule-effectiveness.ts). */
  effectiveness(actor: Actor, period: { from?: string; to?: string }) {
    return ruleEffectiveness(this.db, actor, period);
  }

  /** When the newest hit visible to the actor was created or changed (for live updates across processes). */
  async latestChange(actor: Actor): Promise<string | null> {
    return this.store.latestChange(actor, await this.agencyOf(actor));
  }

  /** How many of these hits the actor sees (live updates count only those). */
  async countShown(actor: Actor, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.store.countShown(actor, await this.agencyOf(actor), ids);
  }
}
