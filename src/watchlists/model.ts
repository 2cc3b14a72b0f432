import { z } from 'zod';

export const watchlistKinds = ['person', 'organisation', 'document'] as const;
export type WatchlistKind = (typeof watchlistKinds)[number];
export const watchlistSources = ['un-sc', 'national', 'international', 'manual'] as const;
export const watchlistSharing = ['unit', 'jurisdiction', 'all'] as const;
export const severities = ['low', 'medium', 'high', 'critical'] as const;

/** A watchlist entry as importers produce it and the store keeps it. */
export interface WatchlistEntryInput {
  /** The source's own identifier (UN DATAID, a CSV id column): how a re-import recognises the entry. */
  externalId: string;
  kind: WatchlistKind;
  primaryName: string;
  aliases: { name: string; quality: string | null }[];
  /** Names in their original script (Arabic, Cyrillic ...). */
  originalScriptNames: string[];
  /** "YYYY-MM-DD", or "YYYY" when only the year is known; a range gives every year of it. */
  datesOfBirth: string[];
  placesOfBirth: string[];
  /** As the source writes them (country names or ISO codes). */
  nationalities: string[];
  sex: 'M' | 'F' | null;
  documents: { type: string | null; number: string; issuingState: string | null; note: string | null }[];
  reason: string | null;
  category: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical';
  validFrom: string | null;
  validTo: string | null;
  sourceReference: string | null;
}

export interface ImportIssue {
  /** Where: a line of a CSV file, or the entry of an XML list. */
  where: string;
  message: string;
}

export interface ParsedList {
  /** When the source says it was produced (UN: dateGenerated). */
  generatedAt: string | null;
  entries: WatchlistEntryInput[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const shortText = (max: number) => z.string().trim().max(max);

export const createWatchlistSchema = z.object({
  name: z.string().trim().min(3, 'give the list a name of at least 3 characters').max(200),
  kind: z.enum(watchlistKinds),
  source: z.enum(watchlistSources).exclude(['un-sc']).default('manual'),
  description: shortText(4000).default(''),
  sharing: z.enum(watchlistSharing).default('jurisdiction'),
  /** A unit-only list: other units of the jurisdiction see "restricted list, contact unit X" when it matches. */
  notifyOtherUnits: z.boolean().default(false),
});
export type CreateWatchlistInput = z.infer<typeof createWatchlistSchema>;

export const updateWatchlistSchema = z.object({
  name: z.string().trim().min(3).max(200).optional(),
  description: shortText(4000).optional(),
  sharing: z.enum(watchlistSharing).optional(),
  notifyOtherUnits: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type UpdateWatchlistInput = z.infer<typeof updateWatchlistSchema>;

export const watchlistListQuerySchema = z.object({
  kind: z.enum(watchlistKinds).optional(),
  source: z.enum(watchlistSources).optional(),
  q: shortText(200).optional(),
  includeInactive: z.stringbool().default(false),
});

export const entryListQuerySchema = z.object({
  q: shortText(200).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  category: shortText(100).optional(),
  severity: z.enum(severities).optional(),
  sort: z.enum(['name', '-name', 'updated', '-updated', 'severity', '-severity']).default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;

const dateOfBirth = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'must be YYYY-MM-DD or YYYY');

/** An entry typed in by a user (manual lists), or edited. */
export const entryInputSchema = z
  .object({
    externalId: shortText(200).min(1).optional(),
    primaryName: z.string().trim().min(1, 'the primary name is empty').max(500),
    aliases: z.array(z.string().trim().min(1).max(500)).max(200).default([]),
    originalScriptNames: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    datesOfBirth: z.array(dateOfBirth).max(50).default([]),
    placesOfBirth: z.array(shortText(300).min(1)).max(20).default([]),
    nationalities: z.array(shortText(100).min(1)).max(20).default([]),
    sex: z.enum(['M', 'F']).nullable().default(null),
    documents: z
      .array(
        z.object({
          type: shortText(50).nullable().default(null),
          number: z.string().trim().min(1, 'the document number is empty').max(100),
          issuingState: shortText(100).nullable().default(null),
          note: shortText(500).nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
    reason: shortText(4000).nullable().default(null),
    category: shortText(100).nullable().default(null),
    severity: z.enum(severities).default('medium'),
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
    sourceReference: shortText(500).nullable().default(null),
  })
  .refine((entry) => !entry.validFrom || !entry.validTo || entry.validFrom <= entry.validTo, {
    message: 'valid to is before valid from',
    path: ['validTo'],
  });
export type EntryInput = z.infer<typeof entryInputSchema>;

export const importQuerySchema = z.object({
  preview: z.stringbool().default(false),
});

export const screenPersonSchema = z.object({
  name: z.string().trim().min(1, 'give a name').max(500),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  nationality: shortText(100).optional(),
  sex: z.enum(['M', 'F', 'male', 'female']).optional(),
  documents: z
    .array(
      z.object({
        type: shortText(50).optional(),
        number: z.string().trim().min(1).max(100),
        issuingState: shortText(100).optional(),
      }),
    )
    .max(20)
    .optional(),
  threshold: z.number().min(0.5).max(1).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ScreenPersonInput = z.infer<typeof screenPersonSchema>;

export const screenOrganisationSchema = z.object({
  name: z.string().trim().min(1, 'give a name').max(500),
  threshold: z.number().min(0.5).max(1).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ScreenOrganisationInput = z.infer<typeof screenOrganisationSchema>;
