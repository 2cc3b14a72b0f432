import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, conflict, forbidden, invalid, notFound, unauthorized } from '../errors.js';
import { Accounts, passwordChangeRequired } from './accounts.js';
import { appendAudit, type AuditEntry } from './audit.js';
import type { AuditKey } from './audit-key.js';
import {
  can,
  createTokenSchema,
  createUserSchema,
  type Actor,
  type Permission,
  type Role,
  type TokenView,
  type UserView,
} from './model.js';
import {
  decoyPasswordHash,
  generatePassword,
  generateSecret,
  hashPassword,
  hashSecret,
  verifyPassword,
} from './passwords.js';
import { SecondFactors } from './second-factor.js';
import { SignInLimit } from './sign-in-limit.js';
import { AccessStore } from './store.js';

export interface AccessOptions {
  sessionTtlHours: number;
  installationJurisdiction: string;
  /** The key signing the audit chain, loaded at the first entry (audit-key.ts). */
  auditKey: () => AuditKey;
  now?: () => Date;
}

export interface SignedIn {
  sessionSecret: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export interface AuthenticatedRequest {
  actor: Actor;
  /** Present when the actor came through a browser session: unsafe requests must carry it. */
  csrfToken?: string;
  sessionId?: string;
  /** The user behind the request: the session's, or the one a token acts for; none for a system's token. */
  userId?: string;
  /** The user signed in with a password an administrator gave: nothing but changing it is allowed. */
  mustChangePassword?: boolean;
}

export function requirePermission(actor: Actor | undefined, permission: Permission): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor, permission)) throw forbidden();
  return actor;
}

