/**
 * `npm run bench [-- section ...]`: the benchmarks, on this machine, each writing its section of
 * bench/RESULTS.md. Sections: parse, ingest, names, screening, folder, sustained, files (all when none is named).
 * PostgreSQL figures use BENCH_DATABASE_URL (or TEST_DATABASE_URL, or the local server when it answers).
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import pg from 'pg';
import {
  benchFolderIngest,
  benchIngestPGlite,
  benchIngestPostgres,
  paxlstWorkload,
  pnrgovWorkload,
  type IngestFigures,
  type IngestWorkload,
} from './ingest.js';
import { benchNames } from './names.js';
import { realFileMarkdown } from './real-files.js';
import { benchScreening } from './screening.js';
import { benchSustained } from './sustained.js';
import { benchPaxlstParse } from './paxlst-parse.js';
import { benchPnrgovParse } from './pnrgov-parse.js';
import { writeResultsSection } from './results.js';

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const fixed = (value: number, digits = 1) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
function folderRow(database: string, folder: Awaited<ReturnType<typeof benchFolderIngest>>): string {
  const child =
    folder.peakChildResidentMegabytes > 0 ? `${fixed(folder.peakChildResidentMegabytes, 0)} MB` : '—';
  return `| ${database} | ${folder.files} | ${fixed(folder.megabytes)} MB | ${fixed(folder.seconds)} s | ${fixed(folder.peakResidentMegabytes, 0)} MB | ${child} | < 300 MB | ${verdict(folder.peakResidentMegabytes < 300 && folder.exitCode === 0)} |`;
}
const log = (line: string) => process.stderr.write(`${line}\n`);

function ingestRow(figures: IngestFigures, unit: 'travellers' | 'reservations', target: number): string {
  const rate = unit === 'travellers' ? figures.travellersPerSecond : figures.reservationsPerSecond;
  const amount = unit === 'travellers' ? figures.travellers : figures.reservations;
  return `| ${figures.target} | ${figures.messages} | ${amount.toLocaleString('en-GB')} ${unit} | ${fixed(figures.seconds)} s | ${fixed(rate, 0)} ${unit}/s | ≥ ${target.toLocaleString('en-GB')} | ${verdict(rate >= target)} |`;
}

async function ingestTable(
  workload: IngestWorkload,
  unit: 'travellers' | 'reservations',
  targets: [number, number],
) {
  log(`ingest ${unit} into PGlite ...`);
  const rows = [ingestRow(await benchIngestPGlite(workload), unit, targets[0])];
  if (await serverAnswers(serverUrl)) {
    log(`ingest ${unit} into PostgreSQL ...`);
    rows.push(ingestRow(await benchIngestPostgres(serverUrl, workload), unit, targets[1]));
  } else
    rows.push(
      `| PostgreSQL | — | — | — | — | ≥ ${targets[1]} | not measured: no server at ${new URL(serverUrl).host} |`,
    );
  return [
    '| database | messages | stored | time | rate | target | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

const sections: Record<string, () => Promise<void>> = {
  async parse() {
    log('parsing PAXLST ...');
    const parse = await benchPaxlstParse();
    log('parsing PNRGOV ...');
    const pnr = await benchPnrgovParse();
    writeResultsSection(
      'parse',
      `## PAXLST parsing\n\n${parse.markdown}\n\n## PNRGOV parsing\n\n${pnr.markdown}`,
    );
  },
  async ingest() {
    const paxlstLoad = paxlstWorkload(1000, 300);
    const pnrgovLoad = pnrgovWorkload(1000, 10);
    const paxlst = await ingestTable(paxlstLoad, 'travellers', [1000, 5000]);
    const pnrgov = await ingestTable(pnrgovLoad, 'reservations', [500, 2000]);
    writeResultsSection(
      'ingest',
      [
        '## Ingest (parse, deduplicate, store)',
        '',
        `Through the ingest service as an upload goes, each message in its own transaction, after other messages of the same kind that warm the process and the database up (stored, not counted): ${paxlstLoad.warmUpMessages} PAXLST, ${pnrgovLoad.warmUpMessages} PNRGOV.`,
        '',
        '### PAXLST: 1,000 generated messages of 300 travellers (bench/paxlst-generator.ts)',
        '',
        ...paxlst,
        '',
        '### PNRGOV: 1,000 generated messages of 10 reservations, 1–6 travellers each (bench/pnrgov-generator.ts)',
        '',
        'Each reservation: upsert with a new version, travellers, flights of its itinerary, contact links, derived facts, and linking to API travellers.',
        '',
        ...pnrgov,
      ].join('\n'),
    );
  },
  async names() {
    log('name index: one million names ...');
    const names = await benchNames();
    writeResultsSection('names-speed', `## Name matching speed\n\n${names.markdown}`);
  },
  async screening() {
    log('screening: 500 rules and one million watchlist names ...');
    const screening = await benchScreening();
    writeResultsSection('screening', `## Screening (rules and watchlists)\n\n${screening.markdown}`);
  },
  async sustained() {
    log('sustained ingest with screening on PostgreSQL ...');
    // The machine is shared: how busy it was before the run says how far to trust the figures.
    const load = loadavg().map((value) => value.toFixed(2));
    const machine = execSync('lscpu | head; free -g', { encoding: 'utf8' }).trimEnd();
    const sustained = await benchSustained();
    writeResultsSection(
      'sustained',
      [
        '## Sustained ingest with screening (PostgreSQL)',
        '',
        sustained.markdown,
        '',
        `Load average before the run (1, 5, 15 min): ${load.join(', ')}. The machine:`,
        '',
        '```',
        machine,
        '```',
      ].join('\n'),
    );
  },
  async files() {
    log('real files through each reader ...');
    writeResultsSection('real-files', realFileMarkdown());
  },
  async folder() {
    const rows: string[] = [];
    log('ingest a 100 MB folder with the command, embedded database ...');
    const embedded = await benchFolderIngest(100);
    rows.push(folderRow('embedded PGlite', embedded));
    if (await serverAnswers(serverUrl)) {
      log('ingest a 100 MB folder with the command, PostgreSQL server ...');
      const name = `interdict_folder_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      try {
        rows.push(
          folderRow('PostgreSQL server (DATABASE_URL)', await benchFolderIngest(100, url.toString())),
        );
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
    writeResultsSection(
      'folder',
      [
        '## `interdict ingest` of a 100 MB folder of PAXLST files',
        '',
        "Peak resident memory (VmHWM) of the command process, and of the short-lived process it starts to make a new embedded database: it unpacks the empty cluster that `npm run build` made once with PGlite's initdb (src/db/pglite-template.ts), then exits, before the command opens the database and reads any file. (Running initdb itself takes about 660 MB, never given back by a process, which is why it is neither done in the command nor for each new database.)",
        '',
        'The embedded database is PGlite, PostgreSQL compiled to WebAssembly, in the command process. What its resident memory is made of, measured on this machine with the built command: Node.js and the application before the database is opened, about 70–85 MB; opening an existing PGlite database, about +115 MB with the default settings (shared_buffers 160 MB and V8 compiling PostgreSQL with both its baseline and its optimising WebAssembly compilers), +75 MB with shared_buffers 16 MB and the baseline compiler only (Liftoff), which `interdict ingest` uses on the embedded database; migrations about +5–20 MB; then the JavaScript heap of the ingest (about 70–80 MB, rising and falling with garbage collection). Before these changes, a new database was created in the command process itself: 830 MB resident before the first file was read.',
        '',
        '| database | files | size | time | peak resident memory | peak of the database creation process | target | |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  for (const name of wanted)
    if (!sections[name])
      throw new Error(`unknown section ${name}: choose from ${Object.keys(sections).join(', ')}`);
  for (const [name, run] of Object.entries(sections))
    if (wanted.length === 0 || wanted.includes(name)) await run();
  log('results written to bench/RESULTS.md');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
