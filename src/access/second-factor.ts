import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import type { AuditEntry } from './audit.js';
import type { Actor } from './model.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

export const secondFactorCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'the code is the six digits the authenticator app shows');

export const codeBodySchema = z.object({ code: secondFactorCodeSchema });

export const secondFactorStatusSchema = z.object({
  enabled: z.boolean(),
  /** Set up, waiting for a first code to confirm it. */
  pending: z.boolean(),
  enabledAt: z.string().nullable(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

export const secondFactorSetupSchema = z.object({
  /** Base32, to type into the app by hand. */
  secret: z.string(),
  /** otpauth:// link, for apps that take it (or a QR code of it). */
  uri: z.string(),
});

/** The error a sign-in without a code gets when the user has a second factor: the client asks for one. */
export const secondFactorRequired = () =>
  new AppError(401, 'second_factor_required', 'Enter the six-digit code from your authenticator app');

const wrongCode = () =>
  new AppError(
    401,
    'invalid_second_factor',
    'That code is not right or has been used: wait for the next one',
  );

/**
 * The users' second factor (DESIGN: TOTP). A user sets one up for themselves and confirms it with
 * a first code; an administrator can remove a user's (a lost phone), which is audited. Every code
 * is accepted once: the step of the last one is kept and only later steps pass.
 */
export class SecondFactors {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: (actor: Actor, entry: Omit<AuditEntry, 'actorId' | 'actorName'>) => Promise<void>,
    private readonly auditUser: (entry: AuditEntry) => Promise<void>,
    private readonly issuer: string,
    private readonly now: () => Date,
    /** The limit per account (SignInLimit.guard): codes are guessed as passwords are. */
    private readonly limited: <T>(username: string, check: () => Promise<T>) => Promise<T>,
  ) {}

  private row(userId: string) {
    return this.db
      .selectFrom('user_second_factors')
      .select(['secret', 'enabled_at', 'last_step'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  private static user(actor: Actor): string {
    if (actor.kind !== 'user') throw new AppError(400, 'not_a_user', 'API tokens have no second factor');
    return actor.id;
  }

  async status(actor: Actor): Promise<SecondFactorStatus> {
    const row = await this.row(SecondFactors.user(actor));
    return {
      enabled: Boolean(row?.enabled_at),
      pending: Boolean(row && !row.enabled_at),
      enabledAt: row?.enabled_at ?? null,
    };
  }

  /** A new secret for the signed-in user, to confirm with `enable`; replaces one not confirmed yet. */
  async setUp(actor: Actor): Promise<z.infer<typeof secondFactorSetupSchema>> {
    const userId = SecondFactors.user(actor);
    const existing = await this.row(userId);
    if (existing?.enabled_at)
      throw conflict('A second factor is already on: turn it off first to set up another phone');
    const secret = newTotpSecret();
    await this.db
      .insertInto('user_second_factors')
      .values({ user_id: userId, secret })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret, last_step: 0, enabled_at: null }))
      .execute();
    return { secret, uri: otpauthUri(this.issuer, actor.name, secret) };
  }

  /** Confirms the secret set up with a first code from the app: from now on signing in needs a code. */
  async enable(actor: Actor, code: string): Promise<SecondFactorStatus> {
    const userId = SecondFactors.user(actor);
    const row = await this.row(userId);
    if (!row) throw invalid('Set up the second factor first');
    if (row.enabled_at) throw conflict('The second factor is already on');
    const step = await this.limited(actor.name, async () => {
      const matched = matchTotp(row.secret, code, this.now().getTime(), row.last_step);
      if (matched === undefined)
        throw invalid('That code does not match: check the phone’s clock and type the code it shows now');
      return matched;
    });
    await this.db
      .updateTable('user_second_factors')
      .set({ enabled_at: this.now().toISOString(), last_step: step })
      .where('user_id', '=', userId)
      .execute();
    await this.audit(actor, { action: 'auth.second-factor-enabled', entity: 'user', entityId: userId });
    return this.status(actor);
  }

  /** Turns the user's own second factor off; a current code proves the phone is still theirs. */
  async disable(actor: Actor, code: string): Promise<SecondFactorStatus> {
    const userId = SecondFactors.user(actor);
    const row = await this.row(userId);
    if (!row?.enabled_at) throw invalid('The second factor is not on');
    await this.limited(actor.name, () => this.consume(userId, row, code));
    await this.db.deleteFrom('user_second_factors').where('user_id', '=', userId).execute();
    await this.audit(actor, { action: 'auth.second-factor-disabled', entity: 'user', entityId: userId });
    return this.status(actor);
  }

  /** An administrator removes a user's second factor (a lost or replaced phone). */
  async remove(admin: Actor, userId: string): Promise<void> {
    const removed = await this.db
      .deleteFrom('user_second_factors')
      .where('user_id', '=', userId)
      .returning('user_id')
      .executeTakeFirst();
    if (!removed) throw notFound('Second factor of user', userId);
    await this.audit(admin, { action: 'auth.second-factor-removed', entity: 'user', entityId: userId });
  }

  /**
   * At sign-in, after the password: nothing to do without a second factor; otherwise the code
   * must be given, current and not used before.
   */
  async check(user: { id: string; username: string }, code: string | undefined): Promise<void> {
    const row = await this.row(user.id);
    if (!row?.enabled_at) return;
    if (code === undefined || code === '') throw secondFactorRequired();
    try {
      await this.consume(user.id, row, code);
    } catch (error) {
      await this.auditUser({
        actorId: user.id,
        actorName: user.username,
        action: 'auth.login-failed',
        entity: 'user',
        entityId: user.id,
        details: { reason: 'second factor' },
      });
      throw error;
    }
  }

  /** Accepts `code` once: its step is stored only if no other request stored it (or a later one) first. */
  private async consume(
    userId: string,
    row: { secret: string; last_step: number },
    code: string,
  ): Promise<void> {
    const step = matchTotp(row.secret, code.trim(), this.now().getTime(), row.last_step);
    if (step === undefined) throw wrongCode();
    const taken = await sql<{ user_id: string }>`
      update user_second_factors set last_step = ${step}
      where user_id = ${userId} and last_step < ${step}
      returning user_id`.execute(this.db);
    if (taken.rows.length === 0) throw wrongCode();
  }
}
