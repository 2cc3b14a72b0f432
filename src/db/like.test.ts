import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../test/database.js';
import type { DatabaseHandle } from './database.js';
import { containsPattern, escapeLike } from './like.js';

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character, nothing else', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike('Đorđe Petrović')).toBe('Đorđe Petrović');
    expect(containsPattern('_%')).toBe('%\\_\\%%');
  });
});

describe.each(databaseTargets)('LIKE patterns on $name', (target) => {
  let database: DatabaseHandle;
  const values = ['plain', '100%', 'snake_case', 'back\\slash', 'x'];
  beforeAll(async () => {
    database = await target.create();
  });
  afterAll(() => database.close());

  const matching = async (operator: 'like' | 'ilike', typed: string) => {
    const rows = await sql<{ value: string }>`
      select value from unnest(${values}::text[]) as v(value)
      where value ${sql.raw(operator)} ${containsPattern(typed)} order by value`.execute(database.db);
    return rows.rows.map((row) => row.value);
  };

  it('takes what was typed literally, with LIKE and ILIKE', async () => {
    expect(await matching('like', '_%')).toEqual([]);
    expect(await matching('like', '%')).toEqual(['100%']);
    expect(await matching('ilike', '_C')).toEqual(['snake_case']);
    expect(await matching('like', '\\')).toEqual(['back\\slash']);
    expect(await matching('like', 'a')).toEqual(['back\\slash', 'plain', 'snake_case']);
  });
});
