import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { depersonalise, MASK } from './reservation-privacy.js';
import { versionData } from './reservation-store.js';

export interface RetentionPolicy {
  maskAfterMonths: number;
  deleteAfterYears: number;
}

/** Who started a run: the server's hourly schedule, `interdict retention run`, or an administrator. */
export type RetentionTrigger = 'schedule' | 'command' | 'admin';

export interface RetentionResult {
  id: string;
  asOf: string;
  trigger: RetentionTrigger;
  maskAfterMonths: number;
  deleteAfterYears: number;
  maskedBefore: string;
  deletedBefore: string;
  masked: string[];
  deleted: string[];
  held: number;
  messagesSealed: number;
  messagesDeleted: number;
}

/** A recorded run, as the administration page lists it. */
export interface RetentionRunSummary {
  id: string;
  ranAt: string;
  asOf: string;
  trigger: RetentionTrigger;
  actorName: string;
  maskAfterMonths: number;
  deleteAfterYears: number;
  maskedBefore: string;
  deletedBefore: string;
  masked: number;
  deleted: number;
  held: number;
  messagesSealed: number;
  messagesDeleted: number;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() - months);
  return result;
}

/** The days before which a last flight puts a reservation past each period, as of a day. */
export function retentionCutoffs(asOf: Date, policy: RetentionPolicy) {
  return {
    maskedBefore: isoDate(monthsBefore(asOf, policy.maskAfterMonths)),
    deletedBefore: isoDate(monthsBefore(asOf, policy.deleteAfterYears * 12)),
  };
}

export const sealedNotice = (asOf: string) =>
  `${MASK} PNR data depersonalised on ${asOf} under the retention policy ${MASK}`;

/**
 * Masks PNR data after the first period and deletes it after the second, counted from the
 * reservation's last flight (rejected PNR messages: from their receipt). Held reservations are
 * masked but not deleted. Every run is written to the audit log with what it did.
 */
