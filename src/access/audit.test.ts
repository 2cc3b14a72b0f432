import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { checkAuditLog, formatAuditCheck } from '../cli/audit.js';
import { appendAudit, auditHash, GENESIS_HASH, type HashedFields } from './audit.js';
import { readAuditCheckpoints, takeAuditCheckpoint } from './audit-checkpoint.js';
import { auditKeyFromSecret, signWithAuditKey } from './audit-key.js';
import { verifyAuditLog } from './audit-verify.js';

const key = auditKeyFromSecret('the installation key, kept away from the database', 'test');
const otherKey = auditKeyFromSecret('a key someone else made up, not the installation key', 'forger');

/** Runs `work` with every trigger of the audit tables off, as someone with full database access can. */
async function asForger(db: Kysely<Database>, work: () => Promise<unknown>) {
  await sql`alter table audit_log disable trigger all`.execute(db);
  await sql`alter table audit_chain disable trigger all`.execute(db);
  try {
    await work();
  } finally {
    await sql`alter table audit_log enable trigger all`.execute(db);
    await sql`alter table audit_chain enable trigger all`.execute(db);
  }
}

async function appendEntries(db: Kysely<Database>, count: number, signingKey = key) {
  for (let index = 0; index < count; index++)
    await appendAudit(
      db,
      {
        actorId: null,
        actorName: 'ana',
        action: 'traveller.read',
        entity: 'traveller',
        entityId: `t${index}`,
      },
      signingKey,
    );
}

