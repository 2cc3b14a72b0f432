import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ClaimedJob, DeadJob, JobState, QueueOptions } from './model.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Wait before the next attempt after a failure: 5 s, 10 s, 20 s ... at most 5 minutes. */
const retryDelayMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 300_000);

/** The channel every queueing statement notifies at commit (workers of other processes LISTEN). */
export const JOBS_CHANNEL = 'jobs';

/**
 * The jobs table: the one work queue that any number of worker processes share. A worker claims
 * jobs with FOR UPDATE SKIP LOCKED and holds each under a lease that it renews while it works;
 * when a worker stops (crash, kill -9, lost machine) its lease lapses within `leaseSeconds` and
 * the next claim by any worker takes the job over. Each claim is an attempt; a job that failed or
 * was abandoned `maxAttempts` times is dead, kept with its last error until an administrator sends
 * it back to the queue.
 */
export class JobStore {
  constructor(
    private readonly db: Kysely<Database>,
    readonly options: QueueOptions,
  ) {}

  /** The statement that queues a job, to run as part of another (every ingest queues one). */
  enqueueStatement(kind: string, payload: unknown) {
    return sql`insert into jobs (kind, payload) values (${kind}, ${JSON.stringify(payload)}::jsonb)
      returning pg_notify(${JOBS_CHANNEL}, '')`;
  }

  async enqueue(db: Db, kind: string, payload: unknown): Promise<void> {
    await this.enqueueStatement(kind, payload).execute(db);
  }

