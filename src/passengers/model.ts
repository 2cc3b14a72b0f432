import { z } from 'zod';
import { issueSchema } from '../messages/model.js';
import { foldName } from './itinerary.js';

const searchedLetters = (name: string) => foldName(name).replace(/ /g, '').length;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

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
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  // Only letters and digits are searched (see foldName): "_%" alone must not become no filter at all.
  .refine((q) => !q.name || searchedLetters(q.name) > 0, {
    message: 'the name has no letter or digit to search for',
    path: ['name'],
  })
  .refine((q) => (q.name && searchedLetters(q.name) >= 2) || q.dob || q.document, {
    message: 'give a name (two letters or more), a date of birth or a document number',
    path: ['name'],
  });
export type TravellerSearch = z.infer<typeof travellerSearchSchema>;
