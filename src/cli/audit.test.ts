import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { startInterdict } from '../server/start.js';

const run = promisify(execFile);

/** `interdict --data-dir <folder> audit verify`, as an operator runs it. */
async function auditVerify(folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AUDIT_') && name !== 'DATABASE_URL'),
  );
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', '--data-dir', folder, 'audit', 'verify'],
      { env, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the server and interdict audit verify on an embedded database', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'interdict-audit-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('makes the key once, checkpoints at start, and finds a tail removed behind its back', async () => {
    const running = await startInterdict(
      loadConfig({ DATA_DIR: folder, PORT: '0', LOG_LEVEL: 'silent', SCREENING_WORKERS: '0' }, {}),
      { webRoot: '/nonexistent' },
    );
    await running.close(); // waits for the maintenance run of the start, which takes a checkpoint
    expect(statSync(join(folder, 'audit.key')).mode & 0o777).toBe(0o600);
    const checkpointLines = readFileSync(join(folder, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n');
    expect(checkpointLines).toHaveLength(1);
    const serverCheckpoint = JSON.parse(checkpointLines[0]!) as {
      lastSequence: number;
      keyFingerprint: string;
    };

    const clean = await auditVerify(folder);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(
      `key: fingerprint ${serverCheckpoint.keyFingerprint} (${join(folder, 'audit.key')})`,
    );
    expect(clean.stdout).toContain(`at entry ${serverCheckpoint.lastSequence}`);
    expect(clean.stdout).toContain('no problems found');
    expect(clean.stdout).toContain(`checkpoint written to ${join(folder, 'audit-checkpoints.jsonl')}`);

    // Someone with the database alone removes the newest entries.
    const database = await openDatabase({ dataDir: folder });
    await sql`alter table audit_log disable trigger all`.execute(database.db);
    await sql`delete from audit_log where sequence > ${serverCheckpoint.lastSequence - 1}`.execute(
      database.db,
    );
    await database.close();

    const broken = await auditVerify(folder);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /PROBLEMS: 1\n {2}- missing-tail: the log ends at entry \d+, but the checkpoint of .* recorded entries up to \d+/,
    );
    expect(readFileSync(join(folder, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  }, 180_000);
});
