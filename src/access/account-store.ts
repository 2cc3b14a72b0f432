import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The columns of an account an administrator changes (PATCH /users/:id). */
export interface AccountChanges {
  display_name?: string;
  unit_id?: string;
  roles?: string[];
  active?: boolean;
}

/** The SQL of changing accounts after they were made: passwords, roles, unit, enabled or not. */
export class AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  findUser = (id: string, db: Kysely<Database> = this.db) =>
    db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'unit_id', 'roles', 'active', 'password_hash'])
      .where('id', '=', id)
      .executeTakeFirst();

  /**
   * Runs `change` in a transaction that holds the rows of every active administrator, so that two
   * administrators demoting each other at once cannot both pass the last-administrator check.
   */
  withActiveAdminsLocked<T>(
    change: (trx: Transaction<Database>, activeAdminIds: string[]) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const admins = await trx
        .selectFrom('users')
        .select('id')
        .where('active', '=', true)
        .where(sql<boolean>`'admin' = any(roles)`)
        .orderBy('id')
        .forUpdate()
        .execute();
      return change(
        trx,
        admins.map((admin) => admin.id),
      );
    });
  }

  updateUser = (trx: Transaction<Database>, id: string, changes: AccountChanges) =>
    trx.updateTable('users').set(changes).where('id', '=', id).execute();

  setPassword = (id: string, passwordHash: string, options: { mustChange: boolean; at: string }) =>
    this.db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: options.mustChange,
        password_changed_at: options.at,
      })
      .where('id', '=', id)
      .execute();

  /** Signs the user out everywhere, except in the session `keep` (the one that changed the password). */
  async deleteSessionsOfUser(userId: string, keep?: string, db: Kysely<Database> = this.db): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) query = query.where('id', '!=', keep);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
