import type { z } from 'zod';

export type JobState = 'pending' | 'running' | 'done' | 'dead';
export const JOB_STATES = ['pending', 'running', 'done', 'dead'] as const satisfies readonly JobState[];

/** A job as a worker holds it: its payload is checked by its kind's handler before it runs. */
export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  /** Names this claim of the job: a worker whose lease was taken over holds an older one. */
  leaseToken: string;
}

export interface DeadJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  diedAt: string | null;
  lastWorker: string | null;
}

export interface QueueOptions {
  /** How long a claimed job stays with its worker without a renewal. */
  leaseSeconds: number;
  /** Attempts (failures or lapsed leases) before a job is dead. */
  maxAttempts: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = { leaseSeconds: 30, maxAttempts: 5 };

/**
 * A kind of job (screening today; imports, report exports, exchange deliveries, retention next),
 * registered with the queue by its domain. Its payload type is the kind's own: the queue checks it
 * when the job is queued and again when a worker takes it (a row written by another version).
 */
export interface JobHandler<Payload> {
  /** The kind the jobs table records (`jobs.kind`): lower case words joined by hyphens. */
  readonly kind: string;
  readonly payload: z.ZodType<Payload>;
  /** Does the work; what it answers goes to the worker's log line. Throws to fail the attempt. */
  run(payload: Payload, job: ClaimedJob): Promise<Record<string, unknown>>;
  /**
   * What the job is, for the administrators' page: `what`, a word the web's catalogue names
   * (`jobs.kind.<what>`), and a summary in a few words (a message id, a number of records).
   */
  describe(payload: Payload): { what: string; summary: string };
}
