/**
 * The index against a full scan by the same scorer, on a sample of queries shared out among
 * worker threads (one per core): a full scan of a million names takes seconds, and a sample
 * large enough to show 99.5 % takes minutes on one core. Each worker builds the same index from
 * the same seeded generator as the main benchmark.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { NameIndex, type PersonQuery } from '../src/names/api.js';
import { seededRandom } from '../scripts/eval-names-data.js';
import { generateEntries, generateQueries, loadNamePools } from './names-generator.js';

export interface FullScanComparison {
  found: number;
  expected: number;
  recall: number;
  secondsPerScan: number;
  missed: string[];
  queries: number;
}

interface Share {
  entries: number;
  queries: number;
  from: number;
  to: number;
  seed: number;
  firstQuery: string;
}

/** The generated sample: four fifths listed persons re-spelt, so that the scans have hits to find. */
export function fullScanQueries(entries: Parameters<typeof generateQueries>[1], count: number) {
  return (pools: Parameters<typeof generateQueries>[0]) =>
    generateQueries(pools, entries, count, seededRandom(7), 0.8);
}

function compare(
  index: NameIndex,
  queries: readonly PersonQuery[],
): Omit<FullScanComparison, 'recall' | 'queries'> {
  let found = 0;
  let expected = 0;
  let seconds = 0;
  const missed: string[] = [];
  for (const query of queries) {
    const started = performance.now();
    const full = index.fullScan(query, { limit: 1000 });
    seconds += (performance.now() - started) / 1000;
    const fromIndex = new Set(index.search(query, { limit: 1000 }).map((hit) => hit.id));
    expected += full.length;
    for (const hit of full) {
      if (fromIndex.has(hit.id)) found++;
      else if (missed.length < 5)
        missed.push(`${query.name} -> ${hit.explanation.candidateName} (${hit.score})`);
    }
  }
  return { found, expected, secondsPerScan: seconds / Math.max(1, queries.length), missed };
}

/** Builds the benchmark's index in this thread and compares its share of the sample. */
function runShare(share: Share) {
  const random = seededRandom(share.seed);
  const pools = loadNamePools(random);
  const entries = generateEntries(pools, share.entries, random);
  const queries = fullScanQueries(entries, share.queries)(pools);
  if (queries[0]?.name !== share.firstQuery) throw new Error('the worker generated another sample');
  const index = new NameIndex();
  index.addAll(entries);
  index.build();
  return compare(index, queries.slice(share.from, share.to));
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'full-scan') {
  parentPort!.postMessage(runShare((workerData as { share: Share }).share));
}

/** Compares `queries` (the generated sample) across one worker per core. */
export async function compareWithFullScan(
  options: Omit<Share, 'from' | 'to' | 'firstQuery'>,
  queries: readonly PersonQuery[],
): Promise<FullScanComparison> {
  const workers = Math.max(1, Math.min(availableParallelism(), queries.length));
  const per = Math.ceil(queries.length / workers);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, k) => {
      const share: Share = {
        ...options,
        from: k * per,
        to: Math.min(queries.length, (k + 1) * per),
        firstQuery: queries[0]!.name,
      };
      return new Promise<Omit<FullScanComparison, 'recall' | 'queries'>>((resolve, reject) => {
        const fromSource = import.meta.url.endsWith('.ts');
        const worker = new Worker(
          fromSource ? new URL('./worker-loader.mjs', import.meta.url) : new URL(import.meta.url),
          {
            workerData: { role: 'full-scan', share, module: import.meta.url },
          },
        );
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once(
          'exit',
          (code) => code !== 0 && reject(new Error(`full-scan worker exited with ${code}`)),
        );
      });
    }),
  );
  const found = results.reduce((sum, r) => sum + r.found, 0);
  const expected = results.reduce((sum, r) => sum + r.expected, 0);
  return {
    found,
    expected,
    recall: expected === 0 ? 1 : found / expected,
    secondsPerScan: results.reduce((sum, r) => sum + r.secondsPerScan, 0) / results.length,
    missed: results.flatMap((r) => r.missed).slice(0, 5),
    queries: queries.length,
  };
}
