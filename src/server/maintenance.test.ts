import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { databaseTargets } from '../../test/database.js';
import type { DatabaseHandle } from '../db/database.js';
import { startMaintenance, type MaintenanceTask } from './maintenance.js';
import { MaintenanceClaims } from './maintenance-store.js';

describe('startMaintenance', () => {
  it('runs every task at start, and a failing task does not stop the others', async () => {
    const ran: string[] = [];
    const logger = pino({ level: 'silent' });
    const maintenance = startMaintenance(
      [
        {
          name: 'broken',
          run: async () => {
            ran.push('broken');
            throw new Error('disk full');
          },
        },
        {
          name: 'sessions',
          run: async () => {
            ran.push('sessions');
            return { deleted: 2 };
          },
        },
      ],
      logger,
    );
    await maintenance.stop();
    expect(ran).toEqual(['broken', 'sessions']);
  });
});

describe.each(databaseTargets)('maintenance of several servers on one database, on $name', (target) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await target.create();
  });
  afterAll(() => database.close());

  it('runs a task on one server per period, and a task of every server on each', async () => {
    const claims = new MaintenanceClaims(database.db);
    const ran: string[] = [];
    const tasks = (server: string): MaintenanceTask[] => [
      { name: 'retention', run: async () => ran.push(`retention on ${server}`) },
      { name: 'checkpoint', everyServer: true, run: async () => ran.push(`checkpoint on ${server}`) },
    ];
    const logger = pino({ level: 'silent' });
    const servers = ['one', 'two', 'three'].map((server) =>
      startMaintenance(tasks(server), logger, 3_600_000, (task, periodMs) =>
        claims.claim(task, server, periodMs),
      ),
    );
    await Promise.all(servers.map((server) => server.stop()));
    expect(ran.filter((entry) => entry.startsWith('retention'))).toHaveLength(1);
    expect(ran.filter((entry) => entry.startsWith('checkpoint')).sort()).toEqual([
      'checkpoint on one',
      'checkpoint on three',
      'checkpoint on two',
    ]);
  });

  it('lets a task be taken again once its period has passed', async () => {
    const claims = new MaintenanceClaims(database.db);
    expect(await claims.claim('sessions', 'one', 300)).toBe(true);
    expect(await claims.claim('sessions', 'two', 300)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await claims.claim('sessions', 'two', 300)).toBe(true);
    expect(await claims.claim('sessions', 'one', 300)).toBe(false);
  });
});
