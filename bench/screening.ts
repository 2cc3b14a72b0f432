/**
 * Screening benchmark: 500 active generated rules and a one-million-name generated watchlist;
 * travellers of generated 300-traveller PAXLST messages read from the database and screened
 * (rules and watchlist), writes excluded, in this process and then in one screening process per
 * core (bench/screening-process.ts); then the time from an uploaded 300-traveller message to its
 * hits in the queue, with the in-process worker. Standalone: `npx tsx --expose-gc bench/screening.ts`.
 * Settings: SCREENING_BENCH_RULES, _NAMES, _MESSAGES, _PROCESSES (1: this process only), and
 * SCREENING_BENCH_PROFILE=file.cpuprofile or file.heapprofile for a profile of the measured passes.
 */
import { pathToFileURL } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { seededRandom } from '../scripts/eval-names-data.js';
import type { Actor } from '../src/access/model.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrate } from '../src/db/migrator.js';
import { createServices, type Services } from '../src/services.js';
import { bumpTargetingRevision } from '../src/targeting/hit-store.js';
import { JobWorker } from '../src/jobs/index.js';
import type { IndexedEntry } from '../src/watchlists/screening.js';
import { generateEntries, loadNamePools } from './names-generator.js';
import { generatePaxlst } from './paxlst-generator.js';
import { generateRules } from './screening-rules.js';
import { startProfile, watchCollections } from './profiling.js';
import { collectGarbage, medianBy } from './results.js';

const RULES = Number(process.env.SCREENING_BENCH_RULES ?? 500);
const NAMES = Number(process.env.SCREENING_BENCH_NAMES ?? 1_000_000);
const MESSAGES = Number(process.env.SCREENING_BENCH_MESSAGES ?? 20);
const LATENCY_RUNS = 5;
const PASSES = 5;
const PROCESSES = Number(process.env.SCREENING_BENCH_PROCESSES ?? availableParallelism());
const TARGETS = { travellersPerSecond: 5000, latencySeconds: 1 };

export async function openBenchDatabase(): Promise<{
  handle: DatabaseHandle;
  kind: string;
  /** The database's address, for other processes to open; none for the embedded one. */
  url?: string;
  drop: () => Promise<void>;
}> {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `interdict_bench_${randomBytes(4).toString('hex')}`;
  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 8 });
    return {
      handle,
      kind: 'PostgreSQL',
      url: url.toString(),
      drop: async () => {
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  } catch {
    return {
      handle: await openDatabase({ dataDir: 'memory://' }),
      kind: 'PGlite',
      drop: async () => undefined,
    };
  }
}

export async function operator(services: Services): Promise<Actor> {
  const unit = (await services.access.store.listUnits()).find((u) => u.code === 'BA-PIU')!;
  return {
    kind: 'user',
    id: '00000000-0000-0000-0000-000000000000',
    name: 'bench',
    roles: ['admin'],
    unitId: unit.id,
    jurisdictionCode: 'BA',
  };
}

/** A UUID per generated entry, the same in the database and in the index. */
const entryUuid = (index: number) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/**
 * The generated entries as rows of a real watchlist, so that hits on them are stored like any
 * other (a hit refers to its entry); the index is then built from the same entries in memory.
 */
export async function storeGeneratedList(
  handle: DatabaseHandle,
  generated: ReturnType<typeof generateEntries>,
): Promise<string> {
  const list = await sql<{ id: string }>`
    insert into watchlists (name, kind, source, jurisdiction_code, sharing, created_by)
    values ('Generated list', 'person', 'national', 'BA', 'all', 'bench') returning id`.execute(handle.db);
  const watchlistId = list.rows[0]!.id;
  for (let start = 0; start < generated.length; start += 20_000) {
    const rows = generated.slice(start, start + 20_000).map((entry, offset) => ({
      id: entryUuid(start + offset),
      e: entry.entryId,
      n: entry.names[0],
    }));
    await sql`
      insert into watchlist_entries (id, watchlist_id, external_id, kind, primary_name, search_text, details,
        severity, content_hash)
      select id, ${watchlistId}, e, 'person', n, lower(n), '{}'::jsonb, 'high', ''
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, e text, n text)`.execute(
      handle.db,
    );
  }
  return watchlistId;
}

