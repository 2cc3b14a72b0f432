import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { JobStore } from './job-store.js';
import { DEFAULT_QUEUE_OPTIONS, type ClaimedJob, type JobHandler, type QueueOptions } from './model.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The jobs of one kind, as the domain that registered it queues them: its payloads typed. */
export interface JobsOfKind<Payload> {
  readonly kind: string;
  /** Queues a job in this transaction (or on its own); workers are woken at commit. */
  enqueue(db: Db, payload: Payload): Promise<void>;
  /** The statement that queues a job, to run as part of another (every ingest queues one). */
  enqueueStatement(payload: Payload): ReturnType<JobStore['enqueueStatement']>;
  /** Whether a job whose payload holds these values waits (one rescreen waiting is enough). */
  hasPending(contains: Partial<Payload>): Promise<boolean>;
  /** How far this kind of work is behind (admission of new messages waits on screening). */
  backlog(): ReturnType<JobStore['backlog']>;
  counts(): Promise<Record<string, number>>;
}

/**
 * The one work queue of the application: each domain registers its kinds of job with a handler,
 * workers (worker.ts) take the jobs of every kind registered in their process. Queued work wakes
 * this process's workers at once (`events`, 'queued'), and other processes' through the
 * notification of the queueing statement (src/services.ts listens).
 */
export class JobQueue {
  readonly options: QueueOptions;
  /** 'queued': work was queued or sent back (workers look at once rather than at their next poll). */
  readonly events = new EventEmitter();
  private readonly store: JobStore;
  private readonly handlers = new Map<string, JobHandler<unknown>>();

  constructor(db: Kysely<Database>, options: Partial<QueueOptions> = {}) {
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...options };
    this.store = new JobStore(db, this.options);
    this.events.setMaxListeners(0);
  }

  register<Payload>(handler: JobHandler<Payload>): JobsOfKind<Payload> {
    if (!/^[a-z][a-z0-9-]*$/.test(handler.kind)) throw new Error(`Not a job kind: ${handler.kind}`);
    if (this.handlers.has(handler.kind))
      throw new Error(`Jobs of kind ${handler.kind} have a handler already`);
    this.handlers.set(handler.kind, handler as JobHandler<unknown>);
    const { kind } = handler;
    const checked = (payload: Payload) => handler.payload.parse(payload);
    return {
      kind,
      enqueue: async (db, payload) => {
        await this.store.enqueue(db, kind, checked(payload));
        this.wake();
      },
      enqueueStatement: (payload) => this.store.enqueueStatement(kind, checked(payload)),
      hasPending: (contains) => this.store.hasPending(kind, contains),
      backlog: () => this.store.backlog(kind),
      counts: () => this.store.counts(kind),
    };
  }

  /** Tells this process's workers that work is waiting. */
  wake(): void {
    this.events.emit('queued');
  }

  handlerOf(kind: string): JobHandler<unknown> | undefined {
    return this.handlers.get(kind);
  }

  /** Takes up to `limit` jobs of the kinds registered in this process. */
  claim(worker: string, limit = 1): Promise<ClaimedJob[]> {
    return this.store.claim(worker, [...this.handlers.keys()], limit);
  }

  /** Runs a claimed job with its kind's handler, its payload checked first. */
  async run(job: ClaimedJob): Promise<Record<string, unknown>> {
    const handler = this.handlers.get(job.kind);
    if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
    return handler.run(handler.payload.parse(job.payload), job);
  }

  renew(jobs: readonly ClaimedJob[]) {
    return this.store.renew(jobs);
  }

  finish(job: ClaimedJob) {
    return this.store.finish(job);
  }

  fail(job: ClaimedJob, error: string) {
    return this.store.fail(job, error);
  }

  releaseStale() {
    return this.store.releaseStale();
  }

  prune(olderThanDays?: number) {
    return this.store.prune(olderThanDays);
  }

  counts() {
    return this.store.counts();
  }

  job(id: number) {
    return this.store.job(id);
  }

  deadJobs(limit?: number) {
    return this.store.deadJobs(limit);
  }

  retry(id: number) {
    return this.store.retry(id);
  }
}
