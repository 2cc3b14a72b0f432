import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, invalid, notFound } from '../errors.js';
import { AccountStore, type AccountChanges } from './account-store.js';
import type { AuditEntry } from './audit.js';
import {
  changePasswordSchema,
  passwordResetSchema,
  updateUserSchema,
  type Actor,
  type UserView,
} from './model.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import type { SignInLimit } from './sign-in-limit.js';
import type { AccessStore } from './store.js';

/** Who is behind a request, as far as their own account is concerned. */
export interface AccountHolder {
  actor: Actor;
  /** The user: the session's, or the one a token acts for; none for a system's token. */
  userId?: string;
  /** The session the request came through, kept when the password changes. */
  sessionId?: string;
}

interface AccountDependencies {
  store: AccessStore;
  signInLimit: SignInLimit;
  auditBy: (actor: Actor, entry: Omit<AuditEntry, 'actorId' | 'actorName'>) => Promise<void>;
  requireAdministrator: (actor: Actor) => void;
  now: () => Date;
}

export const passwordChangeRequired = (): AppError =>
  new AppError(
    403,
    'password_change_required',
    'Set a password of your own first: the one you signed in with was given by an administrator',
  );

const lastAdministrator = (username: string): AppError =>
  new AppError(
    409,
    'last_administrator',
    `${username} is the last active administrator: make another user an administrator first, so that someone can still manage accounts`,
  );

/**
 * Accounts after they are made: a user changes their password; an administrator edits the name,
 * unit and roles, disables and enables the account, and resets its password. All of it audited.
 */
export class Accounts {
  private readonly accounts: AccountStore;

  constructor(
    db: Kysely<Database>,
    private readonly deps: AccountDependencies,
  ) {
    this.accounts = new AccountStore(db);
  }

