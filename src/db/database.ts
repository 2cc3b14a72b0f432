import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDirectory, type DataDirectoryLock } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PREPARED, statementName } from './prepared.js';
import { pgliteModuleUrl, pgliteTemplate, pgliteTemplateBlob, runScript } from './pglite-template.js';
import type { Database } from './schema.js';
import { valueParsers } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one handle to the database: a typed query builder plus a way to run whole SQL scripts. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Runs a script of several statements (migrations); no parameters. */
  execScript(sql: string): Promise<void>;
  /**
   * Calls `onNotify` whenever another process notifies `channel` (LISTEN, on a connection of its
   * own that reconnects when lost). Only on a server: an embedded database has one process.
   */
  listen?(channel: string, onNotify: () => void): void;
  /**
   * Calls `onNotification` with the payload of every notification on `channel` (`pg_notify`,
   * delivered at the commit of the transaction that sent it), from every process on this database,
   * this one included; with `undefined` when the listening connection was opened again after a loss,
   * since what was sent meanwhile did not arrive. Resolves once this process listens. The event
   * bus (events.ts) is built on it.
   */
  notifications(channel: string, onNotification: (payload: string | undefined) => void): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL of a server; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or absent) keeps everything in memory. */
  dataDir?: string;
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPGlite(options.dataDir);
}

/**
 * PostgreSQL settings of the embedded database. PGlite runs PostgreSQL inside one WebAssembly
 * memory that grows and never shrinks, so its resident memory follows these: shared_buffers
 * (160 MB by default in PGlite) is the bulk of it. The pages PostgreSQL does not cache are
 * still in the operating system's file cache, which is not counted in the process.
 */
export const PGLITE_SETTINGS: readonly string[] = [
  'shared_buffers=16MB',
  'maintenance_work_mem=16MB',
  'temp_buffers=4MB',
  'work_mem=4MB',
];

function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])];
}

/**
 * Creates the PostgreSQL cluster of a new data directory in a short-lived child process, from the
 * template (pglite-template.ts) when there is one, else with initdb: either way the memory it
 * takes goes with the child, where opening an existing directory takes about 100 MB. Falls back
 * to creating it in this process if the child fails.
 */
async function initialiseDataDir(location: string): Promise<void> {
  if (existsSync(join(location, 'PG_VERSION'))) return;
  const template = await pgliteTemplate();
  const script = `import { readFileSync } from 'node:fs';
const { PGlite } = await import(${JSON.stringify(pgliteModuleUrl)});
const [dataDir, startParams, template] = process.argv.slice(1);
const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
const database = await PGlite.create({ dataDir, startParams: JSON.parse(startParams), loadDataDir });
await database.close();`;
  // Liftoff only: the cluster is made once, and this keeps the child's peak lower.
  const failure = await runScript(
    script,
    [location, JSON.stringify(pgliteStartParams()), ...(template ? [template] : [])],
    ['--liftoff-only'],
  );
  if (failure || !existsSync(join(location, 'PG_VERSION'))) {
    process.emitWarning(
      `creating the embedded database in a child process failed (${failure ?? 'no cluster made'}); creating it in this process`,
    );
    rmSync(location, { recursive: true, force: true });
    mkdirSync(location, { recursive: true });
  }
}

/**
 * Has V8 compile PGlite's PostgreSQL with its baseline WebAssembly compiler only (Liftoff), not
 * also with its optimising one: about 60 MB less resident memory for the embedded database, for
 * about a quarter more time in PostgreSQL. Process-wide and only for WebAssembly compiled after
 * the call: for a command that opens the embedded database once and cares about memory (ingest).
 */
export function useBaselineWasmCompiler(): void {
  v8.setFlagsFromString('--liftoff-only');
}

