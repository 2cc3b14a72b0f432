import { z } from 'zod';
import type { Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import { conflict, notFound } from '../errors.js';
import type { DeadJob, JobState } from './queue.js';
import type { ScreeningService } from './screening-service.js';

const jobStates = ['pending', 'running', 'done', 'dead'] as const satisfies readonly JobState[];

export const deadJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['message', 'travellers', 'reservations', 'rescreen']),
  /** What the job was to screen, in a few words (a message id, a number of records, a reason). */
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
    Object.fromEntries(jobStates.map((state) => [state, z.number().int()])) as {
      [state in JobState]: z.ZodNumber;
    },
  ),
  dead: z.array(deadJobSchema),
  leaseSeconds: z.number(),
  maxAttempts: z.number().int(),
});

export const jobRetrySchema = z.object({ id: z.number().int(), status: z.literal('pending') });

export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

function summarise(job: DeadJob): string {
  const { payload } = job;
  if (job.kind === 'message') return `message ${String(payload.messageId ?? '?')}`;
  if (job.kind === 'rescreen')
    return `flights of the next ${String(payload.hours ?? '?')} hours (${String(payload.reason ?? 'no reason')})`;
  const ids = Array.isArray(payload.ids) ? payload.ids.length : 0;
  return `${ids} ${job.kind}`;
}

/** The screening queue as administrators see it: counts by state, dead jobs, sending one back. */
export class JobAdministration {
  constructor(
    private readonly screening: ScreeningService,
    private readonly access: AccessService,
  ) {}

  async overview(actor: Actor): Promise<JobsOverview> {
    requirePermission(actor, 'jobs:manage');
    const [counts, dead] = await Promise.all([
      this.screening.queue.counts(),
      this.screening.queue.deadJobs(),
    ]);
    return {
      counts: Object.fromEntries(
        jobStates.map((state) => [state, counts[state] ?? 0]),
      ) as JobsOverview['counts'],
      dead: dead.map((job) => ({
        id: job.id,
        kind: job.kind,
        summary: summarise(job),
        attempts: job.attempts,
        error: job.error,
        createdAt: job.createdAt,
        lastAttemptAt: job.lastAttemptAt,
        diedAt: job.diedAt,
        lastWorker: job.lastWorker,
      })),
      leaseSeconds: this.screening.queue.options.leaseSeconds,
      maxAttempts: this.screening.queue.options.maxAttempts,
    };
  }

  /** A dead job back to the queue, its attempts reset; audited with what it died of. */
  async retry(actor: Actor, id: number): Promise<z.infer<typeof jobRetrySchema>> {
    requirePermission(actor, 'jobs:manage');
    const job = await this.screening.queue.job(id);
    if (!job) throw notFound('Screening job', String(id));
    if (job.status !== 'dead' || !(await this.screening.queue.retry(id)))
      throw conflict(`Screening job ${id} is ${job.status}: only a dead job can be retried`);
    await this.access.auditBy(actor, {
      action: 'screening-job.retry',
      entity: 'screening_job',
      entityId: String(id),
      details: { kind: job.kind, attempts: job.attempts, error: job.error },
    });
    this.screening.events.emit('queued');
    return { id, status: 'pending' };
  }
}
