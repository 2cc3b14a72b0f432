import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, TEST_AUDIT_KEY, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { loadAuditKey } from './audit-key.js';
import { verifyAuditLog } from './audit-verify.js';
import { base32Decode, totpCode, totpStep } from './totp.js';

describe.each(databaseTargets)('access on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
  });
  afterAll(() => t.close());

  it('creates the first admin once, in a unit of the installation', async () => {
    expect(await t.services.access.bootstrap('another password here')).toEqual({ createdAdmin: false });
    const [admin] = (await t.services.access.store.listUsers()).filter((u) => u.username === 'admin');
    expect(admin!.roles).toEqual(['admin']);
    expect(admin!.unit.jurisdiction.code).toBe('BA');
    expect(admin!.unit.kind).toBe('PIU');
  });

  it('seeds the reference data with the Kosovo note', async () => {
    const jurisdictions = await t.services.access.store.listJurisdictions();
    expect(jurisdictions.map((j) => j.code).sort()).toEqual(['AL', 'BA', 'HR', 'ME', 'MK', 'RS', 'XK']);
    expect(jurisdictions.find((j) => j.code === 'XK')!.note).toMatch(
      /Security Council resolution 1244 \(1999\)/,
    );
    const locations = await t.services.access.store.listLocations();
    expect(locations.find((l) => l.code === 'MEBAR')).toMatchObject({ kind: 'seaport', unLocode: 'MEBAR' });
    expect(locations.find((l) => l.iataCode === 'OHD')!.jurisdictionCode).toBe('MK');
  });

  it('signs in with a session cookie and refuses a wrong password', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'wrong' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username or password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(unknown.json().error.message).toBe('Wrong username or password');

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'interdict_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `interdict_session=${cookie.value}` },
    });
    expect(session.json().user.username).toBe('admin');
  });

  it('requires the CSRF token on unsafe requests made with the cookie', async () => {
    const headers = await t.signIn();
    const { cookie } = headers;
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie },
      payload: { name: 'x', role: 'viewer' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf');
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers,
      payload: { name: 'feed', role: 'data-provider' },
    });
    expect(withToken.statusCode).toBe(201);
    expect(withToken.json().token).toMatch(/^idt_/);
  });

  it('ends the session on logout', async () => {
    const headers = await t.signIn();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(
      204,
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
    expect(after.statusCode).toBe(401);
  });

  it('issues bearer tokens to scripts and honours revocation', async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'admin', password: ADMIN_PASSWORD, name: 'nightly export' },
    });
    expect(issued.statusCode).toBe(201);
    const authorization = `Bearer ${issued.json().token}`;
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization } });
    expect(users.statusCode).toBe(200);
    const tokens = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { authorization } });
    const nightly = tokens.json().items.find((tk: { name: string }) => tk.name === 'nightly export');
    expect(nightly.role).toBe('admin');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/tokens/${nightly.id}`,
          headers: { authorization },
        })
      ).statusCode,
    ).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('invalid_token');
  });

  it('enforces roles', async () => {
    const viewer = await t.tokenFor('viewer');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/flights', headers: viewer })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/travellers?name=smith', headers: viewer }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: viewer })).statusCode).toBe(
      403,
    );
    const feed = await t.tokenFor('data-provider');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers: feed })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/messages' })).statusCode).toBe(401);
  });

  it('validates new users with messages naming the field', async () => {
    const headers = await t.signIn();
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/reference/units', headers })).json()
      .items;
    const unitId = units.find((u: { code: string }) => u.code === 'ME-BAR-PCU').id;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: { username: 'ana', displayName: 'Ana', password: 'short', unitId, roles: ['officer'] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/password/);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        username: 'ana.petrovic',
        displayName: 'Ana Petrović',
        password: 'a long enough password',
        unitId,
        roles: ['officer'],
      },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().unit.jurisdiction.code).toBe('ME');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers,
      payload: {
        username: 'ana.petrovic',
        displayName: 'Ana',
        password: 'a long enough password',
        unitId,
        roles: ['officer'],
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps a hash-chained audit log that detects tampering', async () => {
    const key = loadAuditKey(t.config);
    const before = await verifyAuditLog(t.services.database.db, { key });
    expect(before.ok).toBe(true);
    expect(before.entries).toBeGreaterThan(5);
    const logins = await t.services.database.db
      .selectFrom('audit_log')
      .select(['sequence', 'action'])
      .where('action', '=', 'auth.login')
      .execute();
    expect(logins.length).toBeGreaterThan(0);
    // Tampering needs the trigger off, as an attacker with database access would do.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.services.database.db);
    await sql`update audit_log set actor_name = 'someone else' where sequence = ${logins[0]!.sequence}`.execute(
      t.services.database.db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.services.database.db);
    const after = await verifyAuditLog(t.services.database.db, { key });
    expect(after.ok).toBe(false);
    expect(after.problems).toMatchObject([
      { kind: 'bad-signature', fromSequence: logins[0]!.sequence, toSequence: logins[0]!.sequence },
    ]);
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts', async () => {
    const t = await createTestApp(await databaseTargets[0]!.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    try {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'admin', password: 'wrong' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
    } finally {
      await t.close();
    }
  });

  it('limits tries at a second factor code as it limits sign-ins', async () => {
    const t = await createTestApp(await databaseTargets[0]!.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    try {
      const headers = await t.signIn();
      const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/setup', headers });
      const secret = base32Decode(setup.json().secret)!;
      const step = totpStep(Date.now());
      // A code that is none of the ones accepted around now.
      const valid = [-2, -1, 0, 1, 2].map((offset) => totpCode(secret, step + offset));
      const wrong = ['000000', '111111', '222222'].find((code) => !valid.includes(code))!;
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/second-factor/enable',
          headers,
          payload: { code: wrong },
        });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await attempt()).statusCode);
      // Refused three times, then not even tried.
      expect(answers).toEqual([422, 422, 422, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('session expiry', () => {
  it('refuses an expired session and deletes it in maintenance', async () => {
    const { createServices } = await import('../services.js');
    const { loadConfig } = await import('../config.js');
    const database = await databaseTargets[0]!.create();
    let now = new Date('2026-03-01T08:00:00Z');
    const services = createServices(
      database,
      loadConfig({ SESSION_TTL_HOURS: '12', AUDIT_KEY: TEST_AUDIT_KEY }, {}),
      () => now,
    );
    try {
      await services.access.bootstrap(ADMIN_PASSWORD);
      const signedIn = await services.access.login('admin', ADMIN_PASSWORD);
      expect(signedIn.expiresAt).toBe('2026-03-01T20:00:00.000Z');
      expect(await services.access.authenticateSession(signedIn.sessionSecret)).toBeDefined();
      now = new Date('2026-03-01T20:00:01Z');
      expect(await services.access.authenticateSession(signedIn.sessionSecret)).toBeUndefined();
      const [deleted] = await services.access.store.deleteExpiredSessions(now.toISOString());
      expect(Number(deleted!.numDeletedRows)).toBe(1);
    } finally {
      await database.close();
    }
  });
});