export class RetentionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly policy: RetentionPolicy,
    private readonly options: { appliesOnArrival: boolean } = { appliesOnArrival: true },
  ) {}

  /**
   * The periods in force, for every signed-in user (the messages page states them). No period is
   * set for API (PAXLST) data: it is kept until deleted.
   */
  policyInForce() {
    return {
      pnr: { ...this.policy, appliesOnArrival: this.options.appliesOnArrival },
      apiDeleteAfterYears: null,
    };
  }

  async run(
    asOfDate: Date,
    by: { trigger: RetentionTrigger; actorName?: string } = { trigger: 'schedule' },
  ): Promise<RetentionResult> {
    const asOf = isoDate(asOfDate);
    const actorName = by.actorName ?? 'system (retention)';
    const { maskedBefore, deletedBefore } = retentionCutoffs(asOfDate, this.policy);
    const result = await this.db.transaction().execute(async (trx) => {
      const toMask = await trx
        .selectFrom('reservations')
        .select(['id', 'version'])
        .where('masked_at', 'is', null)
        .where('last_flight_date', '<', maskedBefore)
        .execute();
      for (const reservation of toMask) await maskReservation(trx, reservation.id, asOfDate.toISOString());
      const sealed = await this.sealMessages(trx, maskedBefore, asOf);

      const held = await trx
        .selectFrom('reservations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('last_flight_date', '<', deletedBefore)
        .where('hold_reason', 'is not', null)
        .executeTakeFirstOrThrow();
      const deleted = await trx
        .deleteFrom('reservations')
        .where('last_flight_date', '<', deletedBefore)
        .where('hold_reason', 'is', null)
        .returning('id')
        .execute();
      const messagesDeleted = await this.deleteOrphanMessages(trx, deletedBefore);
      const outcome = {
        asOf,
        trigger: by.trigger,
        maskAfterMonths: this.policy.maskAfterMonths,
        deleteAfterYears: this.policy.deleteAfterYears,
        maskedBefore,
        deletedBefore,
        masked: toMask.map((r) => r.id),
        deleted: deleted.map((r) => r.id),
        held: Number(held.n),
        messagesSealed: sealed,
        messagesDeleted,
      };
      const recorded = await trx
        .insertInto('retention_runs')
        .values({
          as_of: asOf,
          trigger: by.trigger,
          actor_name: actorName,
          mask_after_months: outcome.maskAfterMonths,
          delete_after_years: outcome.deleteAfterYears,
          masked_before: maskedBefore,
          deleted_before: deletedBefore,
          masked_count: outcome.masked.length,
          deleted_count: outcome.deleted.length,
          held_count: outcome.held,
          messages_sealed: sealed,
          messages_deleted: messagesDeleted,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: recorded.id, ...outcome };
    });
    await this.access.audit({
      actorId: null,
      actorName,
      action: 'retention.run',
      entity: 'retention_run',
      entityId: result.id,
      reason: `retention policy: PNR data depersonalised ${this.policy.maskAfterMonths} months (PNR_MASK_AFTER_MONTHS) and deleted ${this.policy.deleteAfterYears} years (PNR_DELETE_AFTER_YEARS) after the last flight`,
      details: {
        ...result,
        settings: {
          PNR_MASK_AFTER_MONTHS: this.policy.maskAfterMonths,
          PNR_DELETE_AFTER_YEARS: this.policy.deleteAfterYears,
        },
      },
    });
    return result;
  }

  /** The latest runs, newest first (administrators). */
  async listRuns(actor: Actor, limit = 50): Promise<RetentionRunSummary[]> {
    requirePermission(actor, 'retention:run');
    const rows = await this.db
      .selectFrom('retention_runs')
      .selectAll()
      .orderBy('ran_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      ranAt: row.ran_at,
      asOf: row.as_of,
      trigger: row.trigger,
      actorName: row.actor_name,
      maskAfterMonths: row.mask_after_months,
      deleteAfterYears: row.delete_after_years,
      maskedBefore: row.masked_before,
      deletedBefore: row.deleted_before,
      masked: row.masked_count,
      deleted: row.deleted_count,
      held: row.held_count,
      messagesSealed: row.messages_sealed,
      messagesDeleted: row.messages_deleted,
    }));
  }

  /** Raw PNR messages whose reservations are all masked, or rejected ones received before the cut-off. */
  private async sealMessages(trx: Kysely<Database>, maskedBefore: string, asOf: string): Promise<number> {
    const messages = await sql<{ id: string }>`
      select m.id from messages m
      where m.format = 'PNRGOV' and not exists (select 1 from sealed_messages s where s.message_id = m.id)
        and (
          (m.status = 'rejected' and m.received_at < ${maskedBefore}::date)
          or (exists (select 1 from reservation_versions v where v.message_id = m.id)
              and not exists (select 1 from reservation_versions v join reservations r on r.id = v.reservation_id
                              where v.message_id = m.id and r.masked_at is null))
        )`.execute(trx);
    for (const { id } of messages.rows) await sealMessage(trx, id, asOf);
    return messages.rows.length;
  }

  private async deleteOrphanMessages(trx: Kysely<Database>, deletedBefore: string): Promise<number> {
    const deleted = await sql<{ id: string }>`
      delete from messages m
      where m.format = 'PNRGOV'
        and not exists (select 1 from reservation_versions v where v.message_id = m.id)
        and (exists (select 1 from sealed_messages s where s.message_id = m.id and m.status <> 'rejected')
             or (m.status = 'rejected' and m.received_at < ${deletedBefore}::date))
      returning id`.execute(trx);
    return deleted.rows.length;
  }
}

/**
 * Depersonalises a reservation: each version sealed (readable only by unmasking, with a reason),
 * personal values replaced by the mask, its links and booked travellers' identities cleared.
 */
export async function maskReservation(trx: Kysely<Database>, id: string, at: string) {
  const versions = await trx
    .selectFrom('reservation_versions')
    .select(['version', 'data'])
    .where('reservation_id', '=', id)
    .execute();
  for (const version of versions) {
    await trx
      .insertInto('reservation_sealed')
      .values({ reservation_id: id, version: version.version, data: version.data })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable('reservation_versions')
      .set({ data: JSON.stringify(depersonalise(versionData(version.data))) })
      .where('reservation_id', '=', id)
      .where('version', '=', version.version)
      .execute();
  }
  await trx.updateTable('reservations').set({ masked_at: at, links: [] }).where('id', '=', id).execute();
  await trx
    .updateTable('reservation_travellers')
    .set({ surname: MASK, given_names: MASK, search_name: '', date_of_birth: null, document_number: null })
    .where('reservation_id', '=', id)
    .execute();
}

/** Replaces a raw PNR message's content by a notice, the original kept sealed. */
export async function sealMessage(trx: Kysely<Database>, id: string, asOf: string) {
  await sql`insert into sealed_messages (message_id, content, original, warnings)
    select id, content, original, warnings from messages where id = ${id}
    on conflict do nothing`.execute(trx);
  await trx
    .updateTable('messages')
    .set({ content: sealedNotice(asOf), original: null, warnings: JSON.stringify([]) })
    .where('id', '=', id)
    .execute();
}
