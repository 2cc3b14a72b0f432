import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import type { DatabaseHandle } from './database.js';
import { listMigrations, migrate } from './migrator.js';

describe.each(databaseTargets)('migrations on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(() => handle.close());

  it('applies every migration once and records it', async () => {
    const recorded = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
      handle.db,
    );
    expect(recorded.rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(handle)).toEqual([]);
  });

  it('returns dates and times as plain strings', async () => {
    const row = await sql<{ d: string; t: string; tz: string; n: number }>`
      select '1978-07-06'::date as d, '2017-01-27 17:25:00'::timestamp as t,
             '2017-01-27 17:25:00+01'::timestamptz as tz, count(*) as n from generate_series(1, 3)`.execute(
      handle.db,
    );
    expect(row.rows[0]).toEqual({
      d: '1978-07-06',
      t: '2017-01-27T17:25:00',
      tz: '2017-01-27T16:25:00.000Z',
      n: 3,
    });
  });

  it('keeps the audit log append-only', async () => {
    await sql`insert into audit_log (sequence, actor_name, action, entity, previous_hash, hash)
              values (1, 'test', 'test', 'test', '', 'x')`.execute(handle.db);
    await expect(sql`update audit_log set action = 'changed'`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
  });
});
