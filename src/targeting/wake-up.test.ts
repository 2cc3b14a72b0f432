import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { operatorActor } from '../cli/context.js';
import { openDatabase } from '../db/database.js';
import { JOBS_CHANNEL } from '../jobs/index.js';

const paxlst = readFileSync(new URL('../../test/fixtures/edifact/paxlst/Test1.txt', import.meta.url));

async function until(condition: () => boolean, milliseconds = 2_000) {
  const deadline = Date.now() + milliseconds;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each(databaseTargets)('screening workers wake when work is queued, on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await target.create(), { SCREENING_WORKERS: '0' });
  });
  afterAll(() => t.close());

  const ingest = async (name: string) => {
    const actor = await operatorActor(t.services, t.config, 'BA-SJJ-JAITF');
    await t.services.messages.ingest(actor, { filename: name, bytes: paxlst });
  };

  it('wakes the workers of this process once the message is committed', async () => {
    let woken = 0;
    const wake = () => woken++;
    t.services.jobs.queue.events.on('queued', wake);
    try {
      await t.services.database.db.deleteFrom('messages').execute();
      await ingest('here.txt');
      await until(() => woken > 0);
      expect(woken).toBeGreaterThan(0);
    } finally {
      t.services.jobs.queue.events.off('queued', wake);
    }
  });

  it('notifies every other process listening on a server (an embedded database has one process)', async () => {
    if (target.name === 'pglite') {
      expect(t.services.database.listen).toBeUndefined();
      return;
    }
    const current = await t.services.database.db
      .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
      .executeTakeFirstOrThrow();
    const server = new URL(process.env.TEST_DATABASE_URL!);
    server.pathname = `/${current.name}`;
    // Another process's connection to the same database, as `interdict worker` would hold it.
    const other = await openDatabase({ databaseUrl: server.toString(), maxConnections: 1 });
    try {
      let woken = 0;
      other.listen!(JOBS_CHANNEL, () => woken++);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = woken;
      await t.services.database.db.deleteFrom('messages').execute();
      await ingest('there.txt');
      await until(() => woken > before);
      expect(woken).toBeGreaterThan(before);
    } finally {
      await other.close();
    }
  });
});
