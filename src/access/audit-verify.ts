import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { auditHash, GENESIS_HASH, readAuditChain, signedAuditHash } from './audit.js';
import { latestCheckpoint, readAuditCheckpoints, type AuditCheckpoint } from './audit-checkpoint.js';
import type { AuditKey } from './audit-key.js';

export type AuditProblemKind =
  /** Sequence numbers missing: entries were deleted. */
  | 'gap'
  /** An entry's previous hash is not the hash of the entry before it. */
  | 'broken-link'
  /** An entry's hash is not its signature under the key (plain hash before the key): changed or forged. */
  | 'bad-signature'
  /** The log ends before a checkpoint's last entry: its newest entries were removed. */
  | 'missing-tail'
  /** The log is empty although a checkpoint recorded entries. */
  | 'truncated'
  /** At a checkpoint's last entry the log holds another hash, or another number of entries. */
  | 'checkpoint-mismatch'
  /** A line of the checkpoint file cannot be read or is not signed by this key. */
  | 'checkpoint-unreadable'
  /** The database records that the log is signed with another key than the one given. */
  | 'wrong-key'
  /** Where the keyed part of the log begins moved since a checkpoint (making keyed entries pass as plain). */
  | 'key-start-moved';

export interface AuditProblem {
  kind: AuditProblemKind;
  message: string;
  fromSequence?: number;
  toSequence?: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstSequence: number | null;
  lastSequence: number | null;
  lastHash: string | null;
  /** Entries from this sequence on are checked as HMAC signatures, those before it by plain hash. */
  keyedFrom: number;
  plainHashEntries: number;
  key: { fingerprint: string; source: string };
  /** The fingerprint the database recorded with the first keyed entry. */
  recordedKeyFingerprint: string | null;
  checkpoints: { file: string; compared: number; latest: AuditCheckpoint | null } | null;
  problems: AuditProblem[];
  /** All problems found; past MAX_LISTED_PROBLEMS only the first are listed. */
  problemCount: number;
}

const MAX_LISTED_PROBLEMS = 200;

/** Collects problems, joining a run of bad entries in a row into one. */
class ProblemList {
  readonly listed: AuditProblem[] = [];
  count = 0;

  add(problem: AuditProblem) {
    const last = this.listed.at(-1);
    const kind = problem.kind;
    if (
      (kind === 'bad-signature' || kind === 'broken-link') &&
      last?.kind === kind &&
      last.toSequence === (problem.fromSequence ?? 0) - 1
    ) {
      last.toSequence = problem.toSequence!;
      last.message = describeRun(kind, last.fromSequence!, last.toSequence);
      return;
    }
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }
}

const range = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from}–${to}`);

function describeRun(kind: 'bad-signature' | 'broken-link', from: number, to: number): string {
  return kind === 'bad-signature'
    ? `${range(from, to)}: the hash is not the entry's signature (changed, or recomputed without the key)`
    : `${range(from, to)}: the previous hash is not the hash of the entry before`;
}

