import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

const TEMPORARY = 'temporary password 1';
const OWN = 'a password of my own';

describe.each(databaseTargets)('accounts on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  afterEach(() => t.close());

  const start = async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
  };
  const unitId = async (code: string) =>
    (await t.services.access.store.listUnits()).find((unit) => unit.code === code)!.id;
  /** An officer created by the administrator on the users page. */
  const createOfficer = async (username = 'officer.new', password = TEMPORARY) => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: {
        username,
        displayName: 'New Officer',
        password,
        unitId: await unitId('BA-SJJ-JAITF'),
        roles: ['officer'],
      },
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  };
  const inject = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const changePassword = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    inject('POST', '/api/v1/auth/password', headers, { currentPassword, newPassword });
  const tokenOf = async (username: string, password: string) => {
    const issued = await inject('POST', '/api/v1/auth/token', {}, { username, password });
    expect(issued.statusCode).toBe(201);
    return { authorization: `Bearer ${issued.json().token}` };
  };
  const audited = (action: string) =>
    t.services.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'entity_id', 'details'])
      .where('action', '=', action)
      .execute();

  it('has a user created by an administrator set their own password before anything else', async () => {
    await start();
    const id = await createOfficer();
    const login = await inject(
      'POST',
      '/api/v1/auth/login',
      {},
      { username: 'officer.new', password: TEMPORARY },
    );
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const officer = await t.signIn('officer.new', TEMPORARY);

    const flights = await inject('GET', '/api/v1/flights', officer);
    expect(flights.statusCode).toBe(403);
    expect(flights.json().error.code).toBe('password_change_required');
    expect((await inject('GET', '/api/v1/auth/session', officer)).statusCode).toBe(200);
    // No token can be had with the temporary password either.
    const token = await inject(
      'POST',
      '/api/v1/auth/token',
      {},
      { username: 'officer.new', password: TEMPORARY },
    );
    expect(token.statusCode).toBe(403);
    expect(token.json().error.code).toBe('password_change_required');

    const wrong = await changePassword(officer, 'not the password', OWN);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('wrong_password');
    const short = await changePassword(officer, TEMPORARY, 'short');
    expect(short.statusCode).toBe(422);
    const same = await changePassword(officer, TEMPORARY, TEMPORARY);
    expect(same.statusCode).toBe(422);

    const changed = await changePassword(officer, TEMPORARY, OWN);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await inject('GET', '/api/v1/flights', officer)).statusCode).toBe(200);
    expect(
      (await inject('POST', '/api/v1/auth/login', {}, { username: 'officer.new', password: TEMPORARY }))
        .statusCode,
    ).toBe(401);
    expect((await audited('user.password-change')).map((entry) => entry.entity_id)).toEqual([id]);
  });

  it('ends the other sessions of a user who changes their password, and keeps this one', async () => {
    await start();
    await t.createUser('officer', ['officer']);
    const laptop = await t.signIn('officer', ADMIN_PASSWORD);
    const phone = await t.signIn('officer', ADMIN_PASSWORD);
    const changed = await changePassword(laptop, ADMIN_PASSWORD, OWN);
    expect(changed.json()).toMatchObject({ otherSessionsEnded: 1 });
    expect((await inject('GET', '/api/v1/auth/session', phone)).statusCode).toBe(401);
    expect((await inject('GET', '/api/v1/auth/session', laptop)).statusCode).toBe(200);
    // A script holding a token of the user changes it too.
    const token = await tokenOf('officer', OWN);
    expect((await changePassword(token, OWN, ADMIN_PASSWORD)).statusCode).toBe(200);
    expect(
      (await inject('POST', '/api/v1/auth/login', {}, { username: 'officer', password: ADMIN_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('counts wrong current passwords towards the lock of the account', async () => {
    await start();
    await t.createUser('officer', ['officer']);
    const officer = await t.signIn('officer', ADMIN_PASSWORD);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await changePassword(officer, `guess ${i}`, OWN)).statusCode);
    expect(answers).toEqual([403, 403, 403, 403, 403, 429]);
    // The right one is refused too while the account is locked.
    const right = await changePassword(officer, ADMIN_PASSWORD, OWN);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('account_locked');
    expect(await audited('user.password-change-failed')).toHaveLength(5);
  });

  it('lets an administrator change the name, unit and roles of a user, audited', async () => {
    await start();
    const id = await createOfficer();
    const rsUnit = await unitId('RS-BEG-JAITF');
    const patched = await inject('PATCH', `/api/v1/users/${id}`, admin, {
      displayName: 'Officer Renamed',
      unitId: rsUnit,
      roles: ['officer', 'analyst'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      displayName: 'Officer Renamed',
      roles: ['officer', 'analyst'],
      unit: { code: 'RS-BEG-JAITF' },
    });
    const [entry] = await audited('user.update');
    expect(entry).toMatchObject({ actor_name: 'admin', entity_id: id });
    expect(entry!.details).toMatchObject({
      changed: { displayName: { from: 'New Officer', to: 'Officer Renamed' }, unitId: { to: rsUnit } },
    });

    const badUnit = await inject('PATCH', `/api/v1/users/${id}`, admin, {
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badUnit.statusCode).toBe(422);
    expect((await inject('PATCH', `/api/v1/users/${id}`, admin, {})).statusCode).toBe(422);
    expect((await inject('PATCH', `/api/v1/users/${id}`, admin, { roles: [] })).statusCode).toBe(422);
    await t.createUser('analyst', ['analyst']);
    const analyst = await t.signIn('analyst', ADMIN_PASSWORD);
    expect((await inject('PATCH', `/api/v1/users/${id}`, analyst, { active: false })).statusCode).toBe(403);
  });

  it('stops the sessions and tokens of a disabled user at once, and lets them back in when enabled', async () => {
    await start();
    await t.createUser('officer', ['officer']);
    const [officerView] = (await inject('GET', '/api/v1/users', admin))
      .json()
      .items.filter((user: { username: string }) => user.username === 'officer');
    const session = await t.signIn('officer', ADMIN_PASSWORD);
    const token = await tokenOf('officer', ADMIN_PASSWORD);
    expect((await inject('GET', '/api/v1/flights', token)).statusCode).toBe(200);

    const disabled = await inject('PATCH', `/api/v1/users/${officerView.id}`, admin, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await inject('GET', '/api/v1/auth/session', session)).statusCode).toBe(401);
    expect((await inject('GET', '/api/v1/flights', token)).statusCode).toBe(401);
    const login = await inject(
      'POST',
      '/api/v1/auth/login',
      {},
      { username: 'officer', password: ADMIN_PASSWORD },
    );
    expect(login.statusCode).toBe(401);

    const enabled = await inject('PATCH', `/api/v1/users/${officerView.id}`, admin, { active: true });
    expect(enabled.json().active).toBe(true);
    expect((await inject('GET', '/api/v1/flights', token)).statusCode).toBe(200);
    expect((await t.signIn('officer', ADMIN_PASSWORD)).cookie).toBeTruthy();
    expect((await audited('user.disable')).map((entry) => entry.details)).toEqual([
      { username: 'officer', sessionsEnded: 1 },
    ]);
    expect(await audited('user.enable')).toHaveLength(1);
  });

  it('stops the token of a user whose role it carries was withdrawn', async () => {
    await start();
    await t.createUser('officer', ['officer']);
    const token = await tokenOf('officer', ADMIN_PASSWORD);
    const id = (await t.services.access.store.findUserByUsername('officer'))!.id;
    await inject('PATCH', `/api/v1/users/${id}`, admin, { roles: ['viewer'] });
    expect((await inject('GET', '/api/v1/flights', token)).statusCode).toBe(401);
  });

  it('never leaves the installation without an active administrator', async () => {
    await start();
    const adminId = (await t.services.access.store.findUserByUsername('admin'))!.id;
    const disable = await inject('PATCH', `/api/v1/users/${adminId}`, admin, { active: false });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error).toMatchObject({ code: 'last_administrator' });
    expect(disable.json().error.message).toMatch(/last active administrator/);
    const demote = await inject('PATCH', `/api/v1/users/${adminId}`, admin, { roles: ['analyst'] });
    expect(demote.statusCode).toBe(409);
    // A disabled administrator does not count.
    await t.createUser('second.admin', ['admin']);
    const secondId = (await t.services.access.store.findUserByUsername('second.admin'))!.id;
    await inject('PATCH', `/api/v1/users/${secondId}`, admin, { active: false });
    expect(
      (await inject('PATCH', `/api/v1/users/${adminId}`, admin, { roles: ['analyst'] })).statusCode,
    ).toBe(409);
    await inject('PATCH', `/api/v1/users/${secondId}`, admin, { active: true });
    const demoted = await inject('PATCH', `/api/v1/users/${adminId}`, admin, {
      roles: ['analyst', 'supervisor'],
    });
    expect(demoted.statusCode).toBe(200);
  });

  it('resets a password to a generated one shown once, ending the sessions; the user must change it', async () => {
    await start();
    await t.createUser('officer', ['officer']);
    const id = (await t.services.access.store.findUserByUsername('officer'))!.id;
    const session = await t.signIn('officer', ADMIN_PASSWORD);
    const reset = await inject('POST', `/api/v1/users/${id}/password-reset`, admin, {});
    expect(reset.statusCode).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await inject('GET', '/api/v1/auth/session', session)).statusCode).toBe(401);
    expect(
      (await inject('POST', '/api/v1/auth/login', {}, { username: 'officer', password: ADMIN_PASSWORD }))
        .statusCode,
    ).toBe(401);

    const again = await t.signIn('officer', temporary);
    expect((await inject('GET', '/api/v1/flights', again)).json().error.code).toBe(
      'password_change_required',
    );
    expect((await changePassword(again, temporary, OWN)).statusCode).toBe(200);
    expect((await inject('GET', '/api/v1/flights', again)).statusCode).toBe(200);

    // A password the administrator typed is not repeated back.
    const typed = await inject('POST', `/api/v1/users/${id}/password-reset`, admin, { password: TEMPORARY });
    expect(typed.json().temporaryPassword).toBeUndefined();
    expect(
      (await inject('POST', `/api/v1/users/${id}/password-reset`, admin, { password: 'short' })).statusCode,
    ).toBe(422);
    expect((await t.signIn('officer', TEMPORARY)).cookie).toBeTruthy();
    expect((await audited('user.password-reset')).map((entry) => entry.details)).toMatchObject([
      { username: 'officer', generated: true, sessionsEnded: 1 },
      { username: 'officer', generated: false },
    ]);
  });
});
