/**
 * Name-screening benchmark: one million generated watchlist names (bench/names-generator.ts),
 * indexed, then screened against on one core; and, in the same run, the index compared with
 * a full scan by the same scorer. Standalone: `npx tsx --expose-gc bench/names.ts`.
 */
import { pathToFileURL } from 'node:url';
import { NameIndex, OPERATING_THRESHOLD, screenPerson } from '../src/names/api.js';
import { seededRandom } from '../scripts/eval-names-data.js';
import { compareWithFullScan, fullScanQueries } from './names-full-scan.js';
import { generateEntries, generateQueries, loadNamePools } from './names-generator.js';
import { collectGarbage } from './results.js';

const ENTRIES = Number(process.env.NAMES_BENCH_ENTRIES ?? 1_000_000);
const QUERIES = Number(process.env.NAMES_BENCH_QUERIES ?? 20_000);
// A full scan of a million names takes seconds: the sample is shared out among one worker per core.
const FULL_SCAN_QUERIES = Number(process.env.NAMES_BENCH_FULL_SCANS ?? 200);
const SEED = 1_000_003;

const TARGETS = {
  buildSeconds: 60,
  memoryMegabytes: 2048,
  queriesPerSecond: 3000,
  p99Milliseconds: 5,
  indexRecall: 0.995,
};

const megabytes = (bytes: number) => bytes / 2 ** 20;
const fixed = (value: number, digits = 1) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

export async function benchNames(): Promise<{ markdown: string; figures: Record<string, number> }> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const random = seededRandom(SEED);
  log('names: loading name lists ...');
  const pools = loadNamePools(random);
  log(`names: generating ${ENTRIES.toLocaleString('en-GB')} watchlist entries ...`);
  const entries = generateEntries(pools, ENTRIES, random);
  const queries = generateQueries(pools, entries, QUERIES, random);
  // Mostly listed persons altered, so that the full scans have hits to find.
  const scanQueries = fullScanQueries(entries, FULL_SCAN_QUERIES)(pools);
  collectGarbage();
  const before = process.memoryUsage();

  log('names: indexing ...');
  const started = performance.now();
  const index = new NameIndex();
  index.addAll(entries);
  index.build();
  const buildSeconds = (performance.now() - started) / 1000;
  collectGarbage();
  const after = process.memoryUsage();
  const heapMegabytes = megabytes(
    after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers,
  );
  const stats = index.stats();

  log(`names: screening ${QUERIES.toLocaleString('en-GB')} persons ...`);
  for (const query of queries.slice(0, 500)) screenPerson(index, query);
  const latencies: number[] = [];
  let hits = 0;
  const screeningStarted = performance.now();
  for (const query of queries) {
    const at = performance.now();
    hits += screenPerson(index, query).length;
    latencies.push(performance.now() - at);
  }
  const screeningSeconds = (performance.now() - screeningStarted) / 1000;
  latencies.sort((a, b) => a - b);
  const queriesPerSecond = QUERIES / screeningSeconds;
  const p50 = percentile(latencies, 0.5);
  const p99 = percentile(latencies, 0.99);

  log(`names: full scans for ${FULL_SCAN_QUERIES} queries ...`);
  const scan = await compareWithFullScan(
    { entries: ENTRIES, queries: FULL_SCAN_QUERIES, seed: SEED },
    scanQueries,
  );

  const figures = {
    entries: stats.entries,
    names: stats.names,
    vocabulary: stats.vocabulary,
    buildSeconds,
    heapMegabytes,
    residentMegabytes: megabytes(after.rss),
    queriesPerSecond,
    p50Milliseconds: p50,
    p99Milliseconds: p99,
    hitsPerQuery: hits / QUERIES,
    fullScanQueries: scanQueries.length,
    fullScanHits: scan.expected,
    indexRecall: scan.recall,
    fullScanSeconds: scan.secondsPerScan,
  };
  const markdown = [
    `${stats.entries.toLocaleString('en-GB')} generated watchlist persons (${stats.names.toLocaleString('en-GB')} names, ${stats.vocabulary.toLocaleString('en-GB')} distinct parts), recombined from: ${pools.sources.join('; ')}. Queries: half listed persons re-spelt (typo, passport folding, reordering, a dropped middle name, date of birth ±1 year), half new persons from the same parts; the full-scan sample is four fifths listed persons re-spelt, so that it has hits to find. Operating threshold ${OPERATING_THRESHOLD}.`,
    '',
    '| measure | value | target | |',
    '| --- | --- | --- | --- |',
    `| index build | ${fixed(buildSeconds)} s | < ${TARGETS.buildSeconds} s | ${verdict(buildSeconds < TARGETS.buildSeconds)} |`,
    `| index memory (heap and buffers held, entries included) | ${fixed(heapMegabytes, 0)} MB (process resident ${fixed(megabytes(after.rss), 0)} MB) | < ${TARGETS.memoryMegabytes} MB | ${verdict(Math.max(heapMegabytes, megabytes(after.rss)) < TARGETS.memoryMegabytes)} |`,
    `| screening throughput, one core | ${fixed(queriesPerSecond, 0)} persons/s (${QUERIES.toLocaleString('en-GB')} persons, ${fixed(hits / QUERIES, 2)} hits each) | ≥ ${TARGETS.queriesPerSecond.toLocaleString('en-GB')} /s | ${verdict(queriesPerSecond >= TARGETS.queriesPerSecond)} |`,
    `| latency p50 / p99 | ${fixed(p50, 2)} ms / ${fixed(p99, 2)} ms | p99 < ${TARGETS.p99Milliseconds} ms | ${verdict(p99 < TARGETS.p99Milliseconds)} |`,
    `| index vs full scan (same scorer) | ${scan.found} of ${scan.expected} hits found (${fixed(100 * scan.recall, 2)} %) on ${scanQueries.length} queries (shared among one worker thread per core, each with the same index); a full scan takes ${fixed(scan.secondsPerScan, 2)} s | ≥ ${100 * TARGETS.indexRecall} % | ${verdict(scan.recall >= TARGETS.indexRecall)} |`,
    ...(scan.missed.length > 0 ? ['', `Missed by the index: ${scan.missed.join('; ')}.`] : []),
  ].join('\n');
  return { markdown, figures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchNames()
    .then(({ markdown }) => process.stdout.write(`## Name screening\n\n${markdown}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}