  /** Whether a job of this kind whose payload holds `contains` waits. */
  async hasPending(kind: string, contains: Record<string, unknown>): Promise<boolean> {
    const row = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .where(sql<boolean>`payload @> ${JSON.stringify(contains)}::jsonb`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Takes up to `limit` jobs of these kinds: pending ones that are due, and running ones whose
   * lease lapsed. In the same statement, jobs whose lease lapsed on their last attempt become dead.
   */
  async claim(worker: string, kinds: readonly string[], limit = 1): Promise<ClaimedJob[]> {
    const { leaseSeconds, maxAttempts } = this.options;
    const result = await sql<{
      id: number;
      kind: string;
      payload: unknown;
      attempts: number;
      lease_token: string;
    }>`
      with abandoned as (
        update jobs
        set status = 'dead', finished_at = now(), lease_token = null,
          error = 'the worker running it stopped (lease lapsed) on attempt ' || attempts
        where status = 'running' and lease_until < now() and attempts >= ${maxAttempts}
        returning id
      ),
      lapsed as (
        select id from jobs
        where status = 'running' and lease_until < now() and attempts < ${maxAttempts}
          and kind = any(${kinds}::text[])
        order by lease_until
        limit ${limit}
        for update skip locked
      ),
      due as (
        select id from jobs
        where status = 'pending' and available_at <= now() and kind = any(${kinds}::text[])
        order by id
        limit ${limit}
        for update skip locked
      )
      update jobs
      set status = 'running', locked_by = ${worker}, locked_at = now(), attempts = attempts + 1,
        lease_until = now() + ${leaseSeconds}::double precision * interval '1 second', lease_token = gen_random_uuid()
      where id in (select id from (select id from lapsed union all select id from due) as taken limit ${limit})
      returning id, kind, payload, attempts, lease_token`.execute(this.db);
    return result.rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts,
      leaseToken: row.lease_token,
    }));
  }

  /** How far a kind of work is behind: the age of its oldest due job, and whether a live worker holds one. */
  async backlog(kind: string): Promise<{ seconds: number; workersBusy: boolean }> {
    const { rows } = await sql<{ seconds: number | null; workers_busy: boolean }>`
      select
        (select extract(epoch from now() - created_at)::float8 from jobs
          where status = 'pending' and available_at <= now() and kind = ${kind} order by id limit 1) as seconds,
        exists (select 1 from jobs where status = 'running' and lease_until > now() and kind = ${kind}) as workers_busy`.execute(
      this.db,
    );
    return { seconds: Math.max(0, rows[0]?.seconds ?? 0), workersBusy: rows[0]?.workers_busy ?? false };
  }

  /** Extends the leases of jobs this worker still holds; answers the ids it holds no longer. */
  async renew(jobs: readonly ClaimedJob[]): Promise<number[]> {
    if (jobs.length === 0) return [];
    const result = await sql<{ id: number }>`
      update jobs
      set lease_until = now() + ${this.options.leaseSeconds}::double precision * interval '1 second'
      where status = 'running' and lease_token = any(${jobs.map((job) => job.leaseToken)}::uuid[])
      returning id`.execute(this.db);
    const held = new Set(result.rows.map((row) => Number(row.id)));
    return jobs.filter((job) => !held.has(job.id)).map((job) => job.id);
  }

  /** Records the job done; false (nothing written) when another worker has taken it over. */
  async finish(job: ClaimedJob): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'done',
        finished_at: new Date().toISOString(),
        error: null,
        lease_until: null,
        lease_token: null,
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('lease_token', '=', job.leaseToken)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Records a failed attempt: back to the queue after a delay, or dead after the last attempt.
   * False (nothing written) when another worker has taken the job over.
   */
  async fail(job: ClaimedJob, error: string): Promise<boolean> {
    const dead = job.attempts >= this.options.maxAttempts;
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: dead ? 'dead' : 'pending',
        error,
        lease_until: null,
        lease_token: null,
        available_at: sql`now() + ${retryDelayMs(job.attempts)}::integer * interval '1 millisecond'`,
        // A dead job keeps the name of the worker of its last attempt, for the operators.
        ...(dead ? { finished_at: sql`now()` } : { locked_by: null }),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('lease_token', '=', job.leaseToken)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Jobs whose lease lapsed: back to the queue, or dead after their last attempt. Claims take
   * them over by themselves; this keeps the states right when no worker is claiming.
   */
  async releaseStale(): Promise<number> {
    const result = await sql`
      update jobs
      set status = case when attempts >= ${this.options.maxAttempts} then 'dead' else 'pending' end,
        finished_at = case when attempts >= ${this.options.maxAttempts} then now() end,
        error = case when attempts >= ${this.options.maxAttempts}
          then 'the worker running it stopped (lease lapsed) on attempt ' || attempts else error end,
        locked_by = case when attempts >= ${this.options.maxAttempts} then locked_by end,
        lease_until = null, lease_token = null
      where status = 'running' and lease_until < now()`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** Finished jobs older than a week are forgotten; dead ones stay for the operators. */
  async prune(olderThanDays = 7): Promise<void> {
    await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', new Date(Date.now() - olderThanDays * 86_400_000).toISOString())
      .execute();
  }

  /** Jobs by state, of one kind or of all. */
  async counts(kind?: string): Promise<Record<string, number>> {
    let query = this.db
      .selectFrom('jobs')
      .select(['status', sql<number>`count(*)::integer`.as('n')])
      .groupBy('status');
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.execute();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async job(
    id: number,
  ): Promise<{ status: JobState; kind: string; attempts: number; error: string | null } | undefined> {
    return this.db
      .selectFrom('jobs')
      .select(['status', 'kind', 'attempts', 'error'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Dead jobs, the most recent first. */
  async deadJobs(limit = 100): Promise<DeadJob[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select([
        'id',
        'kind',
        'payload',
        'attempts',
        'error',
        'created_at',
        'locked_at',
        'finished_at',
        'locked_by',
      ])
      .where('status', '=', 'dead')
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts,
      error: row.error,
      createdAt: String(row.created_at),
      lastAttemptAt: row.locked_at,
      diedAt: row.finished_at,
      lastWorker: row.locked_by,
    }));
  }

  /** A dead job back to the queue with its attempts reset; false when it is not dead. */
  async retry(id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'pending',
        attempts: 0,
        available_at: new Date().toISOString(),
        finished_at: null,
        locked_by: null,
        lease_until: null,
        lease_token: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
