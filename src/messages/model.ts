import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import type { StoredGroup } from './stored.js';

export type { StoredGroup } from './stored.js';

export const issueSchema = z.object({
  segment: z.number(),
  line: z.number(),
  column: z.number(),
  tag: z.string().optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

/** The fields every message answer carries about what the message stored (see stored.ts). */
const storedFields = {
  flights: z
    .array(z.string())
    .describe("Ids of the flights the message reported (the 'flight' records it stored)"),
  travellers: z
    .number()
    .describe('Travellers the message named: on a passenger list, or booked in its reservations'),
  stored: z
    .array(
      z.object({
        kind: z.string().describe("The kind of record: 'flight', 'traveller', 'reservation' ..."),
        count: z.number().int().min(1).describe('How many the message wrote (added or updated)'),
      }),
    )
    .describe('What the message stored, by kind of record, for every format; empty when nothing was'),
};

export const messageResultSchema = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  format: z.string(),
  status: z.enum(['parsed', 'partial', 'rejected', 'duplicate']),
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  ...storedFields,
});
export type MessageResult = z.infer<typeof messageResultSchema>;

export const messageSummarySchema = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  format: z.string(),
  status: z.enum(['parsed', 'partial', 'rejected']),
  receivedAt: z.string(),
  receivedBy: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  errorCount: z.number(),
  warningCount: z.number(),
  ...storedFields,
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const messageDetailSchema = messageSummarySchema.extend({
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  /**
   * The text as received; for a message of a restricted format and a reader it is not for, the
   * format's withheld marker ({ withheld: 'pnr' } for PNR data).
   */
  content: z.union([
    z.string(),
    z.object({ withheld: z.string().describe("Why the text is withheld: 'pnr' for PNR data") }),
  ]),
});

export const messageListQuerySchema = z.object({
  status: z.enum(['parsed', 'partial', 'rejected']).optional(),
  format: z.string().max(20).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z
    .enum(['receivedAt', '-receivedAt', 'filename', '-filename', 'status', '-status'])
    .default('-receivedAt'),
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

export interface StoreContext {
  trx: Transaction<Database> | Kysely<Database>;
  messageId: string;
  jurisdictionCode: string;
}

/**
 * One message format the ingest pipeline understands: a pure parser and the code that stores what it
 * read. Passengers (PAXLST, PNRGOV) and cargo register their own; the pipeline knows none of them.
 */
export interface FormatHandler<Parsed = unknown> {
  format: string;
  /** `partial`: cut off, but what was read is stored (the message is marked so the sender is asked again). */
  parse(text: string): { errors: Issue[]; warnings: Issue[]; parsed: Parsed; partial?: boolean };
  /**
   * Stores what `parse` read, inside the message's transaction, and says what it stored: the ids
   * of the records written, by kind ('flight', 'traveller', 'reservation', 'consignment' ...).
   */
  store(parsed: Parsed, context: StoreContext): Promise<StoredGroup[]>;
  /**
   * For a format whose text not every reader of messages may see (PNR data): who may, what the
   * others are shown instead of the text, and what instead of what its issues quote of it.
   */
  restricted?: {
    mayRead(actor: Actor): boolean;
    withheld: { withheld: string };
    withheldIssue: string;
  };
}
