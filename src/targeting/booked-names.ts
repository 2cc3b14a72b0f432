import type { Actor } from '../access/model.js';
import { PNR_WITHHELD, mayReadPnr, type PnrWithheld } from '../access/pnr-visibility.js';
import type { SubjectProviders } from './subject-provider.js';

/** A traveller booked in a reservation, as a reservation hit names them. */
export interface BookedName {
  sequence: number;
  name: string;
  /** The API traveller the booking is linked to, when a passenger list reported them. */
  travellerId: string | null;
}

/**
 * The members of records (the booked travellers of reservations), by record: who a hit on the
 * record is about; undefined for a kind of record without members. Names in a reservation are PNR
 * data: a reader without PNR clearance gets the withheld marker.
 */
export async function bookedNames(
  subjects: SubjectProviders,
  actor: Actor,
  kind: string,
  ids: readonly string[],
): Promise<Map<string, BookedName[] | PnrWithheld> | undefined> {
  const provider = subjects.find(kind);
  if (!provider?.memberNames) return undefined;
  const found = new Map<string, BookedName[] | PnrWithheld>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return found;
  if (!mayReadPnr(actor)) {
    for (const id of unique) found.set(id, PNR_WITHHELD);
    return found;
  }
  for (const [id, members] of await provider.memberNames(unique))
    found.set(
      id,
      members.map((member) => ({
        sequence: member.sequence,
        name: member.name,
        travellerId: member.linkedId,
      })),
    );
  return found;
}
