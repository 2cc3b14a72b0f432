/**
 * Sustained ingest with screening, on PostgreSQL: generated 300-traveller PAXLST messages are
 * uploaded at full speed (4 at a time, through the ingest service as the server takes them) for
 * SUSTAINED_BENCH_SECONDS while screening workers run: the in-process worker of the bench process
 * (as the server's) and SUSTAINED_BENCH_PROCESSES worker processes (as `interdict worker`), each
 * with the rules and the watchlist in memory. Every second the queue depth is sampled; after the
 * uploads stop, the queue is watched until it is empty. Every 10th message carries a traveller of
 * a nationality one rule watches for: the time from its upload to its hit stored is the latency.
 * `npm run bench -- sustained`; settings SUSTAINED_BENCH_SECONDS (60), _PROCESSES (1), _RULES (500),
 * _NAMES (100,000 watchlist names).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { seededRandom } from '../scripts/eval-names-data.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/db/migrator.js';
import { createServices } from '../src/services.js';
import { bumpTargetingRevision } from '../src/targeting/hit-store.js';
import { JobWorker } from '../src/jobs/index.js';
import { generateEntries, loadNamePools } from './names-generator.js';
import { generatePaxlst } from './paxlst-generator.js';
import { indexGeneratedList, openBenchDatabase, operator, storeGeneratedList } from './screening.js';
import { generateRules } from './screening-rules.js';
import type { FromSustainedWorker, ToSustainedWorker } from './sustained-worker.js';

const SECONDS = Number(process.env.SUSTAINED_BENCH_SECONDS ?? 60);
const PROCESSES = Number(process.env.SUSTAINED_BENCH_PROCESSES ?? 1);
const RULES = Number(process.env.SUSTAINED_BENCH_RULES ?? 500);
const NAMES = Number(process.env.SUSTAINED_BENCH_NAMES ?? 100_000);
const TRAVELLERS = 300;
const CONCURRENT_UPLOADS = 4;
const PLANTED_EVERY = 10;
const DRAIN_LIMIT_SECONDS = 300;
const TARGET_LATENCY_SECONDS = 1;

const log = (line: string) => process.stderr.write(`${line}\n`);
const fixed = (value: number, digits = 1) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

/** The n-th message; every PLANTED_EVERY-th carries a North Korean national, whom the planted rule watches for. */
function message(index: number): string {
  const text = generatePaxlst(200_000 + index, TRAVELLERS);
  return index % PLANTED_EVERY === 0 ? text.replace(/NAT\+2\+[A-Z]{3}/, 'NAT+2+PRK') : text;
}

interface Sample {
  second: number;
  pending: number;
  running: number;
  done: number;
  ingested: number;
}

