/**
 * A screening worker process of the sustained benchmark (bench/sustained.ts), as `interdict
 * worker` runs one: its own services over the bench database, the same generated watchlist in its
 * index, rules compiled, then the queue's worker until told to stop.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createServices } from '../src/services.js';
import { JobWorker } from '../src/jobs/index.js';
import { generateEntries, loadNamePools } from './names-generator.js';
import { seededRandom } from '../scripts/eval-names-data.js';
import { indexGeneratedList } from './screening.js';

export type ToSustainedWorker =
  { kind: 'setup'; databaseUrl: string; watchlistId: string; names: number; name: string } | { kind: 'stop' };
export type FromSustainedWorker = { kind: 'ready' } | { kind: 'stopped' } | { kind: 'failed'; error: string };

const reply = (message: FromSustainedWorker) => process.send!(message);
let worker: JobWorker | undefined;
let close: (() => Promise<void>) | undefined;

process.on('message', (message: ToSustainedWorker) => {
  if (message.kind === 'setup') {
    void (async () => {
      const handle = await openDatabase({ databaseUrl: message.databaseUrl, maxConnections: 2 });
      close = () => handle.close();
      const services = createServices(handle, loadConfig({ LOG_LEVEL: 'silent' }, {}));
      const random = seededRandom(1_000_000);
      await indexGeneratedList(
        services,
        generateEntries(loadNamePools(random), message.names, random),
        message.watchlistId,
      );
      await services.targeting.screening.ruleSets();
      worker = new JobWorker(services.jobs.queue, { name: message.name, pollMs: 50 });
      worker.start();
    })().then(
      () => reply({ kind: 'ready' }),
      (error: Error) => reply({ kind: 'failed', error: error.stack ?? String(error) }),
    );
  } else {
    void (async () => {
      await worker?.stop();
      await close?.();
      reply({ kind: 'stopped' });
      process.exit(0);
    })();
  }
});
