import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import { PREPARED } from './database.js';

describe.each(databaseTargets)('prepared statements ($name)', ({ create }) => {
  it('runs a marked statement again and again with other values, and keeps two texts apart', async () => {
    const handle = await create();
    try {
      const doubled = async (value: number) =>
        (await sql<{ n: number }>`${sql.raw(PREPARED)} select ${value}::integer * 2 as n`.execute(handle.db))
          .rows[0]!.n;
      const tripled = async (value: number) =>
        (await sql<{ n: number }>`${sql.raw(PREPARED)} select ${value}::integer * 3 as n`.execute(handle.db))
          .rows[0]!.n;
      for (let value = 0; value < 8; value++) {
        expect(await doubled(value)).toBe(value * 2);
        expect(await tripled(value)).toBe(value * 3);
      }
      // Inside a transaction too, and an unmarked statement as before.
      await handle.db.transaction().execute(async (trx) => {
        const row = await sql<{ n: number }>`${sql.raw(PREPARED)} select ${21}::integer * 2 as n`.execute(
          trx,
        );
        expect(row.rows[0]!.n).toBe(42);
      });
      await handle.db.connection().execute(async (connection) => {
        await sql`${sql.raw(PREPARED)} select ${5}::integer * 2 as n`.execute(connection);
        // The server holds it prepared on the connection that ran it (the embedded one has one).
        const held = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
          connection,
        );
        expect(held.rows.some((row) => row.statement.includes('* 2 as n'))).toBe(true);
      });
    } finally {
      await handle.close();
    }
  });

  it('keeps a statement whose first values were refused, and reports the error as the server gave it', async () => {
    const handle = await create();
    try {
      const quadrupled = (value: unknown) =>
        sql<{ n: number }>`${sql.raw(PREPARED)} select ${value}::integer * 4 as n`.execute(handle.db);
      // Parsed, then refused at the values: the statement is prepared all the same.
      await expect(quadrupled('not a number')).rejects.toMatchObject({ code: '22P02' });
      expect((await quadrupled(3)).rows[0]!.n).toBe(12);
      expect((await quadrupled(4)).rows[0]!.n).toBe(16);
      await expect(sql`select * from no_such_table`.execute(handle.db)).rejects.toMatchObject({
        code: '42P01',
      });
      // Values of every kind the application sends, written as the server driver writes them.
      const row = await sql<{ a: string[]; j: { k: number }; d: string; b: boolean; z: null }>`select
        ${['x', 'y"z', null]}::text[] as a, ${JSON.stringify({ k: 1 })}::jsonb as j,
        ${'2026-01-02'}::date::text as d, ${true}::boolean as b, ${null}::text as z`.execute(handle.db);
      expect(row.rows[0]).toEqual({ a: ['x', 'y"z', null], j: { k: 1 }, d: '2026-01-02', b: true, z: null });
    } finally {
      await handle.close();
    }
  });
});
