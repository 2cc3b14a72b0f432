import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrate } from '../src/db/migrator.js';
import { createServices } from '../src/services.js';
import { operatorActor } from '../src/cli/context.js';
import { generatePaxlst } from './paxlst-generator.js';
import { generatePnrgov } from './pnrgov-generator.js';
import pg from 'pg';

export interface IngestFigures {
  target: string;
  messages: number;
  /** Travellers (PAXLST) or booked travellers (PNRGOV) stored. */
  travellers: number;
  /** Reservations stored (PNRGOV). */
  reservations: number;
  seconds: number;
  travellersPerSecond: number;
  reservationsPerSecond: number;
}

export interface IngestWorkload {
  /** The n-th message of the workload. */
  generate(index: number): string;
  count: number;
  /** Reservations in each message (0 for passenger lists). */
  reservationsPerMessage: number;
  /** Messages ingested before the measured ones (the workload's next indices), stored, not counted. */
  warmUpMessages: number;
}

export const paxlstWorkload = (count = 1000, travellers = 300): IngestWorkload => ({
  generate: (index) => generatePaxlst(index, travellers),
  count,
  reservationsPerMessage: 0,
  warmUpMessages: 50,
});

export const pnrgovWorkload = (count = 1000, reservations = 10): IngestWorkload => ({
  generate: (index) => generatePnrgov(index, reservations),
  count,
  reservationsPerMessage: reservations,
  // PNRGOV goes through far more code per byte than PAXLST: after 50 messages the compiler threads
  // were still optimising it, at about 1.2 ms of CPU per measured message on this machine.
  warmUpMessages: 300,
});

/** Ingests `count` generated messages through the real service (parse, dedupe, store) into one database. */
async function ingestInto(
  handle: DatabaseHandle,
  target: string,
  workload: IngestWorkload,
  concurrency: number,
): Promise<IngestFigures> {
  await migrate(handle);
  const config = loadConfig({ LOG_LEVEL: 'silent' }, {});
  const services = createServices(handle, config);
  await services.access.bootstrap('benchmark password');
  const actor = await operatorActor(services, config);
  const messages = Array.from({ length: workload.count }, (_, i) => Buffer.from(workload.generate(i)));
  // Messages of their own (the workload's next indices) to warm the process and the server up:
  // stored, not counted, so the figure is the steady rate of a running server.
  const warmUp = Array.from({ length: workload.warmUpMessages }, (_, i) =>
    Buffer.from(workload.generate(workload.count + i)),
  );
  const ingestAll = async (batch: Buffer[]) => {
    let travellers = 0;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const index = next++;
        const result = await services.messages.ingest(actor, {
          filename: `bench-${index}.edi`,
          bytes: batch[index]!,
        });
        if (result.status !== 'parsed')
          throw new Error(`message ${index} was ${result.status}: ${JSON.stringify(result.errors[0])}`);
        travellers += result.travellers;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return travellers;
  };
  await ingestAll(warmUp);
  const started = performance.now();
  const travellers = await ingestAll(messages);
  const seconds = (performance.now() - started) / 1000;
  const reservations = workload.count * workload.reservationsPerMessage;
  return {
    target,
    messages: workload.count,
    travellers,
    reservations,
    seconds,
    travellersPerSecond: travellers / seconds,
    reservationsPerSecond: reservations / seconds,
  };
}

export async function benchIngestPGlite(workload: IngestWorkload): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-'));
  const handle = await openDatabase({ dataDir: dir });
  try {
    return await ingestInto(handle, 'PGlite (embedded, on disk)', workload, 1);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIngestPostgres(
  serverUrl: string,
  workload: IngestWorkload,
  concurrency = 4,
): Promise<IngestFigures> {
  const name = `interdict_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: concurrency + 2 });
  try {
    return await ingestInto(
      handle,
      `PostgreSQL 15 server (${concurrency} concurrent ingests)`,
      workload,
      concurrency,
    );
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export interface FolderFigures {
  megabytes: number;
  files: number;
  seconds: number;
  peakResidentMegabytes: number;
  /** Peak of the processes the command started (the one-off creation of a new embedded database). */
  peakChildResidentMegabytes: number;
  exitCode: number | null;
}

/** `interdict ingest` of a ~100 MB folder in a child process, watching its peak resident memory. */
export async function benchFolderIngest(targetMegabytes = 100, databaseUrl?: string): Promise<FolderFigures> {
  const cli = new URL('../dist/cli/index.js', import.meta.url).pathname;
  if (!existsSync(cli))
    throw new Error('run `npm run build` first: the folder benchmark runs the built command');
  const folder = mkdtempSync(join(tmpdir(), 'interdict-folder-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'interdict-folder-db-'));
  let bytes = 0;
  let files = 0;
  while (bytes < targetMegabytes * 1e6) {
    const content = generatePaxlst(100_000 + files, 300);
    writeFileSync(join(folder, `paxlst-${files}.edi`), content);
    bytes += content.length;
    files++;
  }
  const started = performance.now();
  const target = databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir];
  const child = spawn(process.execPath, [cli, 'ingest', '--no-progress', ...target, folder], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peakKb = 0;
  let childPeakKb = 0;
  const highWaterMark = (pid: number | string) => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return hwm ? Number(hwm[1]) : 0;
    } catch {
      // The process has exited between two polls.
      return 0;
    }
  };
  const poll = setInterval(() => {
    peakKb = Math.max(peakKb, highWaterMark(child.pid!));
    try {
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8');
      for (const pid of children.split(' ').filter(Boolean))
        childPeakKb = Math.max(childPeakKb, highWaterMark(pid));
    } catch {
      // The process has exited between two polls.
    }
  }, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  rmSync(folder, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  return {
    megabytes: bytes / 1e6,
    files,
    seconds,
    peakResidentMegabytes: peakKb / 1024,
    peakChildResidentMegabytes: childPeakKb / 1024,
    exitCode,
  };
}
