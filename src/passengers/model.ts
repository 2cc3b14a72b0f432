import { z } from 'zod';
import type { Actor } from '../access/model.js';
import { issueSchema } from '../messages/model.js';
import { foldName } from './itinerary.js';

const searchedLetters = (name: string) => foldName(name).replace(/ /g, '').length;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** Hits of a record still open for the reader's agency, and closed positive (absent without hits:read). */
const hitCountFields = {
  openHits: z.number().optional(),
  positiveHits: z.number().optional(),
};

/** A hit as the page of its record shows it (targeting/record-hits.ts). */
export const recordHitSchema = z.object({
  id: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  source: z.enum(['rule', 'watchlist']),
  severity: z.string(),
  category: z.string(),
  subjectKind: z.enum(['traveller', 'reservation']),
  subjectName: z.unknown(),
  travellerId: z.string().nullable(),
  reservationId: z.string().nullable(),
  ruleName: z.string().nullable().optional(),
  listName: z.string().nullable().optional(),
  restrictedList: z.object({ contactUnit: z.string().nullable() }).optional(),
  stillMatching: z.boolean(),
  createdAt: z.string(),
});
export type RecordHitView = z.infer<typeof recordHitSchema>;

/**
 * The hits of records as the reader may see them: targeting's RecordHits, given when the services
 * are wired (passengers know no hit table). Undefined answers: the reader may not read hits.
 */
export interface RecordHitsReader {
  of(actor: Actor, kind: 'traveller' | 'reservation', id: string): Promise<RecordHitView[] | undefined>;
  counts(
    actor: Actor,
    kind: 'traveller' | 'reservation' | 'flight',
    ids: readonly string[],
  ): Promise<Map<string, { open: number; positive: number }> | undefined>;
}

/** Adds each record's open and positive hit counts, when the reader may read hits. */
export async function withHitCounts<T extends { id: string }>(
  hits: RecordHitsReader | undefined,
  actor: Actor,
  kind: 'traveller' | 'reservation' | 'flight',
  items: T[],
): Promise<(T & { openHits?: number; positiveHits?: number })[]> {
  const counts = await hits?.counts(
    actor,
    kind,
    items.map((item) => item.id),
  );
  if (!counts) return items;
  return items.map((item) => {
    const found = counts.get(item.id);
    return { ...item, openHits: found?.open ?? 0, positiveHits: found?.positive ?? 0 };
  });
}

export const flightSummarySchema = z.object({
  id: z.string(),
  carrier: z.string(),
  flightNumber: z.string(),
  departureAirport: z.string(),
  arrivalAirport: z.string(),
  scheduledDepartureLocal: z.string().nullable(),
  scheduledDepartureUtc: z.string().nullable(),
  scheduledArrivalLocal: z.string().nullable(),
  scheduledArrivalUtc: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound', 'other']),
  passengerCount: z.number(),
  crewCount: z.number(),
  ...hitCountFields,
});
export type FlightSummary = z.infer<typeof flightSummarySchema>;

export const travellerSummarySchema = z.object({
  id: z.string(),
  role: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  sex: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentType: z.string().nullable(),
  embarkation: z.string().nullable(),
  debarkation: z.string().nullable(),
  seat: z.string().nullable(),
  reservationReference: z.string().nullable(),
  warningCount: z.number(),
  ...hitCountFields,
});
export type TravellerSummary = z.infer<typeof travellerSummarySchema>;

export const travellerDetailSchema = travellerSummarySchema.extend({
  countryOfResidence: z.string().nullable(),
  placeOfBirth: z.string().nullable(),
  address: z.record(z.string(), z.string()).nullable(),
  documents: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      issuingState: z.string().nullable(),
      expiryDate: z.string().nullable(),
      issueDate: z.string().nullable(),
    }),
  ),
  bags: z
    .object({ count: z.number().nullable(), weightKg: z.number().nullable(), tags: z.array(z.string()) })
    .nullable(),
  references: z.record(z.string(), z.string()),
  warnings: z.array(issueSchema),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const flightListQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    airport: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter IATA airport code')
      .transform((s) => s.toUpperCase())
      .optional(),
    carrier: z
      .string()
      .regex(/^[A-Za-z0-9]{2,3}$/, 'must be a two- or three-character airline designator')
      .transform((s) => s.toUpperCase())
      .optional(),
    flightNumber: z.string().max(8).optional(),
    direction: z.enum(['inbound', 'outbound', 'other']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sort: z
      .enum([
        'departure',
        '-departure',
        'arrival',
        '-arrival',
        'carrier',
        '-carrier',
        'travellers',
        '-travellers',
      ])
      .default('-departure'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type FlightListQuery = z.infer<typeof flightListQuerySchema>;

export const travellerSearchSchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    dob: isoDate.optional(),
    document: z.string().trim().max(40).optional(),
    /** Booked travellers only (PNR data): a phone number, of which the last nine digits count. */
    phone: z
      .string()
      .trim()
      .max(40)
      .refine((phone) => phone.replace(/\D/g, '').length >= 7, 'must have at least 7 digits')
      .optional(),
    /** Booked travellers only (PNR data): an e-mail address. */
    email: z.string().trim().max(200).email('must be an e-mail address').optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  // Only letters and digits are searched (see foldName): "_%" alone must not become no filter at all.
  .refine((q) => !q.name || searchedLetters(q.name) > 0, {
    message: 'the name has no letter or digit to search for',
    path: ['name'],
  })
  .refine((q) => (q.name && searchedLetters(q.name) >= 2) || q.dob || q.document || q.phone || q.email, {
    message: 'give a name (two letters or more), a date of birth, a document number, a phone or an e-mail',
    path: ['name'],
  });
export type TravellerSearch = z.infer<typeof travellerSearchSchema>;
