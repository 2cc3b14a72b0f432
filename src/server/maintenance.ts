import type { FastifyBaseLogger } from 'fastify';

export interface MaintenanceTask {
  name: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Periodic housekeeping inside the server process (PNR retention, the screening queue, sign-in
 * failures, expired sessions, a checkpoint of the audit log; the tasks are given in start.ts).
 * Runs once at start and then every `intervalMs`; a failing task is logged and tried again next time.
 */
export function startMaintenance(
  tasks: MaintenanceTask[],
  logger: FastifyBaseLogger,
  intervalMs = 3_600_000,
) {
  let running: Promise<void> | undefined;
  const runAll = () =>
    (running ??= (async () => {
      for (const task of tasks) {
        try {
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
