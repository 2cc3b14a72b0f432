import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { operatorActor } from '../cli/context.js';
import { ScreeningAdmission } from './admission.js';
import { JobQueue, type JobsOfKind } from '../jobs/index.js';
import { screeningJobHandler, type ScreeningJob } from './screening-jobs.js';

const paxlst = readFileSync(new URL('../../test/fixtures/edifact/paxlst/Test1.txt', import.meta.url));

describe.each(databaseTargets)('ingest yields to screening on $name', (target) => {
  let t: TestApp;
  /** The job queue as another worker process holds it, and its screening jobs. */
  let queue: JobQueue;
  let screening: JobsOfKind<ScreeningJob>;
  beforeAll(async () => {
    // No worker in the server: the test plays the worker itself.
    t = await createTestApp(await target.create(), {
      SCREENING_WORKERS: '0',
      SCREENING_BACKLOG_SECONDS: '0.5',
      SCREENING_ADMISSION_MAX_WAIT_SECONDS: '0.6',
    });
    queue = new JobQueue(t.services.database.db, { leaseSeconds: 30, maxAttempts: 5 });
    screening = queue.register(screeningJobHandler(async () => ({ created: [] })));
  });
  afterAll(() => t.close());
  beforeEach(() => t.services.database.db.deleteFrom('jobs').execute());

  /** A job waiting since `secondsAgo`, and optionally one a live worker holds. */
  async function backlog(secondsAgo: number, workerBusy: boolean) {
    const db = t.services.database.db;
    if (workerBusy) {
      await screening.enqueue(db, { of: 'subjects', subjectKind: 'traveller', ids: [] });
      expect(await queue.claim('busy-worker')).toHaveLength(1);
    }
    await screening.enqueue(db, { of: 'subjects', subjectKind: 'traveller', ids: [] });
    await db
      .updateTable('jobs')
      .set({ created_at: sql<string>`now() - ${secondsAgo}::float8 * interval '1 second'` })
      .where('status', '=', 'pending')
      .execute();
  }
  const timedIngest = async (name: string) => {
    const started = performance.now();
    const actor = await operatorActor(t.services, t.config, 'BA-SJJ-JAITF');
    const result = await t.services.messages.ingest(actor, { filename: name, bytes: paxlst });
    return { seconds: (performance.now() - started) / 1000, result };
  };

  it('reads the backlog: the oldest due job, and whether a live worker holds one', async () => {
    expect(await screening.backlog()).toEqual({ seconds: 0, workersBusy: false });
    await backlog(5, true);
    const read = await screening.backlog();
    expect(read.seconds).toBeGreaterThan(4.5);
    expect(read.workersBusy).toBe(true);
  });

  it('lets a message wait while workers are behind, up to the longest wait, and then takes it', async () => {
    await backlog(5, true);
    const { seconds, result } = await timedIngest('behind.txt');
    expect(seconds).toBeGreaterThanOrEqual(0.6);
    expect(result.status).toBe('parsed');
  });

  it('takes a message at once when screening keeps pace or no worker is there to catch up', async () => {
    const admission = new ScreeningAdmission(() => screening.backlog(), {
      backlogSeconds: 0.5,
      maxWaitSeconds: 5,
    });
    await backlog(0, true);
    expect(await admission.waitForRoom()).toBeLessThan(0.5);
    await t.services.database.db.deleteFrom('jobs').execute();
    await backlog(60, false);
    expect(await admission.waitForRoom()).toBeLessThan(0.5);
  });

  it('stops waiting as soon as the workers catch up', async () => {
    const admission = new ScreeningAdmission(() => screening.backlog(), {
      backlogSeconds: 0.5,
      maxWaitSeconds: 5,
    });
    await backlog(5, true);
    const caughtUp = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      t.services.database.db.deleteFrom('jobs').where('status', '=', 'pending').execute(),
    );
    const waited = await admission.waitForRoom();
    await caughtUp;
    expect(waited).toBeGreaterThanOrEqual(0.25);
    expect(waited).toBeLessThan(2);
  });
});