const fixed = (value: number, digits = 1) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The generated entries into the screening index, as stored by `storeGeneratedList`. */
export async function indexGeneratedList(
  services: Services,
  generated: ReturnType<typeof generateEntries>,
  watchlistId: string,
): Promise<void> {
  const entries: IndexedEntry[] = generated.map((entry, index) => ({
    id: entryUuid(index),
    externalId: entry.entryId,
    watchlistId,
    listName: 'Generated list',
    listSource: 'national',
    sharing: 'all',
    jurisdictionCode: 'BA',
    ownerUnitId: null,
    kind: 'person',
    primaryName: entry.names[0],
    category: 'bench',
    severity: 'high',
    reason: null,
    validFrom: null,
    validTo: null,
    details: {
      aliases: entry.names.slice(1).map((name) => ({ name, quality: null })),
      originalScriptNames: [],
      datesOfBirth: entry.datesOfBirth ?? [],
      placesOfBirth: [],
      nationalities: entry.nationalities ?? [],
      sex: null,
      documents: [],
    },
  }));
  await services.watchlists.screening.preload(entries);
}

/** One pass over the travellers, a thousand at a time: read from the database, screened, nothing written. */
export async function screeningPass(
  screening: Services['targeting']['screening'],
  travellerIds: readonly string[],
): Promise<{ seconds: number; loadSeconds: number; found: number }> {
  let found = 0;
  let loading = 0;
  const started = performance.now();
  for (let start = 0; start < travellerIds.length; start += 1000) {
    const loadStarted = performance.now();
    const travellers = await screening.load('traveller', travellerIds.slice(start, start + 1000));
    loading += performance.now() - loadStarted;
    found += (await screening.evaluate([travellers])).length;
  }
  return { seconds: (performance.now() - started) / 1000, loadSeconds: loading / 1000, found };
}

/** The generated watchlist, the same for every process that asks (seeded). */
export function generatedList(): ReturnType<typeof generateEntries> {
  const random = seededRandom(1_000_000);
  return generateEntries(loadNamePools(random), NAMES, random);
}

/** Messages between the bench and its screening processes (bench/screening-process.ts). */
export type ToScreeningProcess =
  | { kind: 'setup'; databaseUrl: string; watchlistId: string; travellerIds: string[] }
  | { kind: 'pass' }
  | { kind: 'exit' };
export type FromScreeningProcess =
  { kind: 'ready' } | { kind: 'passed'; seconds: number; found: number } | { kind: 'failed'; error: string };

/**
 * PROCESSES screening processes, each building its own index and screening its share of the
 * travellers; each pass starts them together and lasts until the last one is done.
 */
