import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type JobKind = 'message' | 'travellers' | 'reservations' | 'rescreen';

export interface ScreeningJob {
  id: number;
  kind: JobKind;
  payload: Record<string, unknown>;
  attempts: number;
}

const MAX_ATTEMPTS = 3;

/**
 * The screening work queue: a table that any number of worker processes share, each claiming
 * jobs with FOR UPDATE SKIP LOCKED so that no job is taken twice. A job that fails is retried
 * with a growing delay and, after three attempts, kept as failed with its error.
 */
export class ScreeningQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(db: Db, kind: JobKind, payload: Record<string, unknown>): Promise<void> {
    await this.enqueueStatement(kind, payload).execute(db);
  }

  /** The statement that queues a job, to run as part of another (every ingest queues one). */
  enqueueStatement(kind: JobKind, payload: Record<string, unknown>) {
    return sql`insert into screening_jobs (kind, payload) values (${kind}, ${JSON.stringify(payload)}::jsonb)`;
  }

  async hasPending(kind: JobKind): Promise<boolean> {
    const row = await this.db
      .selectFrom('screening_jobs')
      .select('id')
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async claim(worker: string, limit = 1): Promise<ScreeningJob[]> {
    const result = await sql<{
      id: number;
      kind: JobKind;
      payload: Record<string, unknown>;
      attempts: number;
    }>`
      update screening_jobs set status = 'running', locked_by = ${worker}, locked_at = now(), attempts = attempts + 1
      where id in (
        select id from screening_jobs
        where status = 'pending' and available_at <= now()
        order by id
        limit ${limit}
        for update skip locked
      )
      returning id, kind, payload, attempts`.execute(this.db);
    return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async finish(id: number): Promise<void> {
    await this.db
      .updateTable('screening_jobs')
      .set({ status: 'done', finished_at: new Date().toISOString(), error: null })
      .where('id', '=', id)
      .execute();
  }

  async fail(job: ScreeningJob, error: string): Promise<void> {
    const retry = job.attempts < MAX_ATTEMPTS;
    await this.db
      .updateTable('screening_jobs')
      .set({
        status: retry ? 'pending' : 'failed',
        error,
        locked_by: null,
        available_at: new Date(Date.now() + 5_000 * 2 ** job.attempts).toISOString(),
        ...(retry ? {} : { finished_at: new Date().toISOString() }),
      })
      .where('id', '=', job.id)
      .execute();
  }

  /** Jobs left running by a process that stopped: back to the queue. */
  async releaseStale(olderThanMinutes = 10): Promise<number> {
    const result = await this.db
      .updateTable('screening_jobs')
      .set({ status: 'pending', locked_by: null })
      .where('status', '=', 'running')
      .where('locked_at', '<', new Date(Date.now() - olderThanMinutes * 60_000).toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Finished jobs older than a week are forgotten; failed ones stay for the operators. */
  async prune(olderThanDays = 7): Promise<void> {
    await this.db
      .deleteFrom('screening_jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', new Date(Date.now() - olderThanDays * 86_400_000).toISOString())
      .execute();
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('screening_jobs')
      .select(['status', sql<number>`count(*)::integer`.as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}
