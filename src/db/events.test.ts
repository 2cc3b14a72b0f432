import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { EventBus, eventChannel, MAX_EVENT_BYTES, publishEvent } from './events.js';

const changes = eventChannel<{ ids: string[] }>('test_changes');

async function until(condition: () => boolean, milliseconds = 3_000) {
  const deadline = Date.now() + milliseconds;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe.each(databaseTargets)('the event bus on $name', (target) => {
  let database: DatabaseHandle;
  let bus: EventBus;
  beforeAll(async () => {
    database = await target.create();
    bus = new EventBus(database);
  });
  afterAll(() => database.close());

  it('delivers an event published on its own to every subscriber, with its payload', async () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = await bus.subscribe(changes, (event) => first.push(event));
    const stopSecond = await bus.subscribe(changes, (event) => second.push(event));
    try {
      await publishEvent(database.db, changes, { ids: ['a'] });
      await until(() => first.length > 0 && second.length > 0);
      expect(first).toEqual([{ ids: ['a'] }]);
      expect(second).toEqual([{ ids: ['a'] }]);
    } finally {
      stopFirst();
      stopSecond();
    }
  });

  it('sends an event published in a transaction at its commit, and none on rollback', async () => {
    const seen: unknown[] = [];
    const stop = await bus.subscribe(changes, (event) => seen.push(event));
    try {
      await database.db.transaction().execute(async (trx) => {
        await bus.publish(trx, changes, { ids: ['committed'] });
        await pause(200);
        expect(seen).toEqual([]);
      });
      await until(() => seen.length > 0);
      expect(seen).toEqual([{ ids: ['committed'] }]);
      await database.db
        .transaction()
        .execute(async (trx) => {
          await bus.publish(trx, changes, { ids: ['rolled back'] });
          throw new Error('undo');
        })
        .catch(() => undefined);
      await publishEvent(database.db, changes, { ids: ['after'] });
      await until(() => seen.length > 1);
      await pause(100);
      expect(seen).toEqual([{ ids: ['committed'] }, { ids: ['after'] }]);
    } finally {
      stop();
    }
  });

  it('stops delivering to a listener that unsubscribed; a failing listener does not stop the others', async () => {
    const kept: unknown[] = [];
    const dropped: unknown[] = [];
    const stopKept = await bus.subscribe(changes, (event) => kept.push(event));
    const stopFailing = await bus.subscribe(changes, () => {
      throw new Error('stream closed');
    });
    const stopDropped = await bus.subscribe(changes, (event) => dropped.push(event));
    stopDropped();
    try {
      await publishEvent(database.db, changes, { ids: ['x'] });
      await until(() => kept.length > 0);
      await pause(100);
      expect(kept).toEqual([{ ids: ['x'] }]);
      expect(dropped).toEqual([]);
    } finally {
      stopKept();
      stopFailing();
    }
  });

  it('ignores what others notify on the channel that is not an event, and refuses too large a payload', async () => {
    const seen: unknown[] = [];
    const stop = await bus.subscribe(changes, (event) => seen.push(event));
    try {
      await sql`select pg_notify('test_changes', 'not json')`.execute(database.db);
      await publishEvent(database.db, changes, { ids: ['fine'] });
      await until(() => seen.length > 0);
      expect(seen).toEqual([{ ids: ['fine'] }]);
      const many = Array.from({ length: MAX_EVENT_BYTES / 5 }, (_, index) => `id-${index}`);
      await expect(publishEvent(database.db, changes, { ids: many })).rejects.toThrow(/at most 7900/);
    } finally {
      stop();
    }
  });
});

// Another process's listening connection: only a server has several processes.
const postgres = databaseTargets.find((target) => target.name === 'postgres');
describe.skipIf(!postgres)('the event bus across processes on PostgreSQL', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await postgres!.create();
  });
  afterAll(() => database.close());

  it('reaches another process on the same database, and tells it to read afresh when its listening connection was lost', async () => {
    const current = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${current.rows[0].name}`;
    // Another process's connection to the same database, as a second server would hold it.
    const other = await openDatabase({ databaseUrl: url.toString(), maxConnections: 1 });
    try {
      const seen: unknown[] = [];
      await new EventBus(other).subscribe(changes, (event) => seen.push(event));
      await pause(300);
      await publishEvent(database.db, changes, { ids: ['from the first'] });
      await until(() => seen.length > 0);
      expect(seen).toEqual([{ ids: ['from the first'] }]);
      // The server ends the listening connections (a restart, a failover).
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`.execute(
        database.db,
      );
      await until(() => seen.includes(undefined), 5_000);
      expect(seen).toContain(undefined);
      await publishEvent(database.db, changes, { ids: ['after the loss'] });
      await until(() => seen.length > 2 && seen.at(-1) !== undefined, 5_000);
      expect(seen.at(-1)).toEqual({ ids: ['after the loss'] });
    } finally {
      await other.close();
    }
  });
});
