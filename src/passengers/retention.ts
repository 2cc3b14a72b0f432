import { sql, type Kysely } from 'kysely';
import type { AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { depersonalise, MASK } from './reservation-privacy.js';
import { versionData } from './reservation-store.js';

export interface RetentionPolicy {
  maskAfterMonths: number;
  deleteAfterYears: number;
}

export interface RetentionResult {
  asOf: string;
  maskedBefore: string;
  deletedBefore: string;
  masked: string[];
  deleted: string[];
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
  ) {}

  async run(asOfDate: Date, actorName = 'system (retention)'): Promise<RetentionResult> {
    const asOf = isoDate(asOfDate);
    const maskedBefore = isoDate(monthsBefore(asOfDate, this.policy.maskAfterMonths));
    const deletedBefore = isoDate(monthsBefore(asOfDate, this.policy.deleteAfterYears * 12));
    const result = await this.db.transaction().execute(async (trx) => {
      const toMask = await trx
        .selectFrom('reservations')
        .select(['id', 'version'])
        .where('masked_at', 'is', null)
        .where('last_flight_date', '<', maskedBefore)
        .execute();
      for (const reservation of toMask) await this.mask(trx, reservation.id, asOfDate.toISOString());
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
      return {
        asOf,
        maskedBefore,
        deletedBefore,
        masked: toMask.map((r) => r.id),
        deleted: deleted.map((r) => r.id),
        held: Number(held.n),
        messagesSealed: sealed,
        messagesDeleted,
      };
    });
    await this.access.audit({
      actorId: null,
      actorName,
      action: 'retention.run',
      entity: 'reservation',
      details: { ...result },
    });
    return result;
  }

  private async mask(trx: Kysely<Database>, id: string, at: string) {
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
    for (const { id } of messages.rows) {
      await sql`insert into sealed_messages (message_id, content, original, warnings) select id, content, original, warnings from messages where id = ${id}`.execute(
        trx,
      );
      await trx
        .updateTable('messages')
        .set({ content: sealedNotice(asOf), original: null, warnings: JSON.stringify([]) })
        .where('id', '=', id)
        .execute();
    }
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
