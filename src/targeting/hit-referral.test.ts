/**
 * A referral names its recipient (a unit or a user) and the reason, is validated, recorded in the
 * hit's history, reaches the recipient (the "referred to me" filter, the live stream), and the
 * recipient accepts it. Nobody is referred a hit they may not see.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('referring a hit on $name', (target) => {
  let t: TestApp;
  const as: Record<string, Record<string, string>> = {};
  const users: Record<string, string> = {};
  const units: Record<string, string> = {};
  let hitId: string;

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { ...as[who], ...(typeof payload === 'string' ? { 'content-type': 'text/plain' } : {}) },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const refer = (who: string, payload: unknown) => call(who, 'POST', `/api/v1/hits/${hitId}/refer`, payload);

  /** The text of a user's hits stream while a referral is made. */
  const streamWhile = async (who: string, act: () => Promise<unknown>): Promise<string> => {
    if (!t.app.server.address()) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/hits/stream`, {
      headers: as[who],
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      } catch {
        // aborted
      }
    })();
    while (!text.includes('event: ready')) await new Promise((resolve) => setTimeout(resolve, 20));
    await act();
    await new Promise((resolve) => setTimeout(resolve, 400));
    abort.abort();
    await reading;
    return text;
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    const accounts: [string, string[], string][] = [
      ['officer.sjj', ['officer'], 'BA-SJJ-JAITF'],
      ['officer.bijaca', ['officer'], 'BA-BIJACA-PCU'],
      ['analyst.piu', ['analyst'], 'BA-PIU'],
      ['viewer.sjj', ['viewer'], 'BA-SJJ-JAITF'],
      ['officer.beg', ['officer'], 'RS-BEG-JAITF'],
    ];
    for (const [username, roles, unit] of accounts) {
      await t.createUser(username, roles, unit);
      as[username] = await t.signIn(username, ADMIN_PASSWORD);
    }
    for (const user of await t.services.access.store.listUsers()) users[user.username] = user.id;
    for (const unit of await t.services.access.store.listUnits()) units[unit.code] = unit.id;
    as.admin = await t.signIn();
    const rule = await call('admin', 'POST', '/api/v1/rules', {
      name: 'From Frankfurt',
      category: 'drugs',
      condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
    });
    await call('admin', 'PATCH', `/api/v1/rules/${rule.body.id}`, { state: 'active' });
    await call('officer.sjj', 'POST', '/api/v1/messages', paxlst);
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();
    hitId = (await call('officer.sjj', 'GET', '/api/v1/hits')).body.items[0].id;
  });
  afterAll(() => t.close());

  it('refuses a referral without a recipient or a reason, naming the field', async () => {
    const empty = await refer('officer.sjj', {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toEqual([{ field: 'reason', message: 'is required' }]);
    const nobody = await refer('officer.sjj', { reason: 'Check the bags at the gate' });
    expect(nobody.body.error.details).toEqual([
      { field: 'toUnitId', message: expect.stringMatching(/a unit or a user/) },
    ]);
    const both = await refer('officer.sjj', {
      toUnitId: units['BA-BIJACA-PCU'],
      toUserId: users['officer.bijaca'],
      reason: 'Check the bags at the gate',
    });
    expect(both.body.error.details).toEqual([expect.objectContaining({ field: 'toUserId' })]);
    const cases: [unknown, string, RegExp][] = [
      [{ toUserId: users['officer.beg'], reason: 'Check the bags at the gate' }, 'toUserId', /may not see/],
      [{ toUserId: users['viewer.sjj'], reason: 'Check the bags at the gate' }, 'toUserId', /reviews hits/],
      [{ toUserId: users['officer.sjj'], reason: 'Check the bags at the gate' }, 'toUserId', /is you/],
      [{ toUnitId: units['RS-BEG-JAITF'], reason: 'Check the bags at the gate' }, 'toUnitId', /may not see/],
      [{ toUnitId: users['officer.sjj'], reason: 'Check the bags at the gate' }, 'toUnitId', /not a unit/],
    ];
    for (const [payload, field, message] of cases) {
      const refused = await refer('officer.sjj', payload);
      expect(refused.status, JSON.stringify(payload)).toBe(422);
      expect(refused.body.error.details).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    // "Referred" is no longer a status set by itself, without recipient or reason.
    const patched = await call('officer.sjj', 'PATCH', `/api/v1/hits/${hitId}`, { status: 'referred' });
    expect(patched.status).toBe(422);
    expect((await call('officer.sjj', 'GET', `/api/v1/hits/${hitId}`)).body.review.status).toBe('new');
  });

  it('refers to a unit with a reason, in the history; the unit finds it, is told live and accepts it', async () => {
    let referred: Json;
    const recipientStream = await streamWhile('officer.bijaca', async () => {
      referred = await refer('officer.sjj', {
        toUnitId: units['BA-BIJACA-PCU'],
        reason: 'The car crosses at Bijača tonight: search it',
      });
    });
    expect(referred.status).toBe(200);
    expect(referred.body.review).toMatchObject({
      status: 'referred',
      referral: {
        toUnit: { id: units['BA-BIJACA-PCU'], name: 'Port Control Unit Bijača' },
        toUser: null,
        reason: 'The car crosses at Bijača tonight: search it',
        by: 'officer.sjj',
      },
      referredToReader: false,
    });
    expect(referred.body.events[0]).toMatchObject({
      kind: 'referred',
      actor: 'officer.sjj',
      details: { from: 'new', to: 'referred', reason: 'The car crosses at Bijača tonight: search it' },
    });
    expect(recipientStream).toContain('event: referral');
    const others = await streamWhile('analyst.piu', () =>
      refer('officer.sjj', { toUnitId: units['BA-BIJACA-PCU'], reason: 'Referred again, same unit' }),
    );
    expect(others).not.toContain('event: referral');

    const recipients = (await call('officer.sjj', 'GET', `/api/v1/hits/${hitId}/referral-recipients`)).body;
    expect(recipients.units.map((u: Json) => u.id)).toContain(units['BA-BIJACA-PCU']);
    expect(recipients.units.map((u: Json) => u.id)).not.toContain(units['RS-BEG-JAITF']);
    expect(recipients.users.map((u: Json) => u.id).sort()).toEqual(
      [users['officer.bijaca'], users['analyst.piu'], users.admin].sort(),
    );
    const mine = (await call('officer.bijaca', 'GET', '/api/v1/hits?referredToMe=true')).body;
    expect(mine.items.map((h: Json) => h.id)).toEqual([hitId]);
    expect((await call('officer.sjj', 'GET', '/api/v1/hits?referredToMe=true')).body.total).toBe(0);
    const seen = (await call('officer.bijaca', 'GET', `/api/v1/hits/${hitId}`)).body;
    expect(seen.review).toMatchObject({ status: 'referred', referredToReader: true });
    const accepted = await call('officer.bijaca', 'PATCH', `/api/v1/hits/${hitId}`, {
      status: 'in-review',
      assignedTo: users['officer.bijaca'],
    });
    expect(accepted.body.review).toMatchObject({ status: 'in-review', assignedTo: users['officer.bijaca'] });
    expect((await call('officer.bijaca', 'GET', '/api/v1/hits?referredToMe=true')).body.total).toBe(0);
    const effectiveness = (await call('admin', 'GET', '/api/v1/rules/effectiveness')).body.items;
    expect(effectiveness[0]).toMatchObject({ referrals: 1 });
  });

  it('refers to a user of another agency, whose agency sees it referred to them', async () => {
    const referred = await refer('officer.bijaca', {
      toUserId: users['analyst.piu'],
      reason: 'Known to the border police: please check',
    });
    expect(referred.status).toBe(200);
    const forRecipient = (await call('analyst.piu', 'GET', `/api/v1/hits/${hitId}`)).body;
    expect(forRecipient.review).toMatchObject({
      status: 'referred',
      referredToReader: true,
      referral: { toUser: { id: users['analyst.piu'] }, reason: 'Known to the border police: please check' },
    });
    const queue = (await call('analyst.piu', 'GET', '/api/v1/hits?referredToMe=true&group=subject')).body;
    expect(queue.groups.map((g: Json) => g.hits[0].id)).toEqual([hitId]);
    // A referral to a user is not the whole unit's.
    await t.createUser('officer.piu', ['officer'], 'BA-PIU');
    as['officer.piu'] = await t.signIn('officer.piu', ADMIN_PASSWORD);
    expect((await call('officer.piu', 'GET', '/api/v1/hits?referredToMe=true')).body.total).toBe(0);
  });
});
