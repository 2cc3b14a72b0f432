import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import { PREPARED } from './database.js';

describe.each(databaseTargets)('prepared statements ($name)', ({ name, create }) => {
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
      if (name === 'postgres')
        await handle.db.connection().execute(async (connection) => {
          await sql`${sql.raw(PREPARED)} select ${5}::integer * 2 as n`.execute(connection);
          // The server holds it prepared on the connection that ran it.
          const held = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
            connection,
          );
          expect(held.rows.some((row) => row.statement.includes('* 2 as n'))).toBe(true);
        });
    } finally {
      await handle.close();
    }
  });
});