/** Users, sessions, API tokens, reference data and the audit trail of who did what. */
export class AccessService {
  readonly store: AccessStore;
  readonly secondFactors: SecondFactors;
  readonly signInLimit: SignInLimit;
  readonly accounts: Accounts;
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: AccessOptions,
  ) {
    this.store = new AccessStore(db);
    this.now = options.now ?? (() => new Date());
    this.signInLimit = new SignInLimit(this.store, (entry) => this.audit(entry), this.now);
    this.secondFactors = new SecondFactors(
      db,
      (actor, entry) => this.auditBy(actor, entry),
      (entry) => this.audit(entry),
      `Interdict ${options.installationJurisdiction}`,
      this.now,
      (username, check) => this.signInLimit.guard(username, check),
    );
    this.accounts = new Accounts(db, {
      store: this.store,
      signInLimit: this.signInLimit,
      auditBy: (actor, entry) => this.auditBy(actor, entry),
      requireAdministrator: (actor) => requirePermission(actor, 'users:manage'),
      now: this.now,
    });
  }

  audit(entry: AuditEntry): Promise<void> {
    return appendAudit(this.db, entry, this.options.auditKey()).then(() => undefined);
  }

  auditBy(actor: Actor, entry: Omit<AuditEntry, 'actorId' | 'actorName'>): Promise<void> {
    return this.audit({ ...entry, actorId: actor.kind === 'user' ? actor.id : null, actorName: actor.name });
  }

  /**
   * First start: seeds reference data and, when there is no user, creates `admin`. Returns the
   * generated password when none was configured, so that it can be printed once.
   */
  async bootstrap(adminPassword?: string): Promise<{ createdAdmin: boolean; generatedPassword?: string }> {
    await this.store.seedReferenceData();
    if ((await this.store.countUsers()) > 0) return { createdAdmin: false };
    const unit = await this.store.findUnitForJurisdiction(this.options.installationJurisdiction);
    if (!unit)
      throw new Error(`No unit in jurisdiction ${this.options.installationJurisdiction} for the first admin`);
    const password = adminPassword ?? generatePassword();
    const created = await this.store.insertFirstUser({
      username: 'admin',
      display_name: 'Administrator',
      password_hash: await hashPassword(password),
      unit_id: unit.id,
      roles: ['admin'],
    });
    // Another server starting at the same time made it.
    if (!created) return { createdAdmin: false };
    const { id } = created;
    await this.audit({
      actorId: null,
      actorName: 'system',
      action: 'user.create',
      entity: 'user',
      entityId: id,
      details: { username: 'admin', roles: ['admin'] },
    });
    return { createdAdmin: true, ...(adminPassword ? {} : { generatedPassword: password }) };
  }

  /**
   * Checks a username and password (the same message for an unknown user and a wrong password),
   * then the second factor's code when the user has one; all of it as one attempt for the account
   * (SignInLimit), refused while the account is locked.
   */
  private checkCredentials(username: string, password: string, code?: string) {
    return this.signInLimit.guard(username, () => this.checkPasswordAndCode(username, password, code));
  }

  private async checkPasswordAndCode(username: string, password: string, code?: string) {
    const user = await this.store.findUserByUsername(username);
    if (!user || !user.active) {
      await verifyPassword(await decoyPasswordHash(), password);
      throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.audit({
        actorId: user.id,
        actorName: user.username,
        action: 'auth.login-failed',
        entity: 'user',
        entityId: user.id,
      });
      throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
    }
    await this.secondFactors.check(user, code);
    return user;
  }

  async login(username: string, password: string, code?: string): Promise<SignedIn> {
    const user = await this.checkCredentials(username, password, code);
    const sessionSecret = generateSecret();
    const csrfToken = generateSecret();
    const expiresAt = new Date(this.now().getTime() + this.options.sessionTtlHours * 3_600_000).toISOString();
    await this.store.insertSession({
      id: hashSecret(sessionSecret),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    });
    await this.audit({
      actorId: user.id,
      actorName: user.username,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
    });
    const [view] = await this.store.listUsers(user.id);
    return { sessionSecret, csrfToken, expiresAt, user: view! };
  }

  async logout(sessionId: string, actor: Actor): Promise<void> {
    await this.store.deleteSession(sessionId);
    await this.auditBy(actor, { action: 'auth.logout', entity: 'user', entityId: actor.id });
  }

  async authenticateSession(sessionSecret: string): Promise<AuthenticatedRequest | undefined> {
    const session = await this.store.findSession(hashSecret(sessionSecret), this.now().toISOString());
    if (!session || !session.active) return undefined;
    const jurisdictionCode = await this.store.unitJurisdiction(session.unit_id);
    return {
      actor: {
        kind: 'user',
        id: session.user_id,
        name: session.username,
        roles: session.roles as Role[],
        unitId: session.unit_id,
        jurisdictionCode: jurisdictionCode!,
      },
      csrfToken: session.csrf_token,
      sessionId: session.id,
      userId: session.user_id,
      mustChangePassword: session.must_change_password,
    };
  }

  async authenticateToken(secret: string): Promise<AuthenticatedRequest | undefined> {
    const token = await this.store.findActiveToken(hashSecret(secret));
    if (!token) return undefined;
    // A token a user traded their password for stops with them: disabled, or the role withdrawn.
    if (token.user_id && (!token.owner_active || !token.owner_roles?.includes(token.role))) return undefined;
    const now = this.now();
    // Recording every use would turn every read into a write; once a minute is enough to see activity.
    if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > 60_000)
      await this.store.touchToken(token.id, now.toISOString());
    // It acts where its user works now, not where they worked when it was issued.
    const unitId = token.owner_unit_id ?? token.unit_id;
    const jurisdictionCode = await this.store.unitJurisdiction(unitId);
    return {
      actor: {
        kind: 'token',
        id: token.id,
        name: `token:${token.name}`,
        roles: [token.role as Role],
        unitId,
        jurisdictionCode: jurisdictionCode!,
      },
      ...(token.user_id
        ? { userId: token.user_id, mustChangePassword: token.owner_must_change_password ?? false }
        : {}),
    };
  }

  async currentUser(actor: Actor): Promise<UserView> {
    if (actor.kind !== 'user') throw new AppError(400, 'not_a_user', 'API tokens have no user session');
    const [view] = await this.store.listUsers(actor.id);
    if (!view) throw unauthorized();
    return view;
  }

  /** `POST /auth/token`: a script trades a username and password for a bearer token with the user's first role. */
  async issueTokenForUser(
    username: string,
    password: string,
    name?: string,
    code?: string,
  ): Promise<{ token: string }> {
    const user = await this.checkCredentials(username, password, code);
    if (user.must_change_password) throw passwordChangeRequired();
    const role = user.roles[0] as Role;
    const token = generateSecret('idt_');
    const { id } = await this.store.insertToken({
      name: name ?? `${user.username} script`,
      token_hash: hashSecret(token),
      role,
      unit_id: user.unit_id,
      created_by: user.id,
      user_id: user.id,
    });
    await this.audit({
      actorId: user.id,
      actorName: user.username,
      action: 'token.create',
      entity: 'api_token',
      entityId: id,
      details: { role },
    });
    return { token };
  }

  async listUsers(actor: Actor): Promise<UserView[]> {
    requirePermission(actor, 'users:manage');
    return this.store.listUsers(undefined, this.now().toISOString());
  }

  /** An administrator lifts a lock left by failed sign-ins (and forgets them), audited. */
  async unlockUser(actor: Actor, userId: string): Promise<UserView> {
    requirePermission(actor, 'users:manage');
    const [user] = await this.store.listUsers(userId, this.now().toISOString());
    if (!user) throw notFound('User', userId);
    await this.store.clearSignInFailures(user.username);
    await this.auditBy(actor, {
      action: 'auth.account-unlocked',
      entity: 'user',
      entityId: userId,
      details: { username: user.username, wasLockedUntil: user.lockedUntil },
    });
    return { ...user, lockedUntil: null };
  }

  async createUser(actor: Actor | undefined, input: unknown): Promise<UserView> {
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) throw invalid('The user is not valid', parsed.error.issues);
    const data = parsed.data;
    if (actor) requirePermission(actor, 'users:manage');
    if (!(await this.store.unitExists(data.unitId))) throw invalid(`Unit ${data.unitId} does not exist`);
    if (await this.store.findUserByUsername(data.username))
      throw conflict(`User ${data.username} already exists`);
    const { id } = await this.store.insertUser({
      username: data.username.toLowerCase(),
      display_name: data.displayName,
      password_hash: await hashPassword(data.password),
      unit_id: data.unitId,
      roles: data.roles,
      // An administrator chose the password, so the user sets their own at the first sign-in; an
      // operator on the command line (the first accounts of an installation) hands it over as is.
      must_change_password: actor !== undefined,
    });
    await this.audit({
      actorId: actor?.kind === 'user' ? actor.id : null,
      actorName: actor?.name ?? 'operator (command line)',
      action: 'user.create',
      entity: 'user',
      entityId: id,
      details: { username: data.username, roles: data.roles, unitId: data.unitId },
    });
    const [view] = await this.store.listUsers(id);
    return view!;
  }

  async createToken(actor: Actor | undefined, input: unknown): Promise<TokenView & { token: string }> {
    const parsed = createTokenSchema.safeParse(input);
    if (!parsed.success) throw invalid('The token request is not valid', parsed.error.issues);
    if (actor) requirePermission(actor, 'tokens:manage');
    const unitId = parsed.data.unitId ?? actor?.unitId;
    if (!unitId || !(await this.store.unitExists(unitId)))
      throw invalid('Name an existing unit for the token');
    const token = generateSecret('idt_');
    const created = await this.store.insertToken({
      name: parsed.data.name,
      token_hash: hashSecret(token),
      role: parsed.data.role,
      unit_id: unitId,
      created_by: actor?.kind === 'user' ? actor.id : null,
    });
    await this.audit({
      actorId: actor?.kind === 'user' ? actor.id : null,
      actorName: actor?.name ?? 'operator (command line)',
      action: 'token.create',
      entity: 'api_token',
      entityId: created.id,
      details: { name: parsed.data.name, role: parsed.data.role },
    });
    return {
      id: created.id,
      name: parsed.data.name,
      role: parsed.data.role,
      unitId,
      createdAt: created.created_at,
      lastUsedAt: null,
      revokedAt: null,
      token,
    };
  }

  async listTokens(actor: Actor): Promise<TokenView[]> {
    requirePermission(actor, 'tokens:manage');
    return this.store.listTokens();
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'tokens:manage');
    const revoked = await this.store.revokeToken(id, this.now().toISOString());
    if (!revoked) throw notFound('Active token', id);
    await this.auditBy(actor, {
      action: 'token.revoke',
      entity: 'api_token',
      entityId: id,
      details: { name: revoked.name },
    });
  }
}
