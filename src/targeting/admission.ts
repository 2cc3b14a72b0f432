export interface AdmissionOptions {
  /** How old the oldest waiting screening job may be before new messages wait; 0 never waits. */
  backlogSeconds: number;
  /** The longest a message waits: past it, it is taken all the same (nothing is ever refused). */
  maxWaitSeconds: number;
}

export interface Backlog {
  /** Age of the oldest job waiting to be screened (0: none waits). */
  seconds: number;
  /** Whether a live worker holds a job: with none, waiting would not shorten the queue. */
  workersBusy: boolean;
}

const POLL_MS = 20;

/**
 * Ingest yields to screening. Taking in messages is several times cheaper than screening them, so
 * on shared cores a steady stream of uploads would grow the queue without bound and hits would come
 * minutes after their data. While the oldest waiting screening job is older than `backlogSeconds`
 * and workers are screening, a new message waits before it is taken in: the sender's upload takes
 * longer, the queue stays short, and the time from upload to hit stays bounded. With no live worker
 * (none started, all stopped) nothing waits: the queue is then the only place the work can go.
 */
export class ScreeningAdmission {
  private reading: Promise<Backlog> | undefined;
  private readAt = 0;
  private last: Backlog = { seconds: 0, workersBusy: false };

  constructor(
    private readonly readBacklog: () => Promise<Backlog>,
    private readonly options: AdmissionOptions,
  ) {}

  /** The backlog, read at most once per poll interval however many uploads ask at once. */
  private backlog(): Promise<Backlog> {
    if (this.reading) return this.reading;
    if (performance.now() - this.readAt < POLL_MS) return Promise.resolve(this.last);
    this.reading = this.readBacklog()
      .then((backlog) => {
        this.last = backlog;
        this.readAt = performance.now();
        return backlog;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  /** Waits while screening is behind; answers how long it waited, in seconds. */
  async waitForRoom(): Promise<number> {
    const { backlogSeconds, maxWaitSeconds } = this.options;
    if (backlogSeconds <= 0) return 0;
    const started = performance.now();
    for (;;) {
      const backlog = await this.backlog();
      const waited = (performance.now() - started) / 1000;
      if (backlog.seconds <= backlogSeconds || !backlog.workersBusy || waited >= maxWaitSeconds)
        return waited;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