  /**
   * `POST /auth/password`. A wrong current password is one more failure for the account's sign-in
   * limit (a stolen session must not become a way to guess it); the other sessions end.
   */
  async changeOwnPassword(
    holder: AccountHolder,
    input: unknown,
  ): Promise<{ user: UserView; otherSessionsEnded: number }> {
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) throw invalid('The new password is not valid', parsed.error.issues);
    if (!holder.userId)
      throw new AppError(
        400,
        'not_a_user',
        'This API token belongs to a system, not to a user with a password',
      );
    const user = await this.accounts.findUser(holder.userId);
    if (!user) throw notFound('User', holder.userId);
    const { currentPassword, newPassword } = parsed.data;
    await this.deps.signInLimit.guard(user.username, async () => {
      if (await verifyPassword(user.password_hash, currentPassword)) return;
      await this.deps.auditBy(holder.actor, {
        action: 'user.password-change-failed',
        entity: 'user',
        entityId: user.id,
      });
      throw new AppError(403, 'wrong_password', 'The current password is not right');
    });
    if (newPassword === currentPassword)
      throw invalid('The new password must differ from the current one', [
        { path: ['newPassword'], message: 'must differ from the current password' },
      ]);
    await this.accounts.setPassword(user.id, await hashPassword(newPassword), {
      mustChange: false,
      at: this.deps.now().toISOString(),
    });
    const otherSessionsEnded = await this.accounts.deleteSessionsOfUser(user.id, holder.sessionId);
    await this.deps.auditBy(holder.actor, {
      action: 'user.password-change',
      entity: 'user',
      entityId: user.id,
      details: { username: user.username, otherSessionsEnded },
    });
    return { user: await this.view(user.id), otherSessionsEnded };
  }

  /** `PATCH /users/:id`: name, unit, roles, enabled; never leaving the installation without an administrator. */
  async updateUser(actor: Actor, userId: string, input: unknown): Promise<UserView> {
    this.deps.requireAdministrator(actor);
    const parsed = updateUserSchema.safeParse(input);
    if (!parsed.success) throw invalid('The changes to the user are not valid', parsed.error.issues);
    const wanted = parsed.data;
    if (wanted.unitId && !(await this.deps.store.unitExists(wanted.unitId)))
      throw invalid(`Unit ${wanted.unitId} does not exist`, [
        { path: ['unitId'], message: 'choose one of the units of the list' },
      ]);
    const result = await this.accounts.withActiveAdminsLocked(async (trx, activeAdminIds) => {
      const user = await this.accounts.findUser(userId, trx);
      if (!user) throw notFound('User', userId);
      const changes = changesOf(user, wanted);
      const staysAdministrator =
        (changes.active ?? user.active) && (changes.roles ?? user.roles).includes('admin');
      if (activeAdminIds.length === 1 && activeAdminIds[0] === user.id && !staysAdministrator)
        throw lastAdministrator(user.username);
      if (Object.keys(changes).length === 0) return { user, changes, sessionsEnded: 0 };
      await this.accounts.updateUser(trx, user.id, changes);
      // A disabled user is signed out at once (authentication refuses them anyway).
      const sessionsEnded =
        changes.active === false ? await this.accounts.deleteSessionsOfUser(user.id, undefined, trx) : 0;
      return { user, changes, sessionsEnded };
    });
    await this.auditChanges(actor, result.user, result.changes, result.sessionsEnded);
    return this.view(userId);
  }

  /**
   * `POST /users/:id/password-reset`: the administrator's temporary password or a generated one
   * (answered this once). The user must set their own at the next sign-in; every session ends and
   * the lock of failed sign-ins is lifted.
   */
  async resetPassword(
    actor: Actor,
    userId: string,
    input: unknown,
  ): Promise<{ user: UserView; temporaryPassword?: string }> {
    this.deps.requireAdministrator(actor);
    const parsed = passwordResetSchema.safeParse(input ?? {});
    if (!parsed.success) throw invalid('The temporary password is not valid', parsed.error.issues);
    const user = await this.accounts.findUser(userId);
    if (!user) throw notFound('User', userId);
    const generated = parsed.data.password === undefined;
    const temporaryPassword = parsed.data.password ?? generatePassword();
    await this.accounts.setPassword(user.id, await hashPassword(temporaryPassword), {
      mustChange: true,
      at: this.deps.now().toISOString(),
    });
    const sessionsEnded = await this.accounts.deleteSessionsOfUser(user.id);
    await this.deps.store.clearSignInFailures(user.username);
    await this.deps.auditBy(actor, {
      action: 'user.password-reset',
      entity: 'user',
      entityId: user.id,
      details: { username: user.username, generated, sessionsEnded },
    });
    return { user: await this.view(user.id), ...(generated ? { temporaryPassword } : {}) };
  }

  private async auditChanges(
    actor: Actor,
    user: {
      id: string;
      username: string;
      display_name: string;
      unit_id: string;
      roles: string[];
      active: boolean;
    },
    changes: AccountChanges,
    sessionsEnded: number,
  ): Promise<void> {
    const { active, ...edits } = changes;
    if (Object.keys(edits).length > 0) {
      const before: Record<string, unknown> = {
        displayName: user.display_name,
        unitId: user.unit_id,
        roles: user.roles,
      };
      const after: Record<string, unknown> = {
        displayName: edits.display_name,
        unitId: edits.unit_id,
        roles: edits.roles,
      };
      const changed = Object.fromEntries(
        Object.entries(after)
          .filter(([, value]) => value !== undefined)
          .map(([field, value]) => [field, { from: before[field], to: value }]),
      );
      await this.deps.auditBy(actor, {
        action: 'user.update',
        entity: 'user',
        entityId: user.id,
        details: { username: user.username, changed },
      });
    }
    if (active !== undefined)
      await this.deps.auditBy(actor, {
        action: active ? 'user.enable' : 'user.disable',
        entity: 'user',
        entityId: user.id,
        details: { username: user.username, ...(active ? {} : { sessionsEnded }) },
      });
  }

  private async view(userId: string): Promise<UserView> {
    const [view] = await this.deps.store.listUsers(userId, this.deps.now().toISOString());
    if (!view) throw notFound('User', userId);
    return view;
  }
}

/** The columns that really change: a field sent with its present value is no change. */
function changesOf(
  user: { display_name: string; unit_id: string; roles: string[]; active: boolean },
  wanted: { displayName?: string; unitId?: string; roles?: string[]; active?: boolean },
): AccountChanges {
  const changes: AccountChanges = {};
  if (wanted.displayName !== undefined && wanted.displayName !== user.display_name)
    changes.display_name = wanted.displayName;
  if (wanted.unitId !== undefined && wanted.unitId !== user.unit_id) changes.unit_id = wanted.unitId;
  const roles = wanted.roles && [...new Set(wanted.roles)];
  if (roles && (roles.length !== user.roles.length || roles.some((role) => !user.roles.includes(role))))
    changes.roles = roles;
  if (wanted.active !== undefined && wanted.active !== user.active) changes.active = wanted.active;
  return changes;
}
