import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Claims of the periodic maintenance tasks (table `maintenance_claims`), one server per period. */
export class MaintenanceClaims {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the task for `by` unless another claim is younger than `periodMs`; true when taken.
   * One statement: of servers claiming at the same moment, one wins.
   */
  async claim(task: string, by: string, periodMs: number): Promise<boolean> {
    const { rows } = await sql<{ task: string }>`
      insert into maintenance_claims as m (task, claimed_by, claimed_at) values (${task}, ${by}, now())
      on conflict (task) do update set claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at
        where m.claimed_at <= now() - ${periodMs}::double precision * interval '1 millisecond'
      returning task`.execute(this.db);
    return rows.length > 0;
  }
}
