import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrate, type Migration } from '../src/db/migrator.js';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  /** With `migrations`, only those are applied (a database as an older version left it). */
  create(migrations?: Migration[]): Promise<DatabaseHandle>;
}

/** A fresh in-memory PGlite database, migrated. */
async function createPGliteDatabase(migrations?: Migration[]): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await migrate(handle, migrations);
  return handle;
}

/** A fresh database on the PostgreSQL server of TEST_DATABASE_URL, migrated and dropped on close. */
async function createPostgresDatabase(migrations?: Migration[]): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `interdict_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
  await migrate(handle, migrations);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Store suites run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const databaseTargets: TestDatabaseTarget[] = [
  { name: 'pglite', create: createPGliteDatabase },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, create: createPostgresDatabase }] : []),
];
