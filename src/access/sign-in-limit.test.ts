import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { signInPolicy } from './sign-in-limit.js';
import { base32Decode, totpCode, totpStep } from './totp.js';

const address = (n: number) => `198.51.100.${n % 250}`;

describe('the lock after failed sign-ins', () => {
  it('locks for a minute after five failures, twice as long at each further one, at most an hour', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 40].map((n) => signInPolicy.lockMs(n) / 60_000);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 60, 60, 60]);
  });
});

describe.each(databaseTargets)('sign-in limit per account on $name', (target) => {
  let t: TestApp;
  let now = new Date('2026-06-01T08:00:00Z');
  afterEach(() => t.close());

  const start = async (overrides: Record<string, string> = {}, clock?: () => Date) => {
    t = await createTestApp(await target.create(), overrides, clock ? { now: clock } : {});
    await t.createUser('officer', ['officer']);
  };
  const login = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { username: 'officer', ...payload },
    });
  const auditActions = async (action: string) =>
    t.services.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'entity_id', 'details'])
      .where('action', '=', action)
      .execute();

  it('locks the account after 30 wrong passwords from ever new addresses, and refuses the right one then', async () => {
    await start();
    const answers = [];
    for (let i = 0; i < 30; i++)
      answers.push(
        await login({ password: `wrong ${i}` }, { 'x-forwarded-for': address(i), 'x-real-ip': address(i) }),
      );
    expect(answers.map((a) => a.statusCode)).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    expect(answers[5]!.json().error.code).toBe('account_locked');

    const right = await login({ password: ADMIN_PASSWORD }, { 'x-forwarded-for': '192.0.2.200' });
    expect(right.statusCode).toBe(429);
    expect(right.cookies).toEqual([]);
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(right.json().error.message).toMatch(/try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const locks = await auditActions('auth.account-locked');
    expect(locks).toHaveLength(1);
    expect(locks[0]!.details).toMatchObject({ username: 'officer', failures: 5, knownUser: true });

    // The same for a token: the lock is the account's, not the endpoint's.
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'officer', password: ADMIN_PASSWORD },
    });
    expect(token.statusCode).toBe(429);
  });

  it('counts parallel guesses too: no more than five are checked', async () => {
    await start();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/token',
          headers: { 'x-forwarded-for': address(i) },
          payload: { username: 'officer', password: `wrong ${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
  });

  it('locks an unknown name like a real one, so that the answers do not tell which accounts exist', async () => {
    await start();
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await login({ username: 'nobody-here', password: 'wrong' })).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('locks for longer at each further failure, forgets the count after a success', async () => {
    now = new Date('2026-06-01T08:00:00Z');
    await start({}, () => now);
    for (let i = 0; i < 5; i++) expect((await login({ password: 'wrong' })).statusCode).toBe(401);
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(429);

    now = new Date(now.getTime() + 61_000);
    expect((await login({ password: 'wrong again' })).statusCode).toBe(401);
    const second = await login({ password: ADMIN_PASSWORD });
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBe(120);
    expect(second.json().error.details).toMatchObject({ lockedUntil: '2026-06-01T08:03:01.000Z' });

    now = new Date(now.getTime() + 121_000);
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);
    // A success starts afresh: four failures lock nothing.
    for (let i = 0; i < 4; i++) expect((await login({ password: 'wrong' })).statusCode).toBe(401);
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);
    expect(await auditActions('auth.account-locked')).toHaveLength(2);
  });

  it('locks after five wrong second-factor codes, whatever the address', async () => {
    now = new Date('2026-06-01T08:00:10Z');
    await start({}, () => now);
    const headers = await t.signIn('officer');
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/setup', headers });
    const secret = base32Decode(setup.json().secret)!;
    const code = (offset = 0) => totpCode(secret, totpStep(now.getTime()) + offset);
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/enable',
      headers,
      payload: { code: code() },
    });
    expect(enable.statusCode).toBe(200);
    now = new Date(now.getTime() + 30_000);

    const valid = [-2, -1, 0, 1, 2].map(code);
    const wrongCodes = Array.from({ length: 30 }, (_, i) => String(100000 + i * 7919)).filter(
      (c) => !valid.includes(c),
    );
    const answers = [];
    for (const [i, wrong] of wrongCodes.slice(0, 30).entries())
      answers.push(
        (await login({ password: ADMIN_PASSWORD, code: wrong }, { 'x-forwarded-for': address(i) }))
          .statusCode,
      );
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(answers.slice(5))).toEqual(new Set([429]));
    expect((await login({ password: ADMIN_PASSWORD, code: code() })).statusCode).toBe(429);

    // Being asked for a code is no failure: the password alone, again and again, locks nothing.
    now = new Date(now.getTime() + 3_600_000 + 1000);
    await t.services.access.store.clearSignInFailures('officer');
    for (let i = 0; i < 7; i++)
      expect((await login({ password: ADMIN_PASSWORD })).json().error.code).toBe('second_factor_required');
    expect((await login({ password: ADMIN_PASSWORD, code: code() })).statusCode).toBe(200);
  });

  it('shows a locked account to an administrator, who unlocks it (audited)', async () => {
    await start();
    const admin = await t.signIn();
    for (let i = 0; i < 5; i++) await login({ password: 'wrong' });
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin })).json().items;
    const officer = users.find((u: { username: string }) => u.username === 'officer');
    expect(Date.parse(officer.lockedUntil)).toBeGreaterThan(Date.now());
    expect(users.find((u: { username: string }) => u.username === 'admin').lockedUntil).toBeNull();

    const officerToken = await t.tokenFor('officer');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${officer.id}/unlock`,
      headers: officerToken,
    });
    expect(refused.statusCode).toBe(403);

    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${officer.id}/unlock`,
      headers: admin,
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: 'officer', lockedUntil: null });
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);
    const audited = await auditActions('auth.account-unlocked');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor_name: 'admin', entity_id: officer.id });

    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/00000000-0000-4000-8000-000000000000/unlock',
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the limit per client address', () => {
  let t: TestApp;
  afterEach(() => t.close());
  // Unknown names, each tried once: no account lock comes into it.
  const attempt = (n: number, forwardedFor: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: `nobody-${n}`, password: 'wrong' },
    });

  it('still limits one client, and a forwarded address from an unknown client changes nothing', async () => {
    t = await createTestApp(await databaseTargets[0]!.create(), { LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await attempt(i, address(i))).statusCode);
    expect(answers).toEqual([401, 401, 401, 429, 429]);
  });

  it('believes X-Forwarded-For from a proxy of TRUST_PROXY', async () => {
    // app.inject comes from 127.0.0.1.
    t = await createTestApp(await databaseTargets[0]!.create(), {
      LOGIN_ATTEMPTS_PER_MINUTE: '2',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await attempt(i, '203.0.113.1')).statusCode);
    answers.push((await attempt(3, '203.0.113.2')).statusCode);
    answers.push((await attempt(4, '203.0.113.2')).statusCode);
    expect(answers).toEqual([401, 401, 429, 401, 401]);
  });
});
