import { tmpdir } from 'node:os';
import { appendFileSync, chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { appendAudit, canonicalJson, readAuditChain } from './audit.js';
import { signWithAuditKey, type AuditKey } from './audit-key.js';
import type { AuditProblem } from './audit-verify.js';

/**
 * Where the log's head stood at a moment, kept outside the database: whoever removes the newest
 * entries (or all of them) with database access alone cannot make the log agree with it again.
 */
export interface AuditCheckpoint {
  at: string;
  /** Entries up to and including lastSequence. */
  entries: number;
  lastSequence: number;
  lastHash: string;
  keyedFrom: number;
  keyFingerprint: string;
}

export interface AuditCheckpointFile {
  file: string;
  /** The checkpoints that could be read and carry this key's signature, oldest first. */
  checkpoints: AuditCheckpoint[];
  /** Lines that could not be read or are not signed by this key. */
  problems: AuditProblem[];
}

export const AUDIT_CHECKPOINT_FILE_NAME = 'audit-checkpoints.jsonl';

export function auditCheckpointPath(config: Config): string {
  if (config.AUDIT_CHECKPOINT_FILE) return config.AUDIT_CHECKPOINT_FILE;
  // An in-memory database keeps its checkpoints for as long as it lives, outside the work tree.
  if (config.DATA_DIR.startsWith('memory://'))
    return join(tmpdir(), `interdict-${process.pid}-${AUDIT_CHECKPOINT_FILE_NAME}`);
  return join(config.DATA_DIR, AUDIT_CHECKPOINT_FILE_NAME);
}

const checkpointLine = z.object({
  at: z.string(),
  entries: z.number().int().min(0),
  lastSequence: z.number().int().min(0),
  lastHash: z.string(),
  keyedFrom: z.number().int().min(1),
  keyFingerprint: z.string(),
  signature: z.string(),
});

const signCheckpoint = (key: AuditKey, checkpoint: AuditCheckpoint) =>
  signWithAuditKey(key, 'interdict audit checkpoint', canonicalJson(checkpoint));

/** Reads a checkpoint file (one JSON object a line); a file that does not exist yet holds none. */
export function readAuditCheckpoints(file: string, key: AuditKey): AuditCheckpointFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, checkpoints: [], problems: [] };
    throw error;
  }
  const checkpoints: AuditCheckpoint[] = [];
  const problems: AuditProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: z.infer<typeof checkpointLine>;
    try {
      parsed = checkpointLine.parse(JSON.parse(line));
    } catch {
      problems.push({
        kind: 'checkpoint-unreadable',
        message: `${file} line ${index + 1} is not a checkpoint`,
      });
      return;
    }
    const { signature, ...checkpoint } = parsed;
    if (signature !== signCheckpoint(key, checkpoint)) {
      problems.push({
        kind: 'checkpoint-unreadable',
        message:
          checkpoint.keyFingerprint === key.fingerprint
            ? `${file} line ${index + 1} was changed after it was written (its signature does not match)`
            : `${file} line ${index + 1} was written with the key ${checkpoint.keyFingerprint}, not with this key (${key.fingerprint})`,
      });
      return;
    }
    checkpoints.push(checkpoint);
  });
  return { file, checkpoints, problems };
}

export function appendAuditCheckpoint(file: string, checkpoint: AuditCheckpoint, key: AuditKey): void {
  mkdirSync(dirname(file), { recursive: true });
  const line = JSON.stringify({ ...checkpoint, signature: signCheckpoint(key, checkpoint) });
  appendFileSync(file, `${line}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface CheckpointResult {
  /** False when no entry was written since the latest checkpoint, which still stands. */
  written: boolean;
  checkpoint: AuditCheckpoint;
  file: string;
}

/**
 * Records the head of the log: first as an audit entry (so the log itself says when checkpoints
 * were taken), then as a line of the checkpoint file covering that entry. Refuses when the log no
 * longer holds what the latest checkpoint recorded, so that a removed tail is never taken as the
 * new normal.
 */
export async function takeAuditCheckpoint(
  db: Kysely<Database>,
  options: {
    key: AuditKey;
    file: string;
    actorName: string;
    /** What took it: the hourly maintenance skips a checkpoint when nothing was written since the latest. */
    trigger: 'maintenance' | 'verify';
  },
): Promise<CheckpointResult> {
  const { key, file } = options;
  const latest = latestCheckpoint(readAuditCheckpoints(file, key).checkpoints);
  if (latest) {
    const recorded = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('sequence', '=', latest.lastSequence)
      .executeTakeFirst();
    if (recorded?.hash !== latest.lastHash)
      throw new Error(
        `The audit log no longer holds entry ${latest.lastSequence} as the checkpoint of ${latest.at} in ${file} ` +
          `recorded it (${recorded ? 'its hash differs' : 'it is missing'}): run "interdict audit verify"`,
      );
    const head = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('sequence').as('sequence'))
      .executeTakeFirst();
    if (options.trigger === 'maintenance' && Number(head?.sequence ?? 0) === latest.lastSequence)
      return { written: false, checkpoint: latest, file };
  }
  const head = await appendAudit(
    db,
    {
      actorId: null,
      actorName: options.actorName,
      action: 'audit.checkpoint',
      entity: 'audit_log',
      details: {
        file,
        trigger: options.trigger,
        ...(latest ? { previousCheckpoint: { at: latest.at, sequence: latest.lastSequence } } : {}),
      },
    },
    key,
  );
  const counted = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('entries'))
    .where('sequence', '<=', head.sequence)
    .executeTakeFirstOrThrow();
  const checkpoint: AuditCheckpoint = {
    at: new Date().toISOString(),
    entries: Number(counted.entries),
    lastSequence: head.sequence,
    lastHash: head.hash,
    keyedFrom: (await readAuditChain(db)).keyedFrom,
    keyFingerprint: key.fingerprint,
  };
  appendAuditCheckpoint(file, checkpoint, key);
  return { written: true, checkpoint, file };
}

/** The checkpoint reaching furthest into the log. */
export function latestCheckpoint(checkpoints: AuditCheckpoint[]): AuditCheckpoint | undefined {
  return checkpoints.reduce<AuditCheckpoint | undefined>(
    (latest, checkpoint) => (!latest || checkpoint.lastSequence >= latest.lastSequence ? checkpoint : latest),
    undefined,
  );
}
