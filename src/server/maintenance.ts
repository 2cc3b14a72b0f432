import type { FastifyBaseLogger } from 'fastify';

export interface MaintenanceTask {
  name: string;
  /** Run by every server (its own files), not by one server of the installation per period. */
  everyServer?: boolean;
  run(now: Date): Promise<unknown>;
}

/**
 * Takes a task for this server for a period (maintenance-store.ts); false when another server
 * took it within the period.
 */
export type MaintenanceClaim = (task: string, periodMs: number) => Promise<boolean>;

/**
 * Periodic housekeeping inside the server process (PNR retention, the screening queue, sign-in
 * failures, expired sessions, a checkpoint of the audit log; the tasks are given in start.ts).
 * Runs once at start and then every `intervalMs`; a failing task is logged and tried again next time.
 * With several servers on one database, `claim` has one of them run each task per period.
 */
export function startMaintenance(
  tasks: MaintenanceTask[],
  logger: FastifyBaseLogger,
  intervalMs = 3_600_000,
  claim?: MaintenanceClaim,
) {
  let running: Promise<void> | undefined;
  // A little less than the interval, so that the server that ran a task last time may take it again.
  const period = Math.floor(intervalMs * 0.9);
  const runAll = () =>
    (running ??= (async () => {
      for (const task of tasks) {
        try {
          if (claim && !task.everyServer && !(await claim(task.name, period))) {
            logger.debug({ task: task.name }, 'maintenance task run by another server');
            continue;
          }
          const result = await task.run(new Date());
          logger.info({ task: task.name, result }, 'maintenance task done');
        } catch (error) {
          logger.error({ task: task.name, err: error }, 'maintenance task failed');
        }
      }
    })().finally(() => (running = undefined)));
  void runAll();
  const timer = setInterval(() => void runAll(), intervalMs);
  timer.unref();
  return {
    /** Waits for a run in progress, so that the database is not closed under it. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
