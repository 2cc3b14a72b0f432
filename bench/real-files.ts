/**
 * Which real files each reader accepts: every sample message the project has (test/fixtures) and,
 * when present, the shared corpus beside the project (../shared/corpus), read as the ingest reads
 * them (decode, detect the format, the format's parser) without a database.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeMessage, detectFormat } from '../src/messages/decode.js';
import type { FormatHandler } from '../src/messages/model.js';
import { messageStatus, type StoredStatus } from '../src/messages/status.js';
import { paxlstHandler } from '../src/passengers/paxlst-handler.js';
import { pnrgovHandler } from '../src/passengers/pnrgov-handler.js';

const root = new URL('..', import.meta.url).pathname;
const handlers: Record<string, FormatHandler> = {
  PAXLST: paxlstHandler as FormatHandler,
  PNRGOV: pnrgovHandler as FormatHandler,
};

export interface FolderAcceptance {
  folder: string;
  files: number;
  formats: string[];
  counts: Record<StoredStatus | 'no reader', number>;
  rejected: string[];
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !/^(SOURCES\.md|LICENSE.*|README.*)$/i.test(name))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function readFolder(folder: string, cutAt = 1): FolderAcceptance {
  const acceptance: FolderAcceptance = {
    folder: relative(root, folder) + (cutAt < 1 ? ` (each cut at ${cutAt * 100} %)` : ''),
    files: 0,
    formats: [],
    counts: { parsed: 0, partial: 0, rejected: 0, 'no reader': 0 },
    rejected: [],
  };
  for (const path of filesUnder(folder)) {
    acceptance.files++;
    const whole = decodeMessage(readFileSync(path)).text;
    const text = whole.slice(0, Math.floor(whole.length * cutAt));
    const format = detectFormat(text);
    if (!acceptance.formats.includes(format)) acceptance.formats.push(format);
    const handler = handlers[format];
    if (!handler) {
      acceptance.counts['no reader']++;
      continue;
    }
    const result = handler.parse(text);
    const status = messageStatus(result);
    acceptance.counts[status]++;
    if (status === 'rejected')
      acceptance.rejected.push(`${path.split('/').pop()}: ${result.errors[0]?.message}`);
  }
  return acceptance;
}

export function realFileAcceptance(): { tables: FolderAcceptance[]; corpusPresent: boolean } {
  const folders = [join(root, 'test/fixtures/edifact/paxlst'), join(root, 'test/fixtures/edifact/pnrgov')];
  const corpus = join(root, '../shared/corpus');
  const corpusPresent = existsSync(corpus);
  if (corpusPresent) {
    for (const group of ['edifact', 'cargo']) {
      const base = join(corpus, group);
      if (!existsSync(base)) continue;
      for (const name of readdirSync(base).sort()) {
        const folder = join(base, name);
        if (statSync(folder).isDirectory() && name !== 'licenses') folders.push(folder);
      }
    }
  }
  // The same files cut off in transit: what was read before the cut is stored as partial when it
  // holds a flight, traveller or reservation, and rejected (kept) when it holds none.
  const cut = folders.filter((folder) => /edifact/.test(folder)).map((folder) => readFolder(folder, 0.5));
  return { tables: [...folders.map((folder) => readFolder(folder)), ...cut], corpusPresent };
}

export function realFileMarkdown(): string {
  const { tables, corpusPresent } = realFileAcceptance();
  const lines = [
    '## Real files accepted by each reader',
    '',
    'Every real sample file, read as the ingest reads it (decode, detect the format, parse; no database).',
    '"Partial": cut off, what was read is stored and the sender is to be asked again; "rejected": kept',
    'with its errors, nothing stored; "no reader": a format that has no reader yet.',
    corpusPresent ? '' : '\n_The shared corpus (../shared/corpus) was absent: project fixtures only._\n',
    '| folder | files | formats detected | parsed | partial | rejected | no reader |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...tables.map(
      (table) =>
        `| ${table.folder} | ${table.files} | ${table.formats.join(', ')} | ${table.counts.parsed} | ${table.counts.partial} | ${table.counts.rejected} | ${table.counts['no reader']} |`,
    ),
  ];
  const rejected = tables.flatMap((table) => table.rejected.map((line) => `- ${table.folder}/${line}`));
  if (rejected.length > 0) lines.push('', 'Rejected files and the first reason:', '', ...rejected);
  return lines.join('\n');
}
