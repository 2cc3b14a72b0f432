import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import type { Actor } from '../access/model.js';
import type { DatabaseHandle } from '../db/database.js';
import { EventBus } from '../db/events.js';
import { followHits, publishHits, publishReferral, type HitReads } from './hit-events.js';

const reader = {
  id: 'user-1',
  unitId: 'unit-1',
  roles: ['officer'],
  jurisdictionCode: 'BA',
} as unknown as Actor;

/** Sees the hits whose id is in `visible`; counts the reads. */
function readsOf(visible: Set<string>) {
  const counted: number[] = [];
  const reads: HitReads = {
    countShown: async (_actor, ids) => {
      counted.push(ids.length);
      return ids.filter((id) => visible.has(id)).length;
    },
    latestChange: async () => null,
  };
  return { reads, counted };
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe.each(databaseTargets)('hit events through the database on $name', (target) => {
  let database: DatabaseHandle;
  let bus: EventBus;
  beforeAll(async () => {
    database = await target.create();
    bus = new EventBus(database);
  });
  afterAll(() => database.close());

  it('splits a large screening into events that fit, and tells the reader once what they see of it', async () => {
    const created = Array.from({ length: 400 }, () => randomUUID());
    const lapsed = Array.from({ length: 30 }, () => randomUUID());
    const visible = new Set([...created.slice(0, 250), ...lapsed.slice(0, 3)]);
    const { reads, counted } = readsOf(visible);
    const sent: [string, unknown][] = [];
    const stop = await followHits(bus, reads, reader, (event, data) => sent.push([event, data]));
    try {
      // In one transaction, as a screening's chunk is recorded: the events arrive together at commit.
      await database.db
        .transaction()
        .execute((trx) => publishHits(trx, { created, noLongerMatching: lapsed, jurisdictions: ['BA'] }));
      const deadline = Date.now() + 3_000;
      while (sent.length === 0 && Date.now() < deadline) await pause(10);
      await pause(200);
      expect(sent).toEqual([['hits', { created: 250, noLongerMatching: 3 }]]);
      // One read per kind for the three events the 430 ids took.
      expect(counted.sort((a, b) => a - b)).toEqual([30, 400]);
    } finally {
      stop();
    }
  });

  it("says nothing of another jurisdiction's hits, nor of hits the reader does not see", async () => {
    const { reads, counted } = readsOf(new Set());
    const sent: unknown[] = [];
    const stop = await followHits(bus, reads, reader, (event, data) => sent.push([event, data]));
    try {
      await publishHits(database.db, {
        created: [randomUUID()],
        noLongerMatching: [],
        jurisdictions: ['RS'],
      });
      await publishHits(database.db, {
        created: [randomUUID()],
        noLongerMatching: [],
        jurisdictions: ['BA'],
      });
      await pause(400);
      expect(sent).toEqual([]);
      expect(counted).toEqual([1, 0]);
    } finally {
      stop();
    }
  });

  it('tells a referral to the user it names, if they see the hit, and stops when asked', async () => {
    const hitId = randomUUID();
    const { reads } = readsOf(new Set([hitId]));
    const sent: unknown[] = [];
    const stop = await followHits(bus, reads, reader, (event, data) => sent.push([event, data]));
    await publishReferral(database.db, { hitId, toUnitId: 'unit-2', toUserId: null });
    await publishReferral(database.db, { hitId, toUnitId: 'unit-2', toUserId: 'user-1' });
    const deadline = Date.now() + 3_000;
    while (sent.length < 2 && Date.now() < deadline) await pause(10);
    expect(sent).toEqual([
      ['referral', { hitId }],
      ['hits', { referred: 1 }],
    ]);
    stop();
    await publishReferral(database.db, { hitId, toUnitId: 'unit-1', toUserId: null });
    await pause(300);
    expect(sent).toHaveLength(2);
  });
});