async function parallelPasses(
  databaseUrl: string,
  watchlistId: string,
  travellerIds: readonly string[],
): Promise<{ processes: number; seconds: number; found: number }> {
  log(`${PROCESSES} screening processes, each indexing the watchlist ...`);
  const children: ChildProcess[] = [];
  const next = (child: ChildProcess) =>
    new Promise<FromScreeningProcess>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`screening process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message: FromScreeningProcess) => {
        child.off('exit', onExit);
        if (message.kind === 'failed') reject(new Error(message.error));
        else resolve(message);
      });
    });
  try {
    const share = Math.ceil(travellerIds.length / PROCESSES);
    for (let index = 0; index < PROCESSES; index++) {
      const child = fork(new URL('./screening-process.ts', import.meta.url), [], {
        // As `interdict worker` runs (bin/interdict.js).
        execArgv: ['--import', 'tsx', '--expose-gc', '--max-semi-space-size=64'],
        env: { ...process.env, SCREENING_BENCH_NAMES: String(NAMES) },
      });
      children.push(child);
      child.send({
        kind: 'setup',
        databaseUrl,
        watchlistId,
        travellerIds: travellerIds.slice(index * share, (index + 1) * share),
      } satisfies ToScreeningProcess);
    }
    await Promise.all(children.map(next));
    const passes: { seconds: number; found: number }[] = [];
    // A first pass not counted, as for the one-process figure: the processes' code is warm.
    for (let pass = -1; pass < PASSES; pass++) {
      const started = performance.now();
      const done = Promise.all(children.map(next));
      for (const child of children) child.send({ kind: 'pass' } satisfies ToScreeningProcess);
      const results = (await done) as Extract<FromScreeningProcess, { kind: 'passed' }>[];
      if (pass < 0) continue;
      passes.push({
        seconds: (performance.now() - started) / 1000,
        found: results.reduce((sum, result) => sum + result.found, 0),
      });
    }
    log(`parallel passes: ${passes.map((p) => p.seconds.toFixed(2)).join(', ')} s`);
    return { processes: PROCESSES, ...medianBy(passes, (p) => p.seconds) };
  } finally {
    // Gone before the bench goes on: a process giving back its index's memory would slow what
    // is measured next (the upload-to-hits latency).
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.send({ kind: 'exit' } satisfies ToScreeningProcess);
        const timer = setTimeout(() => child.kill(), 30_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

export async function benchScreening(): Promise<{ markdown: string }> {
  const { handle, kind, url, drop } = await openBenchDatabase();
  try {
    await migrate(handle);
    const config = loadConfig({ LOG_LEVEL: 'silent', INSTALLATION_JURISDICTION: 'BA' }, {});
    const services = createServices(handle, config);
    await services.access.bootstrap('bench password 12345');
    const actor = await operator(services);

    log(`screening bench on ${kind}: ${RULES} rules ...`);
    const trees = generateRules(RULES);
    for (const [index, condition] of trees.entries())
      await services.targeting.rules.create(actor, {
        subject: 'traveller',
        name: `Generated rule ${index + 1}`,
        description: '',
        severity: 'medium',
        category: 'bench',
        condition,
        validFrom: null,
        validTo: null,
      });
    await handle.db.updateTable('rules').set({ state: 'active' }).execute();
    await bumpTargetingRevision(handle.db);

    log(`generating and indexing ${NAMES.toLocaleString('en-GB')} watchlist names ...`);
    const generated = generatedList();
    const watchlistId = await storeGeneratedList(handle, generated);
    const indexStarted = performance.now();
    await indexGeneratedList(services, generated, watchlistId);
    const indexSeconds = (performance.now() - indexStarted) / 1000;

    log(`ingesting ${MESSAGES} messages of 300 travellers ...`);
    for (let index = 0; index < MESSAGES; index++)
      await services.messages.ingest(actor, {
        filename: `bench-${index}.edi`,
        bytes: Buffer.from(generatePaxlst(index, 300)),
      });
    const travellerIds = (await handle.db.selectFrom('travellers').select('id').execute()).map((r) => r.id);
    await handle.db.deleteFrom('jobs').execute();

    const screening = services.targeting.screening;
    await screening.ruleSets();

    // Warm-up, then the measured passes: read from the database, rules and watchlist, no writes.
    const pass = () => screeningPass(screening, travellerIds);
    await pass();
    // The heap settled after building the index, as in a worker that has been running a while.
    collectGarbage();
    const profile = process.env.SCREENING_BENCH_PROFILE
      ? await startProfile(process.env.SCREENING_BENCH_PROFILE)
      : undefined;
    const collections = watchCollections();
    const passes: Awaited<ReturnType<typeof pass>>[] = [];
    for (let index = 0; index < PASSES; index++) passes.push(await pass());
    const collected = collections.stop();
    if (profile) await profile.stop();
    const measured = medianBy(passes, (p) => p.seconds);
    const rate = travellerIds.length / measured.seconds;
    log(
      `passes: ${passes.map((p) => p.seconds.toFixed(2)).join(', ')} s; median of which reading ${measured.loadSeconds.toFixed(2)} s; garbage collection over all: ${collected}`,
    );

    // The same in one `interdict worker`-like process per core, each with its own index.
    const parallel = url && PROCESSES > 1 ? await parallelPasses(url, watchlistId, travellerIds) : undefined;
    const parallelRate = parallel ? travellerIds.length / parallel.seconds : 0;

    log('upload-to-hits latency ...');
    const worker = new JobWorker(services.jobs.queue, { name: 'bench', pollMs: 50 });
    worker.start();
    const latencies: number[] = [];
    for (let run = 0; run < LATENCY_RUNS; run++) {
      const started = performance.now();
      const result = await services.messages.ingest(actor, {
        filename: `latency-${run}.edi`,
        bytes: Buffer.from(generatePaxlst(10_000 + run, 300)),
      });
      for (;;) {
        const job = await handle.db
          .selectFrom('jobs')
          .select('status')
          .where('kind', '=', 'screening')
          .where(({ ref }) => ref('payload', '->>').key('messageId' as never), '=', result.id as never)
          .executeTakeFirst();
        if (job?.status === 'done') break;
        if (job?.status === 'dead') throw new Error(`screening of the uploaded message failed`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push((performance.now() - started) / 1000);
    }
    await worker.stop();
    const hits = Number(
      (
        await handle.db
          .selectFrom('hits')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    latencies.sort((a, b) => a - b);
    const worst = latencies[latencies.length - 1];

    const markdown = [
      `Database: ${kind}. ${RULES} active generated rules (4 or 5 conditions each over traveller, document, flight and journey fields, bench/screening.ts); one watchlist of ${NAMES.toLocaleString('en-GB')} generated person names (bench/names-generator.ts) indexed in ${fixed(indexSeconds)} s; ${MESSAGES} generated PAXLST messages of 300 travellers (${travellerIds.length.toLocaleString('en-GB')} travellers).`,
      '',
      '| measure | figure | target | |',
      '| --- | --- | --- | --- |',
      `| screening, end to end without writes (read from the database, 500 rules, watchlist names and documents), one process | ${fixed(rate, 0)} travellers/s (${travellerIds.length.toLocaleString('en-GB')} in ${fixed(measured.seconds, 2)} s, median of ${PASSES} passes; ${measured.found.toLocaleString('en-GB')} hits found) | | |`,
      parallel
        ? `| the same, ${parallel.processes} screening processes (one per core, each with its own index, each a share of the travellers) | ${fixed(parallelRate, 0)} travellers/s (${travellerIds.length.toLocaleString('en-GB')} in ${fixed(parallel.seconds, 2)} s from start to the last process done, median of ${PASSES} passes; ${parallel.found.toLocaleString('en-GB')} hits found) | ≥ ${TARGETS.travellersPerSecond.toLocaleString('en-GB')} | ${verdict(parallelRate >= TARGETS.travellersPerSecond)} |`
        : `| the same, one screening process per core | not measured: the embedded database serves one process | ≥ ${TARGETS.travellersPerSecond.toLocaleString('en-GB')} | **not measured** |`,
      `| upload of a 300-traveller message to its hits stored (ingest, queue, worker, screening, writes), worst of ${LATENCY_RUNS} | ${fixed(worst, 2)} s (median ${fixed(latencies[Math.floor(latencies.length / 2)], 2)} s; ${hits.toLocaleString('en-GB')} hits stored) | < ${TARGETS.latencySeconds} s | ${verdict(worst < TARGETS.latencySeconds)} |`,
    ].join('\n');
    return { markdown };
  } finally {
    await handle.close();
    await drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { markdown } = await benchScreening();
  process.stdout.write(`${markdown}\n`);
}
