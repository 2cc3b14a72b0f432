import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

const migrationsFolder = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(folder = migrationsFolder): Migration[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(`${folder}/${file}`, 'utf8') }));
}

/**
 * Applies the migrations not applied yet, each in its own transaction, in name order. Several
 * processes starting at once on one server take turns through an advisory lock held on one connection.
 */
export async function migrate(handle: DatabaseHandle, migrations = listMigrations()): Promise<string[]> {
  const bootstrap =
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())';
  if (handle.kind === 'pglite') {
    await handle.execScript(bootstrap);
    return applyPending(migrations, (script) => handle.execScript(script), handle.db);
  }
  return handle.db.connection().execute(async (connection) => {
    // Without parameters node-postgres uses the simple protocol, which runs several statements.
    const run = async (script: string) => {
      await sql.raw(script).execute(connection);
    };
    const lockKey = 7_340_215_001;
    await sql`select pg_advisory_lock(${lockKey})`.execute(connection);
    try {
      await run(bootstrap);
      return await applyPending(migrations, run, connection);
    } finally {
      await sql`select pg_advisory_unlock(${lockKey})`.execute(connection);
    }
  });
}

async function applyPending(
  migrations: Migration[],
  run: (script: string) => Promise<void>,
  db: Kysely<Database>,
): Promise<string[]> {
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((row) => row.name),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    const quotedName = migration.name.replace(/'/g, "''");
    await run(
      `begin;\n${migration.sql}\n;insert into schema_migrations (name) values ('${quotedName}');\ncommit;`,
    );
    done.push(migration.name);
  }
  return done;
}
