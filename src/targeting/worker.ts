import { hostname } from 'node:os';
import type { ScreeningService } from './screening-service.js';

export interface WorkerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Takes screening jobs from the queue one at a time until stopped. Woken at once when this
 * process queues work; otherwise it looks for work from other processes every `pollMs`.
 */
export class ScreeningWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Work was queued since the worker last looked: look again before sleeping. */
  private signalled = false;
  private readonly onQueued = () => {
    this.signalled = true;
    this.wake?.();
  };

  constructor(
    private readonly service: ScreeningService,
    private readonly options: { name?: string; pollMs?: number; log?: WorkerLog } = {},
  ) {}

  get name(): string {
    return this.options.name ?? `${hostname()}:${process.pid}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.service.events.on('queued', this.onQueued);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.service.events.off('queued', this.onQueued);
    this.wake?.();
    await this.loop;
  }

  /** Processes one job if there is one; false when the queue had nothing ready. */
  async step(): Promise<boolean> {
    const [job] = await this.service.queue.claim(this.name, 1);
    if (!job) return false;
    const started = performance.now();
    try {
      const result = await this.service.process(job);
      await this.service.queue.finish(job.id);
      this.options.log?.info(
        {
          job: job.id,
          kind: job.kind,
          created: result.created.length,
          ms: Math.round(performance.now() - started),
        },
        'screened',
      );
    } catch (error) {
      this.options.log?.error({ job: job.id, kind: job.kind, err: error }, 'screening failed');
      await this.service.queue.fail(job, (error as Error).message ?? String(error));
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
    await this.service.queue.releaseStale().catch(() => 0);
    while (this.running) {
      this.signalled = false;
      let worked = false;
      try {
        worked = await this.step();
      } catch (error) {
        // The database may be restarting: wait and try again rather than stop screening.
        this.options.log?.error({ err: error }, 'screening worker could not reach the queue');
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
