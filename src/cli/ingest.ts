import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Actor } from '../access/model.js';
import type { MessageResult } from '../messages/model.js';
import type { MessageService } from '../messages/service.js';

/** Every file under the given paths, folders walked recursively, hidden files skipped. */
export async function collectFiles(paths: string[]): Promise<{ path: string; size: number }[]> {
  const files: { path: string; size: number }[] = [];
  const visit = async (path: string) => {
    const info = await stat(path).catch(() => {
      throw new Error(`${path}: no such file or folder`);
    });
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const entry of entries) await visit(join(path, entry));
    } else if (info.isFile()) files.push({ path, size: info.size });
  };
  for (const path of paths) await visit(path);
  return files;
}

export interface IngestSummary {
  files: number;
  parsed: number;
  /** Cut off in transit: what was read is stored; ask the sender again. */
  partial: number;
  rejected: number;
  duplicate: number;
  travellers: number;
  bytes: number;
  seconds: number;
  rejectedFiles: { path: string; errors: MessageResult['errors'] }[];
  partialFiles: string[];
}

/** Reads one file at a time so that a large folder never sits in memory at once. */
export async function ingestFiles(
  messages: MessageService,
  actor: Actor,
  paths: string[],
  options: { progress: boolean },
): Promise<IngestSummary> {
  const files = await collectFiles(paths);
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const bar = options.progress
    ? new cliProgress.SingleBar(
        {
          format:
            'ingest [{bar}] {percentage}% | {value}/{total} files | {travellers} travellers | {rejected} rejected',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const summary: IngestSummary = {
    files: files.length,
    parsed: 0,
    partial: 0,
    rejected: 0,
    duplicate: 0,
    travellers: 0,
    bytes: totalBytes,
    seconds: 0,
    rejectedFiles: [],
    partialFiles: [],
  };
  const started = performance.now();
  bar?.start(files.length, 0, { travellers: 0, rejected: 0 });
  for (const file of files) {
    const bytes = await readFile(file.path);
    let result: MessageResult;
    try {
      result = await messages.ingest(actor, { filename: basename(file.path), bytes });
    } catch (error) {
      result = {
        id: '',
        filename: file.path,
        format: 'unknown',
        status: 'rejected',
        errors: [{ segment: 0, line: 0, column: 0, message: (error as Error).message }],
        warnings: [],
        flights: [],
        travellers: 0,
      };
    }
    summary[result.status]++;
    if (result.status === 'parsed' || result.status === 'partial') summary.travellers += result.travellers;
    if (result.status === 'partial') summary.partialFiles.push(file.path);
    if (result.status === 'rejected') summary.rejectedFiles.push({ path: file.path, errors: result.errors });
    bar?.increment(1, { travellers: summary.travellers, rejected: summary.rejected });
  }
  bar?.stop();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB in ${summary.seconds.toFixed(1)} s: ` +
      `${summary.parsed} parsed, ${summary.partial} partial, ${summary.rejected} rejected, ${summary.duplicate} duplicate; ${summary.travellers} travellers`,
  ];
  for (const path of summary.partialFiles)
    lines.push(`partial ${path}: cut off in transit, what was read is stored; ask the sender again`);
  for (const rejected of summary.rejectedFiles) {
    lines.push(`rejected ${rejected.path}:`);
    for (const error of rejected.errors.slice(0, 5))
      lines.push(`  segment ${error.segment}, line ${error.line}, column ${error.column}: ${error.message}`);
    if (rejected.errors.length > 5) lines.push(`  ... and ${rejected.errors.length - 5} more`);
  }
  return lines.join('\n');
}
