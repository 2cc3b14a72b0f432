import { createRequire } from 'node:module';
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { PREPARED, statementName } from './prepared.js';

/** Parameters as node-postgres sends them to a server (text, arrays and JSON written out), so that both drivers agree. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => string | Uint8Array | null;
};
const { serialize } = protocol;

/**
 * Kysely dialect over embedded PGlite. PGlite has a single connection, so connections are handed out
 * one at a time: a transaction holds the connection until it commits, and other queries wait.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly database: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.database);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(private readonly database: PGlite) {
    this.connection = new PGliteConnection(database);
  }

  async init(): Promise<void> {
    await this.database.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    if (!this.database.closed) await this.database.close();
  }
}

/**
 * One statement is one call into PGlite: Parse (left out when the statement is prepared already),
 * Bind, Describe, Execute and Sync go in together, where `PGlite.query` makes six calls and has the
 * server parse the text twice (once to learn the parameter types). Parameters go as text with
 * their types left to the server, as node-postgres sends them to a server. A statement marked
 * PREPARED is parsed and planned once and kept under its name, as the server driver does.
 */
class PGliteConnection implements DatabaseConnection {
  release?: () => void;
  private readonly prepared = new Set<string>();
  constructor(private readonly database: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const text = compiledQuery.sql;
    const name = text.startsWith(PREPARED) ? statementName(text) : '';
    const parseToo = name === '' || !this.prepared.has(name);
    // Each message copied as it is made: the serialiser may reuse its buffer.
    const parts = [
      ...(parseToo ? [new Uint8Array(serialize.parse({ name, text }))] : []),
      new Uint8Array(serialize.bind({ statement: name, values: compiledQuery.parameters.map(prepareValue) })),
      new Uint8Array(serialize.describe({ type: 'P' })),
      new Uint8Array(serialize.execute({})),
      new Uint8Array(serialize.sync()),
    ];
    const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      message.set(part, offset);
      offset += part.length;
    }
    const database = this.database;
    const { messages } = await database.runExclusive(async () => {
      const result = await database.execProtocol(message, { throwOnError: false, syncToFs: false });
      if (!database.isInTransaction()) await database.syncToFs();
      return result;
    });
    // A statement parsed before its Bind failed is kept by the server all the same.
    if (name && parseToo && messages.some((m) => m.name === 'parseComplete')) this.prepared.add(name);
    const error = messages.find((m) => m.name === 'error');
    if (error) throw error;
    const [result] = parse.parseResults(messages, database.parsers);
    const affected = result?.affectedRows;
    return {
      rows: (result?.rows ?? []) as R[],
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database');
  }
}
