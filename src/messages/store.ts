import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { PREPARED } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Issue, MessageListQuery, MessageSummary } from './model.js';
import { LISTED_IDS, storedAnswer, type StoredKind } from './stored.js';

type Executor = Kysely<Database> | Transaction<Database>;

const sortColumns = { receivedAt: 'received_at', filename: 'filename', status: 'status' } as const;

export interface NewMessage {
  sha256: string;
  format: string;
  status: 'parsed' | 'partial' | 'rejected';
  filename: string | null;
  received_by: string;
  unit_id: string | null;
  jurisdiction_code: string;
  size_bytes: number;
  content: string;
  /** The received bytes, when `content` does not reproduce them exactly. */
  original: Uint8Array | null;
  errors: Issue[];
  warnings: Issue[];
}

export class MessageStore {
  constructor(private readonly db: Kysely<Database>) {}

  // The three statements of every ingest are prepared (planned once per connection).
  findBySha256 = async (sha256: string) => {
    const result = await sql<{
      id: string;
      format: string;
      status: 'parsed' | 'partial' | 'rejected';
      errors: Issue[];
      warnings: Issue[];
      stored: StoredKind[];
      filename: string | null;
      jurisdiction_code: string;
    }>`${sql.raw(PREPARED)}
      select id, format, status, errors, warnings, stored, filename, jurisdiction_code
      from messages where sha256 = ${sha256}`.execute(this.db);
    return result.rows[0];
  };

  /** Inserts the message; undefined when the same bytes are already stored (a concurrent duplicate). */
  insert = async (executor: Executor, message: NewMessage) => {
    const result = await sql<{ id: string }>`${sql.raw(PREPARED)}
      insert into messages (sha256, format, status, filename, received_by, unit_id, jurisdiction_code, size_bytes,
        content, original, errors, warnings)
      values (${message.sha256}, ${message.format}, ${message.status}, ${message.filename}, ${message.received_by},
        ${message.unit_id}::uuid, ${message.jurisdiction_code}, ${message.size_bytes}, ${message.content},
        ${message.original}::bytea, ${JSON.stringify(message.errors)}::jsonb, ${JSON.stringify(message.warnings)}::jsonb)
      on conflict (sha256) do nothing
      returning id`.execute(executor);
    return result.rows[0];
  };

  /** Records what a parsed message stored, with the statements that go with it (`with` clauses of this one). */
  recordResult = (
    executor: Executor,
    id: string,
    stored: StoredKind[],
    alongside: RawBuilder<unknown>[] = [],
  ) =>
    sql`${sql.raw(PREPARED)}
      ${alongside.length > 0 ? sql`with ${sql.join(alongside.map((statement, i) => sql`${sql.raw(`alongside_${i}`)} as (${statement})`))}` : sql``}
      update messages set stored = ${JSON.stringify(stored)}::jsonb
      where id = ${id}`.execute(executor);

  private summaryQuery(jurisdictions: string[] | null) {
    let query = this.db
      .selectFrom('messages')
      .select(['id', 'filename', 'format', 'status', 'received_at', 'received_by', 'size_bytes', 'sha256'])
      .select((eb) => [
        // The kinds and their counts; ids only of the kinds the list shows (a passenger list's
        // travellers would be hundreds of ids a row).
        sql<StoredKind[]>`(select coalesce(jsonb_agg(case when e.entry ->> 'kind' = any(${LISTED_IDS}::text[])
            then e.entry else e.entry - 'ids' end order by e.n), '[]'::jsonb)
          from jsonb_array_elements(stored) with ordinality as e(entry, n))`.as('stored'),
        eb.fn<number>('jsonb_array_length', ['errors']).as('error_count'),
        eb.fn<number>('jsonb_array_length', ['warnings']).as('warning_count'),
      ]);
    if (jurisdictions) query = query.where('jurisdiction_code', 'in', jurisdictions);
    return query;
  }

  async list(query: MessageListQuery, jurisdictions: string[] | null) {
    let base = this.summaryQuery(jurisdictions);
    if (query.status) base = base.where('status', '=', query.status);
    if (query.format) base = base.where('format', '=', query.format.toUpperCase());
    const descending = query.sort.startsWith('-');
    const column = sortColumns[query.sort.replace('-', '') as keyof typeof sortColumns];
    const [rows, total] = await Promise.all([
      base
        .orderBy(column, descending ? 'desc' : 'asc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSummary), total: Number(total.n) };
  }

  async get(id: string, jurisdictions: string[] | null) {
    const row = await this.summaryQuery(jurisdictions)
      .select(['content', 'errors', 'warnings'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...toSummary(row),
      errors: row.errors as Issue[],
      warnings: row.warnings as Issue[],
      content: row.content,
    };
  }
}

function toSummary(row: {
  id: string;
  filename: string | null;
  format: string;
  status: 'parsed' | 'partial' | 'rejected';
  received_at: string;
  received_by: string;
  size_bytes: number;
  sha256: string;
  stored: StoredKind[];
  error_count: number;
  warning_count: number;
}): MessageSummary {
  return {
    id: row.id,
    filename: row.filename,
    format: row.format,
    status: row.status,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
    ...storedAnswer(row.stored),
  };
}