async function openPGlite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let location: string | undefined;
  let lock: DataDirectoryLock | undefined;
  if (dataDir && dataDir !== 'memory://') {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
    lock = lockDataDirectory(resolve(dataDir), resolve(dataDir, 'pglite.lock'));
  }
  try {
    return await openLockedPGlite(location, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openLockedPGlite(
  location: string | undefined,
  lock: DataDirectoryLock | undefined,
): Promise<DatabaseHandle> {
  if (location) await initialiseDataDir(location);
  const parsers = Object.fromEntries(Object.entries(valueParsers).map(([oid, parse]) => [oid, parse]));
  // An in-memory database (tests) is unpacked from the template too: faster than initdb.
  const loadDataDir = location ? undefined : await pgliteTemplateBlob();
  const database = await PGlite.create({
    ...(location ? { dataDir: location } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers,
    startParams: pgliteStartParams(),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(database) });
  const listening = new Map<string, ((payload: string | undefined) => void)[]>();
  database.onNotification((channel, payload) => {
    for (const onNotification of listening.get(channel) ?? []) onNotification(payload);
  });
  return {
    db,
    kind: 'pglite',
    execScript: async (script) => {
      await database.exec(script);
    },
    notifications: (channel, onNotification) => {
      checkChannelName(channel);
      const known = listening.get(channel);
      if (known) known.push(onNotification);
      else listening.set(channel, [onNotification]);
      // Through the dialect, so that it waits for a transaction in progress on the one connection.
      return db.executeQuery(CompiledQuery.raw(`listen ${channel}`)).then(() => undefined);
    },
    close: async () => {
      await db.destroy();
      lock?.release();
    },
  };
}

export { PREPARED } from './prepared.js';

/**
 * The pool as Kysely sees it, whose connections prepare statements that start with PREPARED:
 * the server parses and plans them once per connection, not at each execution (a few hot ingest
 * statements spend as long being planned as being run). The name comes from the text, so two
 * texts never share one; any other statement goes as before.
 */
function preparingPool(pool: pg.Pool) {
  const prepared = new WeakSet<pg.PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (prepared.has(client)) return client;
      prepared.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      const wrapped = (...args: unknown[]) => {
        const [text, values] = args;
        if (typeof text === 'string' && text.startsWith(PREPARED))
          return query({ name: statementName(text), text, values });
        return query(...args);
      };
      (client as unknown as { query: typeof wrapped }).query = wrapped;
      return client;
    },
    end: () => pool.end(),
  };
}

async function openPostgres(databaseUrl: string, max: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      valueParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text'),
  };
  // No JIT compilation: the application's statements are short, and while ingest grows the tables
  // faster than their statistics, inflated cost estimates had the server compile the screening
  // queries at each run (252 ms instead of 14 ms for the traveller loader). Set per connection, so
  // the server's own configuration needs no change.
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types, options: '-c jit=off' });
  // An idle connection dropped by the server (restart, failover) must not bring the process down:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => {
    process.emitWarning(`database connection lost: ${error.message}`);
  });
  // Fail at start-up, naming the server, rather than on the first request.
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to the database in DATABASE_URL: ${error.message}`);
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const listeners = new Listeners(databaseUrl);
  return {
    db,
    kind: 'postgres',
    execScript: async (script) => {
      await pool.query(script);
    },
    listen: (channel, onNotify) => void listeners.add(channel, () => onNotify()),
    notifications: (channel, onNotification) => listeners.add(channel, onNotification),
    close: async () => {
      await listeners.close();
      await db.destroy();
    },
  };
}

function checkChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
}

/**
 * One connection that LISTENs on every channel asked for, opened again a second after it is lost;
 * every callback is then called without a payload (what was sent meanwhile did not arrive).
 */
class Listeners {
  private client: pg.Client | undefined;
  private readonly channels = new Map<string, ((payload: string | undefined) => void)[]>();
  private closed = false;
  /** A connection was lost: the next one tells every callback so. */
  private lost = false;
  private retry: NodeJS.Timeout | undefined;
  /** Channels added while no connection was open, told when the next one listens. */
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly databaseUrl: string) {}

  /** Resolves once the channel is listened to (or the connection failed: it is tried again). */
  add(channel: string, onNotify: (payload: string | undefined) => void): Promise<void> {
    checkChannelName(channel);
    const known = this.channels.get(channel);
    if (known) known.push(onNotify);
    else this.channels.set(channel, [onNotify]);
    // A connection being opened runs the query once it is open.
    if (this.client)
      return this.client.query(`listen ${channel}`).then(
        () => undefined,
        () => undefined,
      );
    if (!this.retry) this.connect();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private connect(): void {
    this.retry = undefined;
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.lost = true;
      client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => this.connect(), 1_000);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (notification) => {
      for (const onNotify of this.channels.get(notification.channel) ?? []) onNotify(notification.payload);
    });
    this.client = client;
    client
      .connect()
      .then(async () => {
        for (const channel of this.channels.keys()) await client.query(`listen ${channel}`);
        // Work may have been queued, and events sent, while no one listened.
        if (this.lost)
          for (const callbacks of this.channels.values())
            for (const onNotify of callbacks) onNotify(undefined);
        for (const resolve of this.waiting.splice(0)) resolve();
      })
      .catch(lost);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    for (const resolve of this.waiting.splice(0)) resolve();
    await client?.end().catch(() => undefined);
  }
}
