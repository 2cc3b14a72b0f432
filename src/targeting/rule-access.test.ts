import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Who may change whose rules: the owner, users of the owner's unit who write rules, supervisors of
 * the rule's jurisdiction and administrators; a rule that uses PNR data only PNR-cleared roles.
 */
describe.each(databaseTargets)('who changes whose rules on $name', (target) => {
  let t: TestApp;
  const as = new Map<string, Record<string, string>>();
  let pnrRule: string;
  let plainRule: string;

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: as.get(who)!,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const retire = (who: string, id: string) => call(who, 'PATCH', `/api/v1/rules/${id}`, { state: 'retired' });
  const activate = (who: string, id: string) =>
    call(who, 'PATCH', `/api/v1/rules/${id}`, { state: 'active' });

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    const users: [string, string[], string][] = [
      ['pnr.piu', ['pnr-analyst'], 'BA-PIU'],
      ['pnr2.piu', ['pnr-analyst'], 'BA-PIU'],
      ['analyst.piu', ['analyst'], 'BA-PIU'],
      ['analyst.sjj', ['analyst'], 'BA-SJJ-JAITF'],
      ['pnr.sjj', ['pnr-analyst'], 'BA-SJJ-JAITF'],
      ['supervisor.sjj', ['supervisor'], 'BA-SJJ-JAITF'],
      ['supervisor.beg', ['supervisor'], 'RS-BEG-JAITF'],
      ['officer.piu', ['officer'], 'BA-PIU'],
    ];
    for (const [username, roles, unit] of users) {
      await t.createUser(username, roles, unit);
      as.set(username, await t.signIn(username, ADMIN_PASSWORD));
    }
    as.set('admin', await t.signIn());
    const create = async (rule: object) => {
      const created = await call('pnr.piu', 'POST', '/api/v1/rules', { category: 'drugs', ...rule });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    pnrRule = await create({
      name: 'Contact at a known domain',
      condition: { field: 'reservation.emails', operator: 'endsWith', value: '@example.org' },
    });
    plainRule = await create({
      name: 'From Frankfurt',
      condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
    });
  });
  afterAll(() => t.close());

  it('refuses an analyst of another unit the rule of a PNR analyst, and says why in the rule', async () => {
    expect((await retire('analyst.sjj', pnrRule)).status).toBe(403);
    const refused = await retire('analyst.sjj', plainRule);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("Only the rule's owner");
    const seen = (await call('analyst.sjj', 'GET', '/api/v1/rules')).body.items as Json[];
    expect(seen.find((r) => r.id === plainRule).change).toMatchObject({
      allowed: false,
      reason: 'not-owner',
    });
    expect(seen.find((r) => r.id === pnrRule)).toMatchObject({ usesPnr: true, change: { allowed: false } });
    // A PNR analyst of another unit is no owner either.
    expect((await activate('pnr.sjj', pnrRule)).status).toBe(403);
  });

  it("lets the owner's unit change its rules, a rule on PNR fields only its PNR-cleared users", async () => {
    expect((await activate('pnr.piu', plainRule)).status).toBe(200);
    expect((await activate('analyst.piu', plainRule)).body).toMatchObject({ state: 'active' });
    const byAnalyst = await activate('analyst.piu', pnrRule);
    expect(byAnalyst.status).toBe(403);
    expect(byAnalyst.body.error).toMatchObject({ code: 'pnr_restricted' });
    expect(byAnalyst.body.error.message).toContain('rule (reservation.emails)');
    expect((await call('analyst.piu', 'GET', `/api/v1/rules/${pnrRule}`)).body.change).toEqual({
      allowed: false,
      reason: 'pnr',
      message: expect.stringContaining('PNR'),
    });
    expect((await activate('pnr2.piu', pnrRule)).body).toMatchObject({ state: 'active' });
    expect((await call('pnr2.piu', 'GET', `/api/v1/rules/${pnrRule}`)).body.change.allowed).toBe(true);
    expect((await retire('officer.piu', plainRule)).status).toBe(403);
  });

  it('lets supervisors of the jurisdiction and administrators change rules, PNR rules only if cleared', async () => {
    expect((await retire('supervisor.sjj', plainRule)).body).toMatchObject({ state: 'retired' });
    expect((await retire('supervisor.sjj', pnrRule)).status).toBe(403);
    // Another jurisdiction's rules are not even seen.
    expect((await retire('supervisor.beg', plainRule)).status).toBe(404);
    expect((await retire('admin', pnrRule)).body).toMatchObject({ state: 'retired' });
  });
});
