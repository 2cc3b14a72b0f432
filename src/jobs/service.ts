import { z } from 'zod';
import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import { conflict, notFound } from '../errors.js';
import { JOB_STATES, type DeadJob, type JobState } from './model.js';
import type { JobQueue } from './queue.js';

export const deadJobSchema = z.object({
  id: z.number().int(),
  /** What the job is, in the words of its kind (a screening of a message, of travellers ...). */
  kind: z.string(),
  /** What the job was to do, in a few words (a message id, a number of records, a reason). */
  summary: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  diedAt: z.string().nullable(),
  lastWorker: z.string().nullable(),
});

export const jobsOverviewSchema = z.object({
  counts: z.object(
    Object.fromEntries(JOB_STATES.map((state) => [state, z.number().int()])) as {
      [state in JobState]: z.ZodNumber;
    },
  ),
  dead: z.array(deadJobSchema),
  leaseSeconds: z.number(),
  maxAttempts: z.number().int(),
});

export const jobRetrySchema = z.object({ id: z.number().int(), status: z.literal('pending') });

export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

/** The job queue as administrators see it: counts by state, dead jobs, sending one back. */
export class JobService {
  constructor(
    readonly queue: JobQueue,
    private readonly access: AccessService,
  ) {}

  /** What a dead job was, in its kind's words; a kind no handler of this process knows, as it is. */
  private describe(job: DeadJob): { what: string; summary: string } {
    const handler = this.queue.handlerOf(job.kind);
    const parsed = handler?.payload.safeParse(job.payload);
    return handler && parsed?.success
      ? handler.describe(parsed.data)
      : { what: job.kind, summary: JSON.stringify(job.payload) };
  }

  async overview(actor: Actor): Promise<JobsOverview> {
    requirePermission(actor, 'jobs:manage');
    const [counts, dead] = await Promise.all([this.queue.counts(), this.queue.deadJobs()]);
    return {
      counts: Object.fromEntries(
        JOB_STATES.map((state) => [state, counts[state] ?? 0]),
      ) as JobsOverview['counts'],
      dead: dead.map((job) => {
        const { what, summary } = this.describe(job);
        return {
          id: job.id,
          kind: what,
          summary,
          attempts: job.attempts,
          error: job.error,
          createdAt: job.createdAt,
          lastAttemptAt: job.lastAttemptAt,
          diedAt: job.diedAt,
          lastWorker: job.lastWorker,
        };
      }),
      leaseSeconds: this.queue.options.leaseSeconds,
      maxAttempts: this.queue.options.maxAttempts,
    };
  }

  /** A dead job back to the queue, its attempts reset; audited with what it died of. */
  async retry(actor: Actor, id: number): Promise<z.infer<typeof jobRetrySchema>> {
    requirePermission(actor, 'jobs:manage');
    const job = await this.queue.job(id);
    if (!job) throw notFound('Job', String(id));
    if (job.status !== 'dead' || !(await this.queue.retry(id)))
      throw conflict(`Job ${id} is ${job.status}: only a dead job can be retried`);
    await this.access.auditBy(actor, {
      action: 'job.retry',
      entity: 'job',
      entityId: String(id),
      details: { kind: job.kind, attempts: job.attempts, error: job.error },
    });
    this.queue.wake();
    return { id, status: 'pending' };
  }
}
