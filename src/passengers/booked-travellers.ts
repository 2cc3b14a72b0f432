/**
 * Travellers booked in reservations and reported on no passenger list: found by the travellers
 * search of PNR-cleared roles (a booked name, a document, a phone or an e-mail is PNR data), by
 * name in any script.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import type { TravellerSearch } from './model.js';
import { nameMatches } from './name-search.js';

export const bookedTravellerSchema = z.object({
  reservationId: z.string(),
  sequence: z.number(),
  surname: z.string(),
  givenNames: z.string(),
  dateOfBirth: z.string().nullable(),
  documentNumber: z.string().nullable(),
  recordLocator: z.string(),
  owningCarrier: z.string(),
  firstDepartureLocal: z.string().nullable(),
  openHits: z.number().optional(),
  positiveHits: z.number().optional(),
});
export type BookedTraveller = z.infer<typeof bookedTravellerSchema>;

const LIMIT = 200;

/** The last nine digits, as reservation links keep phone numbers (reservation-store.ts). */
export const phoneLink = (phone: string) => `phone:${phone.replace(/\D/g, '').slice(-9)}`;
export const emailLink = (email: string) => `email:${email.trim().toLowerCase()}`;

export async function searchBookedTravellers(
  db: Kysely<Database>,
  search: TravellerSearch,
  jurisdictions: string[] | null,
): Promise<BookedTraveller[]> {
  let query = db
    .selectFrom('reservation_travellers as rt')
    .innerJoin('reservations as r', 'r.id', 'rt.reservation_id')
    .select([
      'rt.reservation_id',
      'rt.sequence',
      'rt.surname',
      'rt.given_names',
      'rt.date_of_birth',
      'rt.document_number',
      'r.record_locator',
      'r.owning_carrier',
      'r.first_departure_local',
    ])
    .where('rt.traveller_id', 'is', null)
    // A depersonalised reservation has no names left to find.
    .where('r.masked_at', 'is', null);
  if (jurisdictions) query = query.where('r.jurisdiction_code', 'in', jurisdictions);
  if (search.name)
    for (const match of nameMatches(sql.ref('rt.search_name'), search.name)) query = query.where(match);
  if (search.dob) query = query.where('rt.date_of_birth', '=', search.dob);
  if (search.document) query = query.where('rt.document_number', '=', search.document.toUpperCase());
  if (search.phone) query = query.where(sql<boolean>`r.links @> array[${phoneLink(search.phone)}]::text[]`);
  if (search.email) query = query.where(sql<boolean>`r.links @> array[${emailLink(search.email)}]::text[]`);
  const rows = await query
    .orderBy('rt.search_name')
    .orderBy('rt.reservation_id')
    .orderBy('rt.sequence')
    .limit(LIMIT)
    .execute();
  return rows.map((row) => ({
    reservationId: row.reservation_id,
    sequence: row.sequence,
    surname: row.surname,
    givenNames: row.given_names,
    dateOfBirth: row.date_of_birth,
    documentNumber: row.document_number,
    recordLocator: row.record_locator,
    owningCarrier: row.owning_carrier,
    firstDepartureLocal: row.first_departure_local,
  }));
}