async function startWorkerProcesses(databaseUrl: string, watchlistId: string): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  const answer = (child: ChildProcess) =>
    new Promise<FromSustainedWorker>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker process exited (${code})`)));
      child.once('message', (reply: FromSustainedWorker) =>
        reply.kind === 'failed' ? reject(new Error(reply.error)) : resolve(reply),
      );
    });
  for (let index = 0; index < PROCESSES; index++) {
    const child = fork(new URL('./sustained-worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    });
    children.push(child);
    child.send({
      kind: 'setup',
      databaseUrl,
      watchlistId,
      names: NAMES,
      name: `bench-process-${index + 1}`,
    } satisfies ToSustainedWorker);
  }
  await Promise.all(children.map(answer));
  return children;
}

export async function benchSustained(): Promise<{ markdown: string }> {
  const { handle, kind, url, drop } = await openBenchDatabase();
  const children: ChildProcess[] = [];
  try {
    if (kind !== 'PostgreSQL' || !url) return { markdown: 'Not measured: no PostgreSQL server answered.' };
    await migrate(handle);
    const services = createServices(handle, loadConfig({ LOG_LEVEL: 'silent' }, process.env));
    await services.access.bootstrap('bench password 12345');
    const actor = await operator(services);
    const { db } = handle;

    log(`sustained: ${RULES} rules, ${NAMES.toLocaleString('en-GB')} watchlist names ...`);
    const rule = (
      name: string,
      condition: Parameters<typeof services.targeting.rules.create>[1]['condition'],
    ) =>
      services.targeting.rules.create(actor, {
        subject: 'traveller',
        name,
        description: '',
        severity: 'high',
        category: 'bench',
        condition,
        validFrom: null,
        validTo: null,
      });
    for (const [index, condition] of generateRules(RULES).entries())
      await rule(`Generated rule ${index + 1}`, condition);
    const planted = await rule('Planted: North Korean national', {
      all: [{ field: 'traveller.nationality', operator: 'equals', value: 'KP' }],
    });
    await db.updateTable('rules').set({ state: 'active' }).execute();
    await bumpTargetingRevision(db);
    const random = seededRandom(1_000_000);
    const generated = generateEntries(loadNamePools(random), NAMES, random);
    const watchlistId = await storeGeneratedList(handle, generated);
    await indexGeneratedList(services, generated, watchlistId);
    await services.targeting.screening.ruleSets();

    log(`sustained: starting ${PROCESSES} worker process(es) ...`);
    children.push(...(await startWorkerProcesses(url, watchlistId)));
    const worker = new JobWorker(services.jobs.queue, {
      name: 'bench-in-process',
      pollMs: 50,
    });
    worker.start();

    // Warm-up, not counted: the ingest path and the workers' code compiled, the caches filled.
    let next = 0;
    for (; next < 20; next++)
      await services.messages.ingest(actor, {
        filename: `warm-${next}.edi`,
        bytes: Buffer.from(message(next)),
      });
    while (Number((await services.targeting.screening.queue.counts()).pending ?? 0) > 0)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const doneBefore = Number((await services.targeting.screening.queue.counts()).done ?? 0);
    const firstMeasured = next;

    log(`sustained: uploading for ${SECONDS} s ...`);
    const uploads = new Map<string, number>(); // planted message id -> upload start (epoch ms)
    const uploadEnds = new Map<string, number>(); // planted message id -> upload answered (epoch ms)
    const uploadSeconds: number[] = []; // every measured upload, start to answer
    let ingested = 0;
    let uploading = true;
    const started = performance.now();
    const samples: Sample[] = [];
    const sample = async () => {
      const counts = await services.targeting.screening.queue.counts();
      samples.push({
        second: (performance.now() - started) / 1000,
        pending: counts.pending ?? 0,
        running: counts.running ?? 0,
        done: (counts.done ?? 0) - doneBefore,
        ingested,
      });
    };
    const sampler = setInterval(() => void sample(), 1000);
    const uploader = async () => {
      while (uploading) {
        const index = next++;
        const uploadStart = Date.now();
        const result = await services.messages.ingest(actor, {
          filename: `sustained-${index}.edi`,
          bytes: Buffer.from(message(index)),
        });
        if (result.status !== 'parsed') throw new Error(`message ${index} was ${result.status}`);
        ingested += result.travellers;
        uploadSeconds.push((Date.now() - uploadStart) / 1000);
        if (index % PLANTED_EVERY === 0) {
          uploads.set(result.id, uploadStart);
          uploadEnds.set(result.id, Date.now());
        }
        if (performance.now() - started >= SECONDS * 1000) uploading = false;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_UPLOADS }, uploader));
    const ingestSeconds = (performance.now() - started) / 1000;
    const messages = next - firstMeasured;

    log('sustained: uploads stopped, waiting for the queue to drain ...');
    let drainedAt = NaN;
    while ((performance.now() - started) / 1000 < ingestSeconds + DRAIN_LIMIT_SECONDS) {
      const counts = await services.targeting.screening.queue.counts();
      if ((counts.pending ?? 0) + (counts.running ?? 0) === 0) {
        drainedAt = (performance.now() - started) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    clearInterval(sampler);
    await sample();
    await worker.stop();
    const final = await services.targeting.screening.queue.counts();

    const { rows: hitTimes } = await sql<{ message_id: string; at: string }>`
      select tm.message_id, min(h.created_at)::text as at
      from hits h join traveller_messages tm on tm.traveller_id = h.traveller_id
      where h.rule_id = ${planted.id}
      group by tm.message_id`.execute(db);
    const latencies = hitTimes
      .filter((row) => uploads.has(row.message_id))
      .map((row) => (new Date(row.at).getTime() - uploads.get(row.message_id)!) / 1000)
      .sort((a, b) => a - b);
    const afterAnswer = hitTimes
      .filter((row) => uploadEnds.has(row.message_id))
      .map((row) => (new Date(row.at).getTime() - uploadEnds.get(row.message_id)!) / 1000)
      .sort((a, b) => a - b);
    uploadSeconds.sort((a, b) => a - b);
    const screenedDuringIngest = samples.filter((s) => s.second <= ingestSeconds).at(-1)?.done ?? 0;
    const screened = (final.done ?? 0) - doneBefore;
    const depths = samples.filter((s) => s.second <= ingestSeconds).map((s) => s.pending + s.running);
    const sortedDepths = [...depths].sort((a, b) => a - b);
    const depthAt = (fraction: number) =>
      sortedDepths[Math.min(sortedDepths.length - 1, Math.floor(fraction * sortedDepths.length))] ?? 0;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const drainSeconds = drainedAt - ingestSeconds;
    // Bounded: the largest backlog seen while uploading is at most two seconds of screening.
    const screeningRate = (screened * TRAVELLERS) / drainedAt;
    const bounded = Math.max(0, ...depths) * TRAVELLERS <= 2 * screeningRate;
    const series = samples
      .filter((s, index) => index % 5 === 4 || s === samples.at(-1))
      .map((s) => `${fixed(s.second, 0)} s: ${s.pending + s.running}`)
      .join(' · ');

    const markdown = [
      `PostgreSQL 15 server on this machine (a fresh database), ${RULES} active generated rules (bench/screening-rules.ts) and one planted rule, a watchlist of ${NAMES.toLocaleString('en-GB')} generated names (bench/names-generator.ts) in every worker's index. Generated PAXLST messages of ${TRAVELLERS} travellers (bench/paxlst-generator.ts), ${CONCURRENT_UPLOADS} uploads at a time through the ingest service for ${SECONDS} s, after 20 warm-up messages; every ${PLANTED_EVERY}th message carries a North Korean national, whom the planted rule watches for. Screening workers: the bench process's own (as the server's \`SCREENING_WORKERS=1\`) and ${PROCESSES} worker process(es) (as \`interdict worker\`), all on the same 2 cores as the uploads and the database server.`,
      '',
      '| measure | figure | target | |',
      '| --- | --- | --- | --- |',
      `| travellers in | ${whole(ingested / ingestSeconds)}/s (${messages.toLocaleString('en-GB')} messages, ${ingested.toLocaleString('en-GB')} travellers in ${fixed(ingestSeconds)} s) | | |`,
      `| travellers screened while uploading | ${whole((screenedDuringIngest * TRAVELLERS) / ingestSeconds)}/s | as fast as in | ${screenedDuringIngest * TRAVELLERS >= 0.9 * ingested ? 'met' : '**not met**'} |`,
      `| travellers screened, upload start to empty queue | ${whole((screened * TRAVELLERS) / drainedAt)}/s (${(screened * TRAVELLERS).toLocaleString('en-GB')} in ${fixed(drainedAt)} s) | | |`,
      `| queue depth (jobs pending or running) while uploading, sampled each second | median ${depthAt(0.5)}, 99th percentile ${depthAt(0.99)}, largest ${Math.max(0, ...depths)}, at the end ${depths.at(-1) ?? 0} | at most 2 s of screening | ${bounded ? 'met' : '**not met**'} |`,
      `| from the end of the uploads to an empty queue | ${Number.isNaN(drainSeconds) ? `not empty after ${DRAIN_LIMIT_SECONDS} s` : `${fixed(drainSeconds)} s`} | a few seconds | ${drainSeconds <= 5 ? 'met' : '**not met**'} |`,
      `| upload to hit stored (${latencies.length} planted travellers of ${uploads.size} messages) | p50 ${fixed(p50, 2)} s, p99 ${fixed(p99, 2)} s, largest ${fixed(latencies.at(-1) ?? NaN, 2)} s | p99 < ${TARGET_LATENCY_SECONDS} s | ${p99 < TARGET_LATENCY_SECONDS ? 'met' : '**not met**'} |`,
      `| of which the upload itself (every message, start to answer) | p50 ${fixed(percentile(uploadSeconds, 50), 2)} s, p99 ${fixed(percentile(uploadSeconds, 99), 2)} s | | |`,
      `| of which the upload's answer to hit stored | p50 ${fixed(percentile(afterAnswer, 50), 2)} s, p99 ${fixed(percentile(afterAnswer, 99), 2)} s | | |`,
      `| jobs left | ${JSON.stringify(final)} | none pending, none dead | ${(final.pending ?? 0) + (final.running ?? 0) + (final.dead ?? 0) === 0 ? 'met' : '**not met**'} |`,
      '',
      `Queue depth every 5 s: ${series}.`,
    ].join('\n');
    return { markdown };
  } finally {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.send({ kind: 'stop' } satisfies ToSustainedWorker);
        const timer = setTimeout(() => child.kill(), 30_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await handle.close();
    await drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { markdown } = await benchSustained();
  process.stdout.write(`${markdown}\n`);
}
