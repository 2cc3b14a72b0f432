import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { z } from 'zod';
import type { JobHandler } from './model.js';
import { JobQueue, type JobsOfKind } from './queue.js';
import { JobWorker, LeaseKeeper } from './worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A kind of job for the tests: exports of some rows, each run recorded. */
const runs: number[] = [];
const exports: JobHandler<{ rows: number }> = {
  kind: 'test-export',
  payload: z.object({ rows: z.number().int().min(0) }),
  run: async (payload) => {
    runs.push(payload.rows);
    return { rows: payload.rows };
  },
  describe: (payload) => ({ what: 'export', summary: `${payload.rows} rows` }),
};

describe.each(databaseTargets)('job leases, retries and dead jobs on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let officer: Record<string, string>;
  /** The kind as the application's queue knows it (its workers run it). */
  let appExports: JobsOfKind<{ rows: number }>;

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    await t.createUser('officer.jobs', ['officer'], 'BA-SJJ-JAITF');
    admin = await t.signIn();
    officer = await t.signIn('officer.jobs');
    appExports = t.services.jobs.queue.register(exports);
  });
  afterAll(() => t.close());

  /** A queue over the test database with short leases, as another worker process would hold it. */
  const queueWith = (leaseSeconds: number, maxAttempts: number) => {
    const queue = new JobQueue(t.services.database.db, { leaseSeconds, maxAttempts });
    queue.register(exports);
    return queue;
  };
  const enqueue = async () => {
    await appExports.enqueue(t.services.database.db, { rows: 0 });
    const row = await t.services.database.db
      .selectFrom('jobs')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const stateOf = (id: number) =>
    t.services.database.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'locked_by', 'error', 'lease_token'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** The retry delay after a failure, passed at once. */
  const makeDue = (id: number) =>
    t.services.database.db
      .updateTable('jobs')
      .set({ available_at: sql<string>`now()` })
      .where('id', '=', id)
      .execute();
  const get = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers });
  const retry = (headers: Record<string, string>, id: number | string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, headers });

  it('keeps a job with a live worker, gives it to another once the worker stops renewing, and ignores the first worker’s outcome', async () => {
    const queue = queueWith(0.5, 5);
    const id = await enqueue();
    const [first] = await queue.claim('worker-a');
    expect(first).toMatchObject({ id, attempts: 1 });
    const leases = new LeaseKeeper(queue, { renewEveryMs: 100 });
    leases.hold(first!);

    await sleep(900);
    expect(await queue.claim('worker-b')).toEqual([]);

    leases.stop(); // worker-a dies: no more renewals
    await sleep(700);
    const [takenOver] = await queue.claim('worker-b');
    expect(takenOver).toMatchObject({ id, attempts: 2 });
    expect(takenOver!.leaseToken).not.toBe(first!.leaseToken);

    // worker-a comes back to life and reports: nothing of it is recorded.
    expect(await queue.finish(first!)).toBe(false);
    expect(await queue.fail(first!, 'late failure')).toBe(false);
    expect(await queue.renew([first!])).toEqual([id]);
    expect(await stateOf(id)).toMatchObject({ status: 'running', locked_by: 'worker-b', error: null });

    expect(await queue.finish(takenOver!)).toBe(true);
    expect(await stateOf(id)).toMatchObject({ status: 'done', attempts: 2, lease_token: null });
  });

  it('counts attempts and makes a job dead with its last error after the last attempt', async () => {
    const queue = queueWith(30, 3);
    const id = await enqueue();
    for (const attempt of [1, 2, 3]) {
      const [job] = await queue.claim(`worker-${attempt}`);
      expect(job).toMatchObject({ id, attempts: attempt });
      expect(await queue.fail(job!, `failure ${attempt}`)).toBe(true);
      if (attempt < 3) {
        expect(await stateOf(id)).toMatchObject({ status: 'pending', error: `failure ${attempt}` });
        // Not again before its retry delay.
        expect(await queue.claim('eager')).toEqual([]);
        await makeDue(id);
      }
    }
    expect(await stateOf(id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      error: 'failure 3',
      locked_by: 'worker-3',
    });
    expect(await queue.claim('anyone')).toEqual([]);
    await t.services.database.db.deleteFrom('jobs').where('id', '=', id).execute();
  });

  it('makes a job dead when its lease lapses on the last attempt (a job that kills its worker)', async () => {
    const queue = queueWith(0.3, 2);
    const id = await enqueue();
    expect(await queue.claim('worker-a')).toMatchObject([{ id, attempts: 1 }]);
    await sleep(500);
    expect(await queue.claim('worker-b')).toMatchObject([{ id, attempts: 2 }]);
    await sleep(500);
    expect(await queue.claim('worker-c')).toEqual([]);
    const dead = await stateOf(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 2, locked_by: 'worker-b' });
    expect(dead.error).toContain('lease lapsed');
  });

  it('shows administrators the dead jobs and sends one back to the queue, audited', async () => {
    const queue = queueWith(30, 1);
    const id = await enqueue();
    const [job] = await queue.claim('worker-a');
    await queue.fail(job!, 'database was restarting');

    const overview = await get(admin);
    expect(overview.statusCode).toBe(200);
    const body = overview.json();
    expect(body.counts.dead).toBeGreaterThanOrEqual(1);
    expect(body.leaseSeconds).toBe(t.config.JOB_LEASE_SECONDS);
    const shown = body.dead.find((dead: { id: number }) => dead.id === id);
    expect(shown).toMatchObject({
      kind: 'export',
      summary: '0 rows',
      attempts: 1,
      error: 'database was restarting',
      lastWorker: 'worker-a',
    });
    expect(shown.diedAt).toBeTruthy();

    const retried = await retry(admin, id);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ id, status: 'pending' });
    expect(await stateOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_name'])
      .where('action', '=', 'job.retry')
      .execute();
    expect(audit).toEqual([{ action: 'job.retry', entity_id: String(id), actor_name: 'admin' }]);

    // Run again by a worker of the application, this time to the end.
    runs.length = 0;
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();
    expect(await stateOf(id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(runs).toEqual([0]);

    const again = await retry(admin, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('only a dead job');
    expect((await retry(admin, 987654)).statusCode).toBe(404);
    const badId = await retry(admin, 'first');
    expect(badId.statusCode).toBe(422);
    expect(badId.json().error.message).toContain('id');
  });

  it('keeps the job pages to administrators', async () => {
    expect((await get(officer)).statusCode).toBe(403);
    expect((await retry(officer, 1)).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
    expect((await retry({}, 1)).statusCode).toBe(401);
  });

  it('checks payloads against their kind, and claims only the kinds its process runs', async () => {
    const queue = queueWith(30, 1);
    // A payload the kind does not take is refused when queued ...
    await expect(appExports.enqueue(t.services.database.db, { rows: -1 })).rejects.toThrow();
    // ... and one written by another version fails when run, kept dead with the reason.
    await t.services.database.db
      .insertInto('jobs')
      .values({ kind: 'test-export', payload: JSON.stringify({ rows: 'all' }) })
      .execute();
    // A kind no handler of this process knows waits for a process that knows it.
    await t.services.database.db
      .insertInto('jobs')
      .values({ kind: 'test-unknown', payload: JSON.stringify({ anything: true }) })
      .execute();
    const claimed = await queue.claim('worker-a', 10);
    expect(claimed.map((job) => job.kind)).toEqual(['test-export']);
    await expect(queue.run(claimed[0]!)).rejects.toThrow();
    await queue.fail(claimed[0]!, 'payload refused');
    expect(await queue.claim('worker-a', 10)).toEqual([]);
    const waiting = await t.services.database.db
      .selectFrom('jobs')
      .select(['status', 'payload'])
      .where('kind', '=', 'test-unknown')
      .executeTakeFirstOrThrow();
    expect(waiting.status).toBe('pending');
    // Described as it is on the administrators' page.
    await t.services.database.db
      .updateTable('jobs')
      .set({ status: 'dead' })
      .where('kind', '=', 'test-unknown')
      .execute();
    const shown = (await get(admin)).json().dead.find((job: { kind: string }) => job.kind === 'test-unknown');
    expect(shown.summary).toBe('{"anything":true}');
    await t.services.database.db.deleteFrom('jobs').where('kind', 'like', 'test-%').execute();
  });
});
