import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { operatorActor } from '../cli/context.js';
import { openDatabase } from '../db/database.js';

const paxlst = readFileSync(new URL('../../test/fixtures/edifact/paxlst/Test1.txt', import.meta.url));
const postgres = databaseTargets.find((target) => target.name === 'postgres');

describe.runIf(postgres)('screening workers of other processes wake at once on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await postgres!.create(), { SCREENING_WORKERS: '0' });
  });
  afterAll(() => t.close());

  it('notifies every listening process when a message queues its screening, at commit', async () => {
    const url = await t.services.database.db
      .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
      .executeTakeFirstOrThrow();
    const server = new URL(process.env.TEST_DATABASE_URL!);
    server.pathname = `/${url.name}`;
    // Another process's connection to the same database, as `interdict worker` would hold it.
    const other = await openDatabase({ databaseUrl: server.toString(), maxConnections: 1 });
    try {
      let woken = 0;
      other.listen!('screening_jobs', () => woken++);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = woken;
      const actor = await operatorActor(t.services, t.config, 'BA-SJJ-JAITF');
      await t.services.messages.ingest(actor, { filename: 'Test1.txt', bytes: paxlst });
      const deadline = Date.now() + 2_000;
      while (woken === before && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(woken).toBeGreaterThan(before);
    } finally {
      await other.close();
    }
  });
});
