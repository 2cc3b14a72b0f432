import { hostname } from 'node:os';
import type { ClaimedJob } from './model.js';
import type { JobQueue } from './queue.js';

export interface WorkerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Keeps the leases of the jobs a worker holds: renews them all every `renewEveryMs` (a third of
 * the lease by default, so that one late renewal does not lose a job). When the process stops,
 * so do the renewals, and the jobs go to another worker once their leases lapse.
 */
export class LeaseKeeper {
  private readonly held = new Map<number, ClaimedJob>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: Pick<JobQueue, 'options' | 'renew'>,
    private readonly options: { renewEveryMs?: number; log?: WorkerLog } = {},
  ) {}

  get renewEveryMs(): number {
    return this.options.renewEveryMs ?? (this.queue.options.leaseSeconds * 1000) / 3;
  }

  hold(job: ClaimedJob): void {
    this.held.set(job.id, job);
    this.timer ??= setInterval(() => void this.renew(), this.renewEveryMs);
    // The renewals alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  release(job: ClaimedJob): void {
    this.held.delete(job.id);
    if (this.held.size === 0) this.stop();
  }

  /** Stops renewing (the worker stops; tests use it to play a worker that died). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renew(): Promise<void> {
    try {
      const lost = await this.queue.renew([...this.held.values()]);
      for (const id of lost) {
        // Another worker took it over (this process stalled past its lease): theirs now.
        this.options.log?.error({ job: id }, 'lease of a job lost to another worker');
        this.held.delete(id);
      }
    } catch (error) {
      // The database may be restarting: the next renewal may still come in time.
      this.options.log?.error({ err: error }, 'could not renew the leases of jobs');
    }
  }
}

/**
 * Takes jobs of every kind registered in this process from the queue, one at a time until
 * stopped, holding each under a lease renewed while it works, and runs it with its kind's handler.
 * Woken at once when work is queued (in this process, or notified by another); otherwise it looks
 * for work (and for jobs whose worker stopped) every `pollMs`.
 */
export class JobWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Work was queued since the worker last looked: look again before sleeping. */
  private signalled = false;
  private readonly onQueued = () => {
    this.signalled = true;
    this.wake?.();
  };
  private readonly leases: LeaseKeeper;

  constructor(
    private readonly queue: JobQueue,
    private readonly options: { name?: string; pollMs?: number; log?: WorkerLog } = {},
  ) {
    this.leases = new LeaseKeeper(queue, options.log ? { log: options.log } : {});
  }

  get name(): string {
    return this.options.name ?? `${hostname()}:${process.pid}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.queue.events.on('queued', this.onQueued);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.queue.events.off('queued', this.onQueued);
    this.wake?.();
    await this.loop;
    this.leases.stop();
  }

  /** Processes one job if there is one; false when the queue had nothing ready. */
  async step(): Promise<boolean> {
    const [job] = await this.queue.claim(this.name, 1);
    if (!job) return false;
    const started = performance.now();
    this.leases.hold(job);
    try {
      const result = await this.queue.run(job);
      const recorded = await this.queue.finish(job);
      this.options.log?.info(
        {
          job: job.id,
          kind: job.kind,
          attempt: job.attempts,
          ...result,
          ms: Math.round(performance.now() - started),
          ...(recorded ? {} : { leaseLost: true }),
        },
        'job done',
      );
    } catch (error) {
      this.options.log?.error(
        { job: job.id, kind: job.kind, attempt: job.attempts, err: error },
        'job failed',
      );
      await this.queue.fail(job, (error as Error).message ?? String(error));
    } finally {
      this.leases.release(job);
    }
    return true;
  }

  /** Runs until the queue has nothing ready (tests, the command line). */
  async drain(): Promise<number> {
    let processed = 0;
    while (await this.step()) processed++;
    return processed;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.signalled = false;
      let worked = false;
      try {
        worked = await this.step();
      } catch (error) {
        // The database may be restarting: wait and try again rather than stop working.
        this.options.log?.error({ err: error }, 'job worker could not reach the queue');
      }
      if (worked || this.signalled || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
