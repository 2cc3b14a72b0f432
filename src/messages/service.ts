import { createHash } from 'node:crypto';
import type { Kysely, RawBuilder } from 'kysely';
import type { Actor } from '../access/model.js';
import { visibleJurisdictions } from '../access/model.js';
import { requirePermission } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { invalid, notFound } from '../errors.js';
import { decodeMessage, detectFormat, nulIssue, unrecognisedFormat } from './decode.js';
import { messageListQuerySchema, type FormatHandler, type Issue, type MessageResult } from './model.js';
import { messageStatus } from './status.js';
import { storedAnswer, storedKinds, type StoredKind } from './stored.js';
import { MessageStore } from './store.js';

/** A data-modifying statement (insert, update, delete) to run with a parsed message's result. */
export type StoredHook = (messageId: string) => RawBuilder<unknown>;

export interface IncomingMessage {
  filename: string | null;
  bytes: Uint8Array;
}

/** What one multipart upload may hold (UPLOAD_MAX_FILES, UPLOAD_MAX_TOTAL_MB, MAX_MESSAGE_MB). */
export interface UploadLimits {
  maxFiles: number;
  maxTotalBytes: number;
  maxFileBytes: number;
}

const defaultUploadLimits: UploadLimits = {
  maxFiles: 50,
  maxTotalBytes: 100 * 1024 * 1024,
  maxFileBytes: 50 * 1024 * 1024,
};

/** Receives messages of every format: keeps each one exactly once, parses it, stores what it carries. */
export class MessageService {
  readonly store: MessageStore;
  readonly uploadLimits: UploadLimits;
  private readonly handlers = new Map<string, FormatHandler>();

  constructor(
    private readonly db: Kysely<Database>,
    options: { upload?: Partial<UploadLimits> } = {},
  ) {
    this.store = new MessageStore(db);
    this.uploadLimits = { ...defaultUploadLimits, ...options.upload };
  }

  private readonly storedHooks: StoredHook[] = [];
  private admission: () => Promise<unknown> = async () => undefined;

  /** What a message waits for before it is taken in (screening keeping pace: targeting/admission.ts). */
  admitWith(admission: () => Promise<unknown>): void {
    this.admission = admission;
  }
  private readonly committedListeners: ((messageId: string) => void)[] = [];

  /**
   * Work that belongs to a parsed message's transaction (queueing its screening), and what to do
   * once it is committed (waking the screening worker). The work is one data-modifying statement,
   * run in the same statement as the message's result is recorded: no round trip of its own.
   */
  onStored(hook: StoredHook, committed?: (messageId: string) => void): void {
    this.storedHooks.push(hook);
    if (committed) this.committedListeners.push(committed);
  }

  register<Parsed>(handler: FormatHandler<Parsed>): void {
    this.handlers.set(handler.format, handler as FormatHandler);
  }

  get supportedFormats(): string[] {
    return [...this.handlers.keys()];
  }

  async ingest(actor: Actor, message: IncomingMessage): Promise<MessageResult> {
    requirePermission(actor, 'messages:upload');
    if (message.bytes.length === 0) throw invalid(`${message.filename ?? 'The message'} is empty`);
    await this.admission();
    // The same bytes stored already are found by the insert below, not looked for first: a
    // duplicate is parsed for nothing, which costs less than a query before every message.
    const sha256 = createHash('sha256').update(message.bytes).digest('hex');
    const { text, exact, nul } = decodeMessage(message.bytes);
    const format = detectFormat(text);
    const handler = this.handlers.get(format);
    let errors: Issue[];
    let warnings: Issue[] = [];
    let parsed: unknown;
    let partial: boolean | undefined;
    if (nul) {
      errors = [nulIssue(nul)];
    } else if (!handler) {
      errors = [unrecognisedFormat(format, this.supportedFormats)];
    } else {
      try {
        ({ errors, warnings, parsed, partial } = handler.parse(text));
      } catch (error) {
        // A parser bug must not lose the message: keep it, rejected, with the reason.
        errors = [
          {
            segment: 0,
            line: 0,
            column: 0,
            message: `The message could not be read: ${(error as Error).message}`,
          },
        ];
      }
    }
    const status = messageStatus({ errors, partial });
    const row = {
      sha256,
      format: handler ? format : format === 'unknown' ? 'unknown' : format,
      status,
      filename: message.filename,
      received_by: actor.name,
      unit_id: actor.unitId,
      jurisdiction_code: actor.jurisdictionCode,
      size_bytes: message.bytes.length,
      content: text,
      original: exact ? null : message.bytes,
      errors,
      warnings,
    } as const;

    const outcome = await this.db.transaction().execute(async (trx) => {
      const inserted = await this.store.insert(trx, row);
      if (!inserted) return undefined;
      if (status === 'rejected' || !handler) return { id: inserted.id, stored: [] };
      const stored = storedKinds(
        await handler.store(parsed, {
          trx,
          messageId: inserted.id,
          jurisdictionCode: actor.jurisdictionCode,
        }),
      );
      await this.store.recordResult(
        trx,
        inserted.id,
        stored,
        this.storedHooks.map((hook) => hook(inserted.id)),
      );
      return { id: inserted.id, stored };
    });
    if (outcome && status !== 'rejected')
      for (const listener of this.committedListeners) listener(outcome.id);
    if (!outcome) {
      const raced = (await this.store.findBySha256(sha256))!;
      // Another jurisdiction's message, and what it stored, are not the sender's to know.
      if (raced.jurisdiction_code !== actor.jurisdictionCode)
        return foreignDuplicateResult(message.filename, row.format);
      return duplicateResult(raced, message.filename);
    }
    return {
      id: outcome.id,
      filename: message.filename,
      format: row.format,
      status,
      errors,
      warnings,
      ...storedAnswer(outcome.stored),
    };
  }

  async list(actor: Actor, rawQuery: unknown) {
    requirePermission(actor, 'messages:read');
    const parsed = messageListQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalid('The message filter is not valid', parsed.error.issues);
    const { items, total } = await this.store.list(parsed.data, visibleJurisdictions(actor));
    return { items, total, page: parsed.data.page, pageSize: parsed.data.pageSize };
  }

  async get(actor: Actor, id: string) {
    requirePermission(actor, 'messages:read');
    const message = await this.store.get(id, visibleJurisdictions(actor));
    if (!message) throw notFound('Message', id);
    const restricted = this.handlers.get(message.format)?.restricted;
    if (!restricted || restricted.mayRead(actor)) return message;
    // The text, and what its issues quote of it, are withheld; where the issues are stays.
    const withheldIssue = (issue: Issue): Issue => ({ ...issue, message: restricted.withheldIssue });
    return {
      ...message,
      content: restricted.withheld,
      errors: message.errors.map(withheldIssue),
      warnings: message.warnings.map(withheldIssue),
    };
  }
}

/** A duplicate of a message another jurisdiction received: only that it is one. */
function foreignDuplicateResult(filename: string | null, format: string): MessageResult {
  return {
    id: '',
    filename,
    format,
    status: 'duplicate',
    errors: [],
    warnings: [],
    ...storedAnswer([]),
  };
}

function duplicateResult(
  existing: {
    id: string;
    format: string;
    errors: unknown;
    warnings: unknown;
    stored: StoredKind[];
  },
  filename: string | null,
): MessageResult {
  return {
    id: existing.id,
    filename,
    format: existing.format,
    status: 'duplicate',
    errors: existing.errors as Issue[],
    warnings: existing.warnings as Issue[],
    ...storedAnswer(existing.stored),
  };
}
