import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { listMigrations, migrate } from '../db/migrator.js';
import type { Database } from '../db/schema.js';
import { appendAudit, auditHash, GENESIS_HASH, type HashedFields } from './audit.js';
import { auditKeyFromSecret } from './audit-key.js';
import { verifyAuditLog } from './audit-verify.js';

const key = auditKeyFromSecret('the installation key, kept away from the database', 'test');
const KEYED_CHAIN_MIGRATION = '20261205_0014_audit_chain_keyed';

/** A database as it was before the audit chain had a key (migrations up to the keyed chain's). */
async function openBeforeKeyedChain(target: 'pglite' | 'postgres'): Promise<DatabaseHandle> {
  const before = listMigrations().filter((migration) => migration.name < KEYED_CHAIN_MIGRATION);
  if (target === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrate(handle, before);
    return handle;
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `interdict_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
  await migrate(handle, before);
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

/** Writes entries the way the log did before it had a key: plain SHA-256 links. */
async function appendPlainEntries(db: Kysely<Database>, count: number) {
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= count; sequence++) {
    const fields: HashedFields = {
      sequence,
      at: new Date(Date.UTC(2026, 0, sequence)).toISOString(),
      actor_id: null,
      actor_name: 'ana',
      action: 'traveller.read',
      entity: 'traveller',
      entity_id: `t${sequence}`,
      reason: null,
      details: {},
    };
    const hash = auditHash(previousHash, fields);
    await db
      .insertInto('audit_log')
      .values({ ...fields, details: '{}', previous_hash: previousHash, hash })
      .execute();
    previousHash = hash;
  }
}

const targets = ['pglite' as const, ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])];

describe.each(targets)('an audit log from before the key, on %s', (target) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('keeps its plain entries verifiable, reported as such, and protected by the first keyed entry', async () => {
    handle = await openBeforeKeyedChain(target);
    const { db } = handle;
    await appendPlainEntries(db, 3);
    await migrate(handle);
    await appendAudit(db, { actorId: null, actorName: 'ana', action: 'auth.login', entity: 'user' }, key);
    await appendAudit(db, { actorId: null, actorName: 'ana', action: 'auth.logout', entity: 'user' }, key);

    const verified = await verifyAuditLog(db, { key });
    expect(verified).toMatchObject({
      ok: true,
      entries: 5,
      keyedFrom: 4,
      plainHashEntries: 3,
      recordedKeyFingerprint: key.fingerprint,
    });

    // Plain entries can be recomputed by anyone, but not the keyed entry that follows them.
    await sql`alter table audit_log disable trigger all`.execute(db);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('sequence').execute();
    let previousHash = rows[0]!.hash;
    for (const row of rows.slice(1, 3)) {
      const { hash: _hash, previous_hash: _previous, ...fields } = row;
      const changed: HashedFields = { ...fields, actor_name: 'someone else' };
      const hash = auditHash(previousHash, changed);
      await sql`update audit_log set actor_name = 'someone else', previous_hash = ${previousHash}, hash = ${hash}
                where sequence = ${row.sequence}`.execute(db);
      previousHash = hash;
    }
    await sql`update audit_log set previous_hash = ${previousHash} where sequence = 4`.execute(db);
    await sql`alter table audit_log enable trigger all`.execute(db);
    const forged = await verifyAuditLog(db, { key });
    expect(forged.problems).toMatchObject([{ kind: 'bad-signature', fromSequence: 4, toSequence: 4 }]);
  });
});
