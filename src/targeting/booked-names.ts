import type { Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import { PNR_WITHHELD, mayReadPnr, type PnrWithheld } from '../access/pnr-visibility.js';
import type { Database } from '../db/schema.js';

/** A traveller booked in a reservation, as a reservation hit names them. */
export interface BookedName {
  sequence: number;
  name: string;
  /** The API traveller the booking is linked to, when a passenger list reported them. */
  travellerId: string | null;
}

/**
 * The booked travellers of reservations, by reservation: who a reservation hit is about. Names in
 * a reservation are PNR data: a reader without PNR clearance gets the withheld marker.
 */
export async function bookedNames(
  db: Kysely<Database>,
  actor: Actor,
  reservationIds: readonly string[],
): Promise<Map<string, BookedName[] | PnrWithheld>> {
  const found = new Map<string, BookedName[] | PnrWithheld>();
  const ids = [...new Set(reservationIds)];
  if (ids.length === 0) return found;
  if (!mayReadPnr(actor)) {
    for (const id of ids) found.set(id, PNR_WITHHELD);
    return found;
  }
  const rows = await db
    .selectFrom('reservation_travellers')
    .select(['reservation_id', 'sequence', 'given_names', 'surname', 'traveller_id'])
    .where('reservation_id', 'in', ids)
    .orderBy('reservation_id')
    .orderBy('sequence')
    .execute();
  for (const id of ids) found.set(id, []);
  for (const row of rows)
    (found.get(row.reservation_id) as BookedName[]).push({
      sequence: row.sequence,
      name: `${row.given_names} ${row.surname}`.trim(),
      travellerId: row.traveller_id,
    });
  return found;
}
