import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';
import { valueParsers } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The one handle to the database: a typed query builder plus a way to run whole SQL scripts. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Runs a script of several statements (migrations); no parameters. */
  execScript(sql: string): Promise<void>;
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

async function openPGlite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let location: string | undefined;
  if (dataDir && dataDir !== 'memory://') {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const parsers = Object.fromEntries(Object.entries(valueParsers).map(([oid, parse]) => [oid, parse]));
  const database = await PGlite.create({ ...(location ? { dataDir: location } : {}), parsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(database) });
  return {
    db,
    kind: 'pglite',
    execScript: async (script) => {
      await database.exec(script);
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(databaseUrl: string, max: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      valueParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text'),
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types });
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    execScript: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}
