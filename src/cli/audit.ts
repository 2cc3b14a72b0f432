import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import {
  auditCheckpointPath,
  takeAuditCheckpoint,
  type CheckpointResult,
} from '../access/audit-checkpoint.js';
import { loadAuditKey, type AuditKey } from '../access/audit-key.js';
import { verifyAuditLog, type AuditVerification } from '../access/audit-verify.js';
import type { Database } from '../db/schema.js';
import { configFrom, withServices, type GlobalOptions } from './context.js';

export interface AuditCheckOutcome {
  verification: AuditVerification;
  /** Taken after a clean check only: a damaged log must not become the reference. */
  checkpoint?: CheckpointResult;
}

/** Verifies the log against the key and the checkpoint file, then records a checkpoint of it when clean. */
export async function checkAuditLog(
  db: Kysely<Database>,
  options: { key: AuditKey; checkpointFile: string; takeCheckpoint: boolean; actorName: string },
): Promise<AuditCheckOutcome> {
  const verification = await verifyAuditLog(db, { key: options.key, checkpointFile: options.checkpointFile });
  if (!verification.ok || !options.takeCheckpoint) return { verification };
  const checkpoint = await takeAuditCheckpoint(db, {
    key: options.key,
    file: options.checkpointFile,
    actorName: options.actorName,
    trigger: 'verify',
  });
  return { verification, checkpoint };
}

/** What `interdict audit verify` prints: what was checked against, then each problem. */
export function formatAuditCheck({ verification: v, checkpoint }: AuditCheckOutcome): string {
  const lines = [
    v.entries === 0
      ? 'audit log: no entries'
      : `audit log: ${v.entries} entries, sequence ${v.firstSequence} to ${v.lastSequence}`,
    `key: fingerprint ${v.key.fingerprint} (${v.key.source})` +
      (v.recordedKeyFingerprint && v.recordedKeyFingerprint !== v.key.fingerprint
        ? `; the log records ${v.recordedKeyFingerprint}`
        : ''),
    v.plainHashEntries > 0
      ? `signatures: ${v.plainHashEntries} entries before ${v.keyedFrom} checked by plain hash only (written before the log had a key), the rest by HMAC`
      : `signatures: every entry checked by HMAC (keyed from entry ${v.keyedFrom})`,
  ];
  if (!v.checkpoints) lines.push('checkpoints: none compared');
  else if (!v.checkpoints.latest) lines.push(`checkpoints: none yet in ${v.checkpoints.file}`);
  else
    lines.push(
      `checkpoints: ${v.checkpoints.compared} compared from ${v.checkpoints.file}; latest of ${v.checkpoints.latest.at} ` +
        `at entry ${v.checkpoints.latest.lastSequence} (${v.checkpoints.latest.entries} entries)`,
    );
  if (v.ok) lines.push('no problems found');
  else {
    lines.push(`PROBLEMS: ${v.problemCount}`);
    for (const problem of v.problems) lines.push(`  - ${problem.kind}: ${problem.message}`);
    if (v.problemCount > v.problems.length)
      lines.push(`  ... and ${v.problemCount - v.problems.length} more`);
  }
  if (checkpoint)
    lines.push(
      checkpoint.written
        ? `checkpoint written to ${checkpoint.file}: entry ${checkpoint.checkpoint.lastSequence} (${checkpoint.checkpoint.entries} entries)`
        : `checkpoint unchanged: no entry since the latest`,
    );
  return `${lines.join('\n')}\n`;
}

/** `interdict audit ...`. */
export function registerAuditCommands(program: Command, globals: () => GlobalOptions): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description(
      'check every entry (sequence without gaps, links, signatures under the audit key) and the log against the checkpoint file; then record a checkpoint. Exit code 1 on any problem',
    )
    .option(
      '--checkpoint-file <file>',
      'checkpoint file (default AUDIT_CHECKPOINT_FILE, or audit-checkpoints.jsonl in the data directory)',
    )
    .option('--no-checkpoint', 'only check: record no checkpoint afterwards')
    .option('--json', 'print the report as JSON')
    .action(async (options: { checkpointFile?: string; checkpoint: boolean; json?: boolean }) => {
      const config = configFrom(globals());
      const key = loadAuditKey(config, { create: false });
      if (key.warning) process.stderr.write(`warning: ${key.warning}\n`);
      const outcome = await withServices(config, (services) =>
        checkAuditLog(services.database.db, {
          key,
          checkpointFile: options.checkpointFile ?? auditCheckpointPath(config),
          takeCheckpoint: options.checkpoint,
          actorName: 'operator (command line)',
        }),
      );
      process.stdout.write(
        options.json ? `${JSON.stringify(outcome, null, 2)}\n` : formatAuditCheck(outcome),
      );
      if (!outcome.verification.ok) process.exitCode = 1;
    });
}
