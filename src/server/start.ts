import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { auditCheckpointPath, takeAuditCheckpoint } from '../access/audit-checkpoint.js';
import { loadAuditKey } from '../access/audit-key.js';
import { signInPolicy } from '../access/sign-in-limit.js';
import { createServices, type Services } from '../services.js';
import { buildApp } from './app.js';
import { startMaintenance } from './maintenance.js';
import { MaintenanceClaims } from './maintenance-store.js';
import { RateLimitCounts } from './rate-limit-store.js';
import { JobWorker } from '../jobs/index.js';

export interface RunningInterdict {
  url: string;
  app: FastifyInstance;
  services: Services;
  config: Config;
  /** The first admin's password when it was generated at this start. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds the first start, and listens. */
export async function startInterdict(
  config: Config,
  options: { webRoot?: string } = {},
): Promise<RunningInterdict> {
  const database = await openDatabase({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: config.DATA_DIR,
  });
  try {
    await migrate(database);
    // Read (or made) before anything is served: a key that cannot be read stops the start.
    const auditKey = loadAuditKey(config);
    const services = createServices(database, config);
    const bootstrap = await services.access.bootstrap(config.INTERDICT_ADMIN_PASSWORD);
    const app = await buildApp({
      config,
      services,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    if (auditKey.warning) app.log.warn(`audit key: ${auditKey.warning}`);
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    const workers = Array.from(
      { length: config.SCREENING_WORKERS },
      (_, index) =>
        new JobWorker(services.jobs.queue, {
          name: `server-${process.pid}-${index + 1}`,
          log: app.log,
        }),
    );
    for (const worker of workers) worker.start();
    const claims = new MaintenanceClaims(database.db);
    const maintenance = startMaintenance(
      [
        { name: 'PNR retention', run: (now) => services.retention.run(now) },
        {
          name: 'job queue',
          run: async () => ({
            released: await services.jobs.queue.releaseStale(),
            pruned: await services.jobs.queue.prune().then(() => true),
          }),
        },
        {
          name: 'forget old failed sign-ins',
          run: async (now) => ({
            deleted: Number(
              (
                await services.access.store.deleteStaleSignInFailures(
                  new Date(now.getTime() - signInPolicy.forgetAfterMs).toISOString(),
                  now.toISOString(),
                )
              ).numDeletedRows,
            ),
          }),
        },
        {
          name: 'delete ended rate-limit windows',
          run: async () => ({ deleted: await new RateLimitCounts(database.db).deleteEnded() }),
        },
        {
          name: 'delete expired sessions',
          run: async (now) => ({
            deleted: Number(
              (await services.access.store.deleteExpiredSessions(now.toISOString()))[0]?.numDeletedRows ?? 0,
            ),
          }),
        },
        {
          name: 'audit checkpoint',
          // Into this server's own file: each server keeps checkpoints of its own.
          everyServer: true,
          run: () =>
            takeAuditCheckpoint(database.db, {
              key: auditKey,
              file: auditCheckpointPath(config),
              actorName: 'server maintenance',
              trigger: 'maintenance',
            }),
        },
      ],
      app.log,
      undefined,
      (task, periodMs) => claims.claim(task, `${hostname()}:${process.pid}`, periodMs),
    );
    let closing: Promise<void> | undefined;
    return {
      url: address.replace('[::1]', 'localhost'),
      app,
      services,
      config,
      ...(bootstrap.generatedPassword ? { generatedAdminPassword: bootstrap.generatedPassword } : {}),
      // In-flight requests finish before the database closes.
      close: () =>
        (closing ??= app
          .close()
          .then(() => Promise.all(workers.map((worker) => worker.stop())))
          .then(() => maintenance.stop())
          .then(() => database.close())),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
