import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { operatorActor } from '../cli/context.js';
import { base32Decode, totpCode, totpStep } from './totp.js';

describe.each(databaseTargets)('second factor (TOTP) on $name', (target) => {
  let t: TestApp;
  let now = new Date('2026-05-04T09:00:10Z');
  let secret = '';
  const code = (at = now, offsetSteps = 0) =>
    totpCode(base32Decode(secret)!, totpStep(at.getTime()) + offsetSteps);
  const login = (payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'officer', ...payload } });
  const auditActions = async () =>
    (
      await t.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .orderBy('sequence')
        .execute()
    ).map((entry) => ({ action: entry.action, details: entry.details }));

  beforeAll(async () => {
    t = await createTestApp(await target.create(), {}, { now: () => now });
    await t.createUser('officer', ['officer']);
  });
  afterAll(() => t.close());

  it('is set up by the user, confirmed with a first code, and then asked for at sign-in', async () => {
    const headers = await t.signIn('officer');
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/auth/second-factor', headers });
    expect(status.json()).toEqual({ enabled: false, pending: false, enabledAt: null });

    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/setup', headers });
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.json().uri).toBe(
      `otpauth://totp/Interdict%20BA:officer?secret=${secret}&issuer=Interdict+BA&algorithm=SHA1&digits=6&period=30`,
    );
    // Not on until confirmed: signing in still needs the password only.
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);

    const enable = (body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/enable', headers, payload: body });
    const malformed = await enable({ code: '12 34' });
    expect(malformed.statusCode).toBe(422);
    expect(JSON.stringify(malformed.json())).toContain('six digits');
    const wrong = await enable({ code: code(now, 5) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toMatch(/does not match/);
    const enabled = await enable({ code: code() });
    expect(enabled.json()).toMatchObject({ enabled: true, pending: false, enabledAt: now.toISOString() });

    const withoutCode = await login({ password: ADMIN_PASSWORD });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.code).toBe('second_factor_required');
    // A wrong password is refused as before, without saying whether a code is needed.
    expect((await login({ password: 'wrong' })).json().error.code).toBe('invalid_credentials');
  });

  it('takes a current code once, one step either side of now, and audits a wrong one', async () => {
    now = new Date(now.getTime() + 60_000);
    const wrong = await login({ password: ADMIN_PASSWORD, code: code(now, 3) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_second_factor');
    expect(await auditActions()).toContainEqual({
      action: 'auth.login-failed',
      details: { reason: 'second factor' },
    });

    const late = await login({ password: ADMIN_PASSWORD, code: code(now, -1) });
    expect(late.statusCode).toBe(200);
    expect(late.cookies.some((c) => c.name === 'interdict_session')).toBe(true);
    // The same code, or the one before it, does not sign in again.
    expect((await login({ password: ADMIN_PASSWORD, code: code(now, -1) })).statusCode).toBe(401);
    const current = await login({ password: ADMIN_PASSWORD, code: code() });
    expect(current.statusCode).toBe(200);
    expect((await login({ password: ADMIN_PASSWORD, code: code() })).statusCode).toBe(401);

    // Scripts trading the password for a token need the code too.
    now = new Date(now.getTime() + 30_000);
    const token = (body: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { username: 'officer', password: ADMIN_PASSWORD, ...body },
      });
    expect((await token({})).json().error.code).toBe('second_factor_required');
    expect((await token({ code: code() })).statusCode).toBe(201);
  });

  it('cannot be set up twice, shows in the user list, and an administrator can remove it', async () => {
    now = new Date(now.getTime() + 30_000);
    const officerLogin = await login({ password: ADMIN_PASSWORD, code: code() });
    const cookie = officerLogin.cookies.find((c) => c.name === 'interdict_session')!;
    const officer = {
      cookie: `interdict_session=${cookie.value}`,
      'x-csrf-token': officerLogin.json().csrfToken,
    };
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/setup',
      headers: officer,
    });
    expect(again.statusCode).toBe(409);

    const admin = await t.signIn();
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin });
    const listed = users.json().items.find((u: { username: string }) => u.username === 'officer');
    expect(listed.secondFactor).toBe(true);

    const officerId = listed.id as string;
    const byOfficer = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${officerId}/second-factor`,
      headers: officer,
    });
    expect(byOfficer.statusCode).toBe(403);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${officerId}/second-factor`,
      headers: admin,
    });
    expect(removed.statusCode).toBe(204);
    expect((await auditActions()).map((entry) => entry.action)).toContain('auth.second-factor-removed');
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);
    const twice = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${officerId}/second-factor`,
      headers: admin,
    });
    expect(twice.statusCode).toBe(404);
  });

  it('is turned off by its user with a current code', async () => {
    const headers = await t.signIn('officer');
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/setup', headers });
    secret = setup.json().secret;
    now = new Date(now.getTime() + 30_000);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/enable',
      headers,
      payload: { code: code() },
    });
    const disable = (value: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor/disable',
        headers,
        payload: { code: value },
      });
    // The code that enabled it has been used.
    expect((await disable(code())).statusCode).toBe(401);
    now = new Date(now.getTime() + 30_000);
    const off = await disable(code());
    expect(off.json()).toEqual({ enabled: false, pending: false, enabledAt: null });
    expect((await auditActions()).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['auth.second-factor-enabled', 'auth.second-factor-disabled']),
    );
    expect((await login({ password: ADMIN_PASSWORD })).statusCode).toBe(200);
  });

  it('is removed from the command line when no administrator can sign in', async () => {
    const admin = await t.signIn();
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/setup',
      headers: admin,
    });
    secret = setup.json().secret;
    now = new Date(now.getTime() + 30_000);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/enable',
      headers: admin,
      payload: { code: code() },
    });
    await expect(t.services.access.login('admin', ADMIN_PASSWORD)).rejects.toMatchObject({
      code: 'second_factor_required',
    });
    // What `interdict user remove-second-factor --username admin` does.
    const found = await t.services.access.store.findUserByUsername('admin');
    await t.services.access.secondFactors.remove(await operatorActor(t.services, t.config), found!.id);
    expect((await t.services.access.login('admin', ADMIN_PASSWORD)).user.username).toBe('admin');
    const entries = await t.services.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('action', '=', 'auth.second-factor-removed')
      .execute();
    expect(entries.map((entry) => entry.actor_name)).toContain('operator (command line)');
  });
});