describe.each(databaseTargets)('audit log on $name', (target) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let folder: string;
  let checkpointFile: string;
  beforeEach(async () => {
    handle = await target.create();
    db = handle.db;
    folder = mkdtempSync(join(tmpdir(), 'interdict-audit-'));
    checkpointFile = join(folder, 'audit-checkpoints.jsonl');
  });
  afterEach(async () => {
    await handle.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses TRUNCATE, DELETE, UPDATE and an entry out of sequence', async () => {
    await appendEntries(db, 3);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where sequence = 3`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set actor_name = 'x' where sequence = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`insert into audit_log (sequence, actor_name, action, entity, previous_hash, hash)
          values (5, 'x', 'x', 'x', 'x', 'x')`.execute(db),
    ).rejects.toThrow(/out of order: the next entry is 4/);
    await expect(sql`truncate audit_chain`.execute(db)).rejects.toThrow(/audit_chain is fixed/);
    await expect(sql`update audit_chain set keyed_from = 10`.execute(db)).rejects.toThrow(
      /audit_chain is fixed/,
    );
    expect((await verifyAuditLog(db, { key })).entries).toBe(3);
  });

  it('verifies an untouched chain with the right key and reports what it checked against', async () => {
    await appendEntries(db, 4);
    const first = await checkAuditLog(db, {
      key,
      checkpointFile,
      takeCheckpoint: true,
      actorName: 'operator',
    });
    expect(first.verification).toMatchObject({
      ok: true,
      entries: 4,
      firstSequence: 1,
      lastSequence: 4,
      keyedFrom: 1,
      plainHashEntries: 0,
      key: { fingerprint: key.fingerprint },
      recordedKeyFingerprint: key.fingerprint,
      checkpoints: { file: checkpointFile, compared: 0, latest: null },
      problems: [],
    });
    // The checkpoint is an entry of the log (5) and a line of the file covering it.
    expect(first.checkpoint).toMatchObject({ written: true, checkpoint: { entries: 5, lastSequence: 5 } });
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('sequence', '=', 5)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'audit.checkpoint', details: { file: checkpointFile } });

    await appendEntries(db, 2);
    const second = await checkAuditLog(db, {
      key,
      checkpointFile,
      takeCheckpoint: true,
      actorName: 'operator',
    });
    expect(second.verification).toMatchObject({ ok: true, entries: 7, lastSequence: 7 });
    expect(second.verification.checkpoints).toMatchObject({ compared: 1, latest: { lastSequence: 5 } });
    const report = formatAuditCheck(second);
    expect(report).toContain('audit log: 7 entries, sequence 1 to 7');
    expect(report).toContain(`key: fingerprint ${key.fingerprint} (test)`);
    expect(report).toMatch(
      /checkpoints: 1 compared from .*audit-checkpoints\.jsonl; latest of .* at entry 5 \(5 entries\)/,
    );
    expect(report).toContain('no problems found');
    expect(report).toContain('checkpoint written to');
    expect(readAuditCheckpoints(checkpointFile, key).checkpoints.map((c) => c.lastSequence)).toEqual([5, 8]);
  });

  it('finds a removed tail through the checkpoint, with the triggers disabled', async () => {
    await appendEntries(db, 5);
    await takeAuditCheckpoint(db, {
      key,
      file: checkpointFile,
      actorName: 'server maintenance',
      trigger: 'maintenance',
    });
    await asForger(db, () => sql`delete from audit_log where sequence >= 4`.execute(db));

    // The chain that is left is consistent in itself: only the checkpoint shows what is gone.
    expect((await verifyAuditLog(db, { key })).ok).toBe(true);
    const outcome = await checkAuditLog(db, {
      key,
      checkpointFile,
      takeCheckpoint: true,
      actorName: 'operator',
    });
    expect(outcome.verification.ok).toBe(false);
    expect(outcome.verification.problems).toMatchObject([
      { kind: 'missing-tail', fromSequence: 4, toSequence: 6 },
    ]);
    expect(formatAuditCheck(outcome)).toMatch(
      /missing-tail: the log ends at entry 3, but the checkpoint of .* recorded entries up to 6/,
    );
    // A damaged log never becomes the reference: no checkpoint after it, and maintenance refuses too.
    expect(outcome.checkpoint).toBeUndefined();
    await expect(
      takeAuditCheckpoint(db, {
        key,
        file: checkpointFile,
        actorName: 'server maintenance',
        trigger: 'maintenance',
      }),
    ).rejects.toThrow(/no longer holds entry 6 .*\(it is missing\)/);
    expect(readAuditCheckpoints(checkpointFile, key).checkpoints).toHaveLength(1);
  });

  it('finds a truncated log through the checkpoint', async () => {
    await appendEntries(db, 2);
    await takeAuditCheckpoint(db, {
      key,
      file: checkpointFile,
      actorName: 'server maintenance',
      trigger: 'maintenance',
    });
    await asForger(db, () => sql`truncate audit_log`.execute(db));
    const result = await verifyAuditLog(db, { key, checkpointFile });
    expect(result).toMatchObject({ ok: false, entries: 0, firstSequence: null, lastSequence: null });
    expect(result.problems).toMatchObject([{ kind: 'truncated', toSequence: 3 }]);
  });

  it('finds a deleted middle entry as a gap', async () => {
    await appendEntries(db, 6);
    await asForger(db, () => sql`delete from audit_log where sequence in (3, 4)`.execute(db));
    const result = await verifyAuditLog(db, { key });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { kind: 'gap', fromSequence: 3, toSequence: 4, message: 'entries 3–4 missing: deleted' },
    ]);
    await asForger(db, () => sql`delete from audit_log where sequence = 1`.execute(db));
    const noFirst = await verifyAuditLog(db, { key });
    expect(noFirst.problems.map((p) => [p.kind, p.fromSequence, p.toSequence])).toEqual([
      ['gap', 1, 1],
      ['gap', 3, 4],
    ]);
  });

  it('finds hashes recomputed without the key, plain or with another key', async () => {
    await appendEntries(db, 5);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('sequence').execute();
    // The forger changes entry 2 and recomputes the chain from there as the old plain hash did.
    await asForger(db, async () => {
      let previousHash = rows[0]!.hash;
      for (const row of rows.slice(1)) {
        const { hash: _hash, previous_hash: _previous, ...fields } = row;
        const changed: HashedFields = row.sequence === 2 ? { ...fields, actor_name: 'someone else' } : fields;
        const hash = auditHash(previousHash, changed);
        await sql`update audit_log set actor_name = ${changed.actor_name}, previous_hash = ${previousHash}, hash = ${hash}
                  where sequence = ${row.sequence}`.execute(db);
        previousHash = hash;
      }
    });
    const result = await verifyAuditLog(db, { key });
    expect(result.problems).toMatchObject([{ kind: 'bad-signature', fromSequence: 2, toSequence: 5 }]);

    // Signing with a key of one's own does not help either.
    await asForger(db, async () => {
      const row = rows[4]!;
      const { hash: _hash, previous_hash: previousHash, ...fields } = row;
      const forged = signWithAuditKey(otherKey, previousHash, JSON.stringify(fields));
      await sql`update audit_log set hash = ${forged} where sequence = 5`.execute(db);
    });
    expect((await verifyAuditLog(db, { key })).ok).toBe(false);
  });

  it('refuses entries signed with another key and reports the key the log was signed with', async () => {
    await appendEntries(db, 2);
    await expect(appendEntries(db, 1, otherKey)).rejects.toThrow(
      new RegExp(
        `signed with the key of fingerprint ${key.fingerprint}, but this process has the key ${otherKey.fingerprint}`,
      ),
    );
    const result = await verifyAuditLog(db, { key: otherKey });
    expect(result.problems.map((p) => p.kind)).toEqual(['wrong-key', 'bad-signature']);
    expect(result.problems[1]).toMatchObject({ fromSequence: 1, toSequence: 2 });
  });

  it('finds a changed checkpoint line and a moved start of the keyed entries', async () => {
    await appendEntries(db, 3);
    await takeAuditCheckpoint(db, {
      key,
      file: checkpointFile,
      actorName: 'server maintenance',
      trigger: 'maintenance',
    });
    const [line] = readFileSync(checkpointFile, 'utf8').trim().split('\n');
    writeFileSync(checkpointFile, `${line!.replace('"entries":4', '"entries":2')}\nnot json\n`);
    const changed = await verifyAuditLog(db, { key, checkpointFile });
    expect(changed.problems.map((p) => p.kind)).toEqual(['checkpoint-unreadable', 'checkpoint-unreadable']);
    expect(changed.problems[0]!.message).toMatch(/line 1 was changed after it was written/);

    // Making the keyed entries pass as written before the key (plain hashes anyone can compute).
    writeFileSync(checkpointFile, `${line}\n`);
    await asForger(db, () => sql`update audit_chain set keyed_from = 100`.execute(db));
    const moved = await verifyAuditLog(db, { key, checkpointFile });
    expect(moved.problems.map((p) => p.kind)).toEqual(['key-start-moved', 'bad-signature']);
  });

  it('takes no new checkpoint while nothing was written since the latest', async () => {
    await appendEntries(db, 1);
    const first = await takeAuditCheckpoint(db, {
      key,
      file: checkpointFile,
      actorName: 'server maintenance',
      trigger: 'maintenance',
    });
    const again = await takeAuditCheckpoint(db, {
      key,
      file: checkpointFile,
      actorName: 'server maintenance',
      trigger: 'maintenance',
    });
    expect(first.written).toBe(true);
    expect(again).toMatchObject({ written: false, checkpoint: first.checkpoint });
    expect(readAuditCheckpoints(checkpointFile, key).checkpoints).toHaveLength(1);
    expect((await verifyAuditLog(db, { key, checkpointFile })).ok).toBe(true);
  });

  it('starts from the genesis hash', async () => {
    await appendEntries(db, 1);
    const entry = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(entry.previous_hash).toBe(GENESIS_HASH);
  });
});
