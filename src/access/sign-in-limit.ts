import { AppError } from '../errors.js';
import type { AuditEntry } from './audit.js';
import type { AccessStore, SignInPolicy } from './store.js';

/** Failed passwords or codes in a row before an account is locked. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

/**
 * The limit per account, which no header changes (the limit per address only slows one client):
 * the fifth failure in a row locks the account for a minute, each further one for twice as long
 * as the last, up to an hour. Failures a day old are forgotten.
 */
export const signInPolicy: SignInPolicy = {
  lockMs: (failures) =>
    failures < FAILURES_BEFORE_LOCK
      ? 0
      : Math.min(FIRST_LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK), LONGEST_LOCK_MS),
  forgetAfterMs: 24 * 3_600_000,
};

function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** 429 with the time to try again, in the message and in Retry-After. */
export function accountLocked(lockedUntil: string, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  const at = `${lockedUntil.slice(0, 16).replace('T', ' ')} UTC`;
  return new AppError(
    429,
    'account_locked',
    `Too many failed sign-ins for this account: try again after ${at} (in ${inWords(seconds)}), or ask an administrator to unlock it`,
    { lockedUntil, retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

/**
 * A wrong password or code: what counts towards the lock. Asking for a code does not. A wrong
 * current password when changing it (403: the session stays) counts like a wrong sign-in.
 */
function isWrongSecret(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'wrong_password') return true;
  return (error.status === 401 || error.status === 422) && error.code !== 'second_factor_required';
}

/**
 * Counts sign-ins (`POST /auth/login`, `POST /auth/token`), second-factor codes and current
 * passwords typed to change them (`POST /auth/password`) per account,
 * in the database, so that every server process and every client address share the count.
 */
export class SignInLimit {
  constructor(
    private readonly store: AccessStore,
    private readonly audit: (entry: AuditEntry) => Promise<void>,
    private readonly now: () => Date,
  ) {}

  /**
   * Runs `check` (a password or code check that throws when it is wrong) as one attempt for
   * `typedUsername`: refused with 429 while the account is locked; counted before it runs, so that
   * parallel guesses are counted too; a success clears the count.
   */
  async guard<T>(typedUsername: string, check: () => Promise<T>): Promise<T> {
    const username = typedUsername.trim().toLowerCase();
    const at = this.now();
    const claim = await this.store.claimSignInAttempt(username, at, signInPolicy);
    if (claim.refused) throw accountLocked(claim.lockedUntil, at);
    let result: T;
    try {
      result = await check();
    } catch (error) {
      if (!isWrongSecret(error)) await this.store.refundSignInAttempt(username);
      else if (claim.lockedUntil) await this.auditLock(username, claim.failures, claim.lockedUntil);
      throw error;
    }
    await this.store.clearSignInFailures(username);
    return result;
  }

  private async auditLock(username: string, failures: number, lockedUntil: string): Promise<void> {
    const user = await this.store.findUserByUsername(username);
    await this.audit({
      actorId: user?.id ?? null,
      actorName: username,
      action: 'auth.account-locked',
      entity: 'user',
      entityId: user?.id ?? null,
      details: { username, failures, lockedUntil, knownUser: Boolean(user) },
    });
  }
}
