/**
 * `npm run bench`: every benchmark, on this machine, with the figures written to bench/RESULTS.md.
 * PostgreSQL figures use BENCH_DATABASE_URL (or TEST_DATABASE_URL, or the local server when it answers).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { benchFolderIngest, benchIngestPGlite, benchIngestPostgres, type IngestFigures } from './ingest.js';
import { benchPaxlstParse } from './paxlst-parse.js';

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

function ingestRow(figures: IngestFigures, target: number): string {
  return `| ${figures.target} | ${figures.messages} × 300 | ${figures.travellers.toLocaleString('en-GB')} | ${fixed(figures.seconds)} s | ${fixed(figures.travellersPerSecond, 0)} | ≥ ${target.toLocaleString('en-GB')} | ${verdict(figures.travellersPerSecond >= target)} |`;
}

async function main() {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sections: string[] = [];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  sections.push(
    '# Benchmark results',
    '',
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    'Produced by `npm run bench` (bench/run.ts); each figure is from one run on this machine.',
    '',
  );

  log('parsing PAXLST ...');
  const parse = await benchPaxlstParse();
  sections.push('## PAXLST parsing', '', parse.markdown, '');

  log('ingest into PGlite ...');
  const pglite = await benchIngestPGlite();
  const rows = [ingestRow(pglite, 1000)];
  if (await serverAnswers(serverUrl)) {
    log('ingest into PostgreSQL ...');
    rows.push(ingestRow(await benchIngestPostgres(serverUrl), 5000));
  } else
    rows.push(
      `| PostgreSQL | — | — | — | — | ≥ 5,000 | not measured: no server answered at ${new URL(serverUrl).host} |`,
    );
  sections.push(
    '## Ingest (parse, deduplicate, store flights and travellers)',
    '',
    '1,000 generated PAXLST messages of 300 travellers each (bench/paxlst-generator.ts), through the ingest service as an upload would go, each message in its own transaction.',
    '',
    '| database | messages | travellers | time | travellers/s | target | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  );

  log('ingest a 100 MB folder with the command ...');
  const folder = await benchFolderIngest(100);
  sections.push(
    '## `interdict ingest` of a 100 MB folder (embedded database)',
    '',
    `| files | size | time | peak resident memory | target | |`,
    '| --- | --- | --- | --- | --- | --- |',
    `| ${folder.files} | ${fixed(folder.megabytes)} MB | ${fixed(folder.seconds)} s | ${fixed(folder.peakResidentMegabytes, 0)} MB | < 300 MB | ${verdict(folder.peakResidentMegabytes < 300 && folder.exitCode === 0)} |`,
    '',
  );

  const markdown = sections.join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), markdown);
  process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