/**
 * Walks the whole chain in order, in pages: every sequence number present, every link, every
 * signature (HMAC under the key; plain SHA-256 before the chain had a key), and the log against
 * every checkpoint of the checkpoint file, so that a removed tail is found too.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: { key: AuditKey; checkpointFile?: string; pageSize?: number },
): Promise<AuditVerification> {
  const { key } = options;
  const pageSize = options.pageSize ?? 5000;
  const problems = new ProblemList();
  const chain = await readAuditChain(db);
  if (chain.keyFingerprint !== null && chain.keyFingerprint !== key.fingerprint)
    problems.add({
      kind: 'wrong-key',
      message: `the log is signed with the key ${chain.keyFingerprint}, this check uses ${key.fingerprint} (${key.source})`,
    });

  const checkpointFile = options.checkpointFile ? readAuditCheckpoints(options.checkpointFile, key) : null;
  for (const problem of checkpointFile?.problems ?? []) problems.add(problem);
  const checkpoints = checkpointFile?.checkpoints ?? [];
  const checkpointsAt = new Map<number, AuditCheckpoint[]>();
  for (const checkpoint of checkpoints) {
    checkpointsAt.set(checkpoint.lastSequence, [
      ...(checkpointsAt.get(checkpoint.lastSequence) ?? []),
      checkpoint,
    ]);
    if (checkpoint.keyedFrom !== chain.keyedFrom)
      problems.add({
        kind: 'key-start-moved',
        message: `the log says its keyed entries begin at ${chain.keyedFrom}, the checkpoint of ${checkpoint.at} recorded ${checkpoint.keyedFrom}`,
      });
  }

  let expected = 1;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  let plainHashEntries = 0;
  let firstSequence: number | null = null;
  let lastSequence = 0;
  let lastHash: string | null = null;
  const checkpointEntriesSeen = new Set<number>();
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('sequence', '>', lastSequence)
      .orderBy('sequence')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.sequence !== expected)
        problems.add({
          kind: 'gap',
          fromSequence: expected,
          toSequence: row.sequence - 1,
          message: `${range(expected, row.sequence - 1)} missing: deleted`,
        });
      else if (row.previous_hash !== previousHash)
        problems.add({
          kind: 'broken-link',
          fromSequence: row.sequence,
          toSequence: row.sequence,
          message: describeRun('broken-link', row.sequence, row.sequence),
        });
      const { hash, previous_hash: storedPreviousHash, ...fields } = row;
      const plain = row.sequence < chain.keyedFrom;
      if (plain) plainHashEntries++;
      // Each entry is checked against its own previous hash, so one bad entry is not blamed on the next.
      const computed = plain
        ? auditHash(storedPreviousHash, fields)
        : signedAuditHash(key, storedPreviousHash, fields);
      if (computed !== hash)
        problems.add({
          kind: 'bad-signature',
          fromSequence: row.sequence,
          toSequence: row.sequence,
          message: describeRun('bad-signature', row.sequence, row.sequence),
        });
      entries++;
      firstSequence ??= row.sequence;
      if (checkpointsAt.has(row.sequence)) checkpointEntriesSeen.add(row.sequence);
      for (const checkpoint of checkpointsAt.get(row.sequence) ?? []) {
        if (checkpoint.lastHash !== hash)
          problems.add({
            kind: 'checkpoint-mismatch',
            fromSequence: row.sequence,
            toSequence: row.sequence,
            message: `entry ${row.sequence} has another hash than the checkpoint of ${checkpoint.at} recorded`,
          });
        else if (checkpoint.entries !== entries)
          problems.add({
            kind: 'checkpoint-mismatch',
            fromSequence: row.sequence,
            toSequence: row.sequence,
            message: `${entries} entries up to entry ${row.sequence}, the checkpoint of ${checkpoint.at} recorded ${checkpoint.entries}`,
          });
      }
      previousHash = hash;
      lastHash = hash;
      lastSequence = row.sequence;
      expected = row.sequence + 1;
    }
  }

  const latest = latestCheckpoint(checkpoints) ?? null;
  if (latest && latest.lastSequence > lastSequence)
    problems.add(
      entries === 0
        ? {
            kind: 'truncated',
            fromSequence: 1,
            toSequence: latest.lastSequence,
            message: `the log is empty, but the checkpoint of ${latest.at} recorded ${latest.entries} entries up to entry ${latest.lastSequence}`,
          }
        : {
            kind: 'missing-tail',
            fromSequence: lastSequence + 1,
            toSequence: latest.lastSequence,
            message: `the log ends at entry ${lastSequence}, but the checkpoint of ${latest.at} recorded entries up to ${latest.lastSequence}: ${range(lastSequence + 1, latest.lastSequence)} removed`,
          },
    );
  for (const checkpoint of checkpoints)
    if (checkpoint.lastSequence <= lastSequence && !checkpointEntriesSeen.has(checkpoint.lastSequence))
      problems.add({
        kind: 'checkpoint-mismatch',
        fromSequence: checkpoint.lastSequence,
        toSequence: checkpoint.lastSequence,
        message: `entry ${checkpoint.lastSequence}, the last of the checkpoint of ${checkpoint.at}, is missing`,
      });

  return {
    ok: problems.count === 0,
    entries,
    firstSequence,
    lastSequence: entries > 0 ? lastSequence : null,
    lastHash,
    keyedFrom: chain.keyedFrom,
    plainHashEntries,
    key: { fingerprint: key.fingerprint, source: key.source },
    recordedKeyFingerprint: chain.keyFingerprint,
    checkpoints: checkpointFile ? { file: checkpointFile.file, compared: checkpoints.length, latest } : null,
    problems: problems.listed,
    problemCount: problems.count,
  };
}
