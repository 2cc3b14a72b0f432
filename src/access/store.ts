import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TokenView, UserView } from './model.js';
import { seedAgencies, seedJurisdictions, seedLocations, seedUnits } from './seed-data.js';

export interface SignInPolicy {
  /** How long the account is locked after this many failures in a row (0: not locked). */
  lockMs(failures: number): number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
}

export type SignInClaim =
  { refused: true; lockedUntil: string } | { refused: false; failures: number; lockedUntil: string | null };

/**
 * The first start's seeding takes this advisory lock: of servers started together on an empty
 * database, one seeds the reference data and makes the first administrator, the others find them.
 */
const FIRST_START_LOCK = 7_340_215_003;

/** All SQL of users, sessions, tokens, sign-in failures and reference data. */
export class AccessStore {
  constructor(private readonly db: Kysely<Database>) {}

  async seedReferenceData(): Promise<void> {
    const existing = await this.db.selectFrom('jurisdictions').select('code').limit(1).execute();
    if (existing.length > 0) return;
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx);
      const seeded = await trx.selectFrom('jurisdictions').select('code').limit(1).execute();
      if (seeded.length > 0) return;
      await trx.insertInto('jurisdictions').values(seedJurisdictions).execute();
      await trx.insertInto('agencies').values(seedAgencies).execute();
      await trx.insertInto('locations').values(seedLocations).execute();
      const agencies = await trx.selectFrom('agencies').select(['id', 'code']).execute();
      const locations = await trx.selectFrom('locations').select(['id', 'code']).execute();
      const agencyId = new Map(agencies.map((a) => [a.code, a.id]));
      const locationId = new Map(locations.map((l) => [l.code, l.id]));
      await trx
        .insertInto('units')
        .values(
          seedUnits.map(([code, name, kind, agency, location]) => ({
            code,
            name,
            kind,
            agency_id: agencyId.get(agency)!,
            location_id: locationId.get(location)!,
          })),
        )
        .execute();
    });
  }

  countUsers = async (): Promise<number> => {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  findUnitForJurisdiction = (jurisdictionCode: string) =>
    this.db
      .selectFrom('units')
      .innerJoin('locations', 'locations.id', 'units.location_id')
      .select(['units.id', 'units.kind'])
      .where('locations.jurisdiction_code', '=', jurisdictionCode)
      .orderBy((eb) => eb.case().when('units.kind', '=', 'PIU').then(0).else(1).end())
      .orderBy('units.code')
      .executeTakeFirst();

  insertUser = (user: {
    username: string;
    display_name: string;
    password_hash: string;
    unit_id: string;
    roles: string[];
    must_change_password?: boolean;
  }) => this.db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();

  /** Inserts the first user, unless there is a user already (made by another server starting too). */
  insertFirstUser = (user: Parameters<AccessStore['insertUser']>[0]) =>
    this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx);
      if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return undefined;
      return trx.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
    });

  findUserByUsername = (username: string) =>
    this.db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();

  unitExists = async (unitId: string) =>
    (await this.db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()) !==
    undefined;

  /** The unit with its agency, location and jurisdiction: what an actor's scope is made of. */
  private unitQuery() {
    return this.db
      .selectFrom('units')
      .innerJoin('agencies', 'agencies.id', 'units.agency_id')
      .innerJoin('locations', 'locations.id', 'units.location_id')
      .innerJoin('jurisdictions', 'jurisdictions.code', 'locations.jurisdiction_code')
      .select([
        'units.id as unit_id',
        'units.code as unit_code',
        'units.name as unit_name',
        'units.kind as unit_kind',
        'agencies.id as agency_id',
        'agencies.code as agency_code',
        'agencies.name as agency_name',
        'agencies.kind as agency_kind',
        'locations.id as location_id',
        'locations.code as location_code',
        'locations.name as location_name',
        'locations.kind as location_kind',
        'locations.iata_code',
        'locations.un_locode',
        'jurisdictions.code as jurisdiction_code',
        'jurisdictions.name as jurisdiction_name',
        'jurisdictions.note as jurisdiction_note',
      ]);
  }

  unitJurisdiction = async (unitId: string): Promise<string | undefined> =>
    (await this.unitQuery().where('units.id', '=', unitId).executeTakeFirst())?.jurisdiction_code;

  /** Users with their unit; `lockedUntil` is set for an account locked at `now` by failed sign-ins. */
  async listUsers(userId?: string, now = new Date().toISOString()): Promise<UserView[]> {
    let query = this.unitQuery()
      .innerJoin('users', 'users.unit_id', 'units.id')
      .leftJoin('sign_in_failures as failures', (join) =>
        join.onRef('failures.username', '=', 'users.username').on('failures.locked_until', '>', now),
      )
      .select(['users.id', 'users.username', 'users.display_name', 'users.roles', 'users.active'])
      .select(['users.must_change_password', 'failures.locked_until'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('user_second_factors as f')
              .whereRef('f.user_id', '=', 'users.id')
              .where('f.enabled_at', 'is not', null),
          )
          .as('second_factor'),
      )
      .orderBy('users.username');
    if (userId) query = query.where('users.id', '=', userId);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      active: row.active,
      secondFactor: Boolean(row.second_factor),
      lockedUntil: row.locked_until ?? null,
      mustChangePassword: row.must_change_password,
      unit: {
        id: row.unit_id,
        code: row.unit_code,
        name: row.unit_name,
        kind: row.unit_kind,
        agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name, kind: row.agency_kind },
        location: {
          id: row.location_id,
          code: row.location_code,
          name: row.location_name,
          kind: row.location_kind,
          iataCode: row.iata_code,
          unLocode: row.un_locode,
        },
        jurisdiction: {
          code: row.jurisdiction_code,
          name: row.jurisdiction_name,
          note: row.jurisdiction_note,
        },
      },
    }));
  }

  /**
   * Counts an attempt at signing in as `username` before it is checked, under a row lock, so that
   * parallel guesses cannot all pass before the count. While the account is locked nothing is
   * counted and the lock's end is answered instead.
   */
  claimSignInAttempt = (username: string, at: Date, policy: SignInPolicy) =>
    this.db.transaction().execute(async (trx): Promise<SignInClaim> => {
      const now = at.toISOString();
      await trx
        .insertInto('sign_in_failures')
        .values({ username, failures: 0, last_failure_at: now })
        .onConflict((oc) => oc.column('username').doNothing())
        .execute();
      const row = await trx
        .selectFrom('sign_in_failures')
        .select(['failures', 'last_failure_at', 'locked_until'])
        .where('username', '=', username)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.locked_until && Date.parse(row.locked_until) > at.getTime())
        return { lockedUntil: row.locked_until, refused: true };
      const forgotten = at.getTime() - Date.parse(row.last_failure_at) > policy.forgetAfterMs;
      const failures = (forgotten ? 0 : row.failures) + 1;
      const lockMs = policy.lockMs(failures);
      const lockedUntil = lockMs > 0 ? new Date(at.getTime() + lockMs).toISOString() : null;
      await trx
        .updateTable('sign_in_failures')
        .set({ failures, last_failure_at: now, locked_until: lockedUntil })
        .where('username', '=', username)
        .execute();
      return { failures, lockedUntil, refused: false };
    });

  /** Takes back an attempt counted by claimSignInAttempt that was not a failure (a code asked for). */
  refundSignInAttempt = (username: string) =>
    this.db
      .updateTable('sign_in_failures')
      .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)`, locked_until: null }))
      .where('username', '=', username)
      .execute();

  /** A success, or an administrator's unlock: the account starts afresh. */
  clearSignInFailures = (username: string) =>
    this.db.deleteFrom('sign_in_failures').where('username', '=', username).execute();

  /** Maintenance: rows of names nobody has failed at for a long time, and not locked now. */
  deleteStaleSignInFailures = (before: string, now: string) =>
    this.db
      .deleteFrom('sign_in_failures')
      .where('last_failure_at', '<', before)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();

  insertSession = (session: { id: string; user_id: string; csrf_token: string; expires_at: string }) =>
    this.db.insertInto('sessions').values(session).execute();

  findSession = (id: string, now: string) =>
    this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.csrf_token', 'users.id as user_id', 'users.username', 'users.roles'])
      .select(['users.unit_id', 'users.active', 'users.must_change_password'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();

  deleteSession = (id: string) => this.db.deleteFrom('sessions').where('id', '=', id).execute();

  deleteExpiredSessions = (now: string) =>
    this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();

  insertToken = (token: {
    name: string;
    token_hash: string;
    role: string;
    unit_id: string;
    created_by: string | null;
    /** The user it acts for, when a user traded their password for it. */
    user_id?: string | null;
  }) =>
    this.db.insertInto('api_tokens').values(token).returning(['id', 'created_at']).executeTakeFirstOrThrow();

  /** An unrevoked token, with the user it acts for (their state now) when it has one. */
  findActiveToken = (tokenHash: string) =>
    this.db
      .selectFrom('api_tokens as token')
      .leftJoin('users as owner', 'owner.id', 'token.user_id')
      .select(['token.id', 'token.name', 'token.role', 'token.unit_id', 'token.last_used_at'])
      .select([
        'token.user_id',
        'owner.active as owner_active',
        'owner.roles as owner_roles',
        'owner.unit_id as owner_unit_id',
        'owner.must_change_password as owner_must_change_password',
      ])
      .where('token.token_hash', '=', tokenHash)
      .where('token.revoked_at', 'is', null)
      .executeTakeFirst();

  touchToken = (id: string, now: string) =>
    this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();

  async listTokens(): Promise<TokenView[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      unitId: row.unit_id,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  revokeToken = (id: string, now: string) =>
    this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();

  listJurisdictions = () => this.db.selectFrom('jurisdictions').selectAll().orderBy('code').execute();
  listAgencies = () =>
    this.db
      .selectFrom('agencies')
      .select(['id', 'code', 'name', 'kind', 'jurisdiction_code as jurisdictionCode'])
      .orderBy('code')
      .execute();
  listLocations = () =>
    this.db
      .selectFrom('locations')
      .select([
        'id',
        'code',
        'name',
        'kind',
        'iata_code as iataCode',
        'un_locode as unLocode',
        'jurisdiction_code as jurisdictionCode',
      ])
      .orderBy('code')
      .execute();
  listUnits = () =>
    this.unitQuery()
      .orderBy('units.code')
      .execute()
      .then((rows) =>
        rows.map((row) => ({
          id: row.unit_id,
          code: row.unit_code,
          name: row.unit_name,
          kind: row.unit_kind,
          agencyId: row.agency_id,
          agencyCode: row.agency_code,
          locationId: row.location_id,
          locationCode: row.location_code,
          locationName: row.location_name,
          jurisdictionCode: row.jurisdiction_code,
        })),
      );
}
