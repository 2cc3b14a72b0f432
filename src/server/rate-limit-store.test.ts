import fastifyRateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import type { DatabaseHandle } from '../db/database.js';
import { databaseRateLimitStore, RateLimitCounts } from './rate-limit-store.js';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A server with one limited route, its counts in the database. */
async function limitedServer(database: DatabaseHandle) {
  const app = Fastify({ logger: false });
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(new RateLimitCounts(database.db)),
  });
  app.post('/login', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({
    ok: true,
  }));
  app.post('/token', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({
    ok: true,
  }));
  return app;
}

describe.each(databaseTargets)('request counts of the rate limits on $name', (target) => {
  let database: DatabaseHandle;
  let counts: RateLimitCounts;
  beforeAll(async () => {
    database = await target.create();
    counts = new RateLimitCounts(database.db);
  });
  afterAll(() => database.close());

  it('counts in a window and starts again when it ends', async () => {
    expect(await counts.read('k1')).toEqual({ current: 0, ttl: 0 });
    const first = await counts.count('k1', 400);
    expect(first.current).toBe(1);
    expect(first.ttl).toBeGreaterThan(0);
    expect(first.ttl).toBeLessThanOrEqual(400);
    expect((await counts.count('k1', 400)).current).toBe(2);
    expect((await counts.read('k1')).current).toBe(2);
    expect((await counts.count('k2', 400)).current).toBe(1);
    await pause(450);
    expect(await counts.read('k1')).toEqual({ current: 0, ttl: 0 });
    expect((await counts.count('k1', 60_000)).current).toBe(1);
    // k2's window has ended: its row goes, k1's running one stays.
    expect(await counts.deleteEnded()).toBe(1);
    expect((await counts.read('k1')).current).toBe(1);
  });

  it('loses no request counted at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => counts.count('together', 60_000)));
    expect(results.map((result) => result.current).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });

  it('holds a limit reached through one server on another server of the same database, per route', async () => {
    await sql`delete from rate_limit_counts`.execute(database.db);
    const [one, two] = [await limitedServer(database), await limitedServer(database)];
    try {
      const from = (app: typeof one, url: string) =>
        app.inject({ method: 'POST', url, remoteAddress: '203.0.113.7' }).then((reply) => reply.statusCode);
      expect(await from(one, '/login')).toBe(200);
      expect(await from(two, '/login')).toBe(200);
      const refused = await two.inject({ method: 'POST', url: '/login', remoteAddress: '203.0.113.7' });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
      expect(await from(one, '/login')).toBe(429);
      // Another route and another address count apart.
      expect(await from(one, '/token')).toBe(200);
      expect(
        (await two.inject({ method: 'POST', url: '/login', remoteAddress: '203.0.113.8' })).statusCode,
      ).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
