import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { startMaintenance } from './maintenance.js';

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
