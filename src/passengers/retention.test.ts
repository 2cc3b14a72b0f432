import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePnrgov } from '../../bench/pnrgov-generator.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { parsePnrgov } from './pnrgov.js';

const pnrWithDoco = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);
/** A push of 2026-01-01 (generator index 0): some reservations fly back on 2026-01-06, the others not. */
const push = generatePnrgov(0, 8);
const lastFlights = new Map(
  parsePnrgov(push).messages[0]!.reservations.map((reservation) => [
    reservation.recordLocator!,
    reservation.itinerary
      .map((leg) => leg.departure!.local.slice(0, 10))
      .sort()
      .at(-1)!,
  ]),
);
const oneWay = [...lastFlights].filter(([, date]) => date === '2026-01-01').map(([locator]) => locator);
const withReturn = [...lastFlights].filter(([, date]) => date === '2026-01-06').map(([locator]) => locator);

const upload = async (t: TestApp, headers: Record<string, string>, body: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: body,
    })
  ).json();

describe.each(databaseTargets)('retention on arrival on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  // A year and two days after the push: the one-way reservations are past deletion (one year), those
  // flying back on 2026-01-06 within it but past depersonalisation (one month).
  const now = new Date('2027-01-03T08:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(
      await target.create(),
      { PNR_ACCEPT_EXPIRED: 'false', PNR_DELETE_AFTER_YEARS: '1', PNR_MASK_AFTER_MONTHS: '1' },
      { now: () => now },
    );
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('refuses a message whose only reservation is past deletion, keeping it rejected with the reason', async () => {
    const result = await upload(t, admin, pnrWithDoco);
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /Reservation UA 06A9FD .*last flight \(2018-05-12\).*PNR_DELETE_AFTER_YEARS/,
        ),
      }),
    ]);
    const kept = await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers: admin });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'rejected' });
    const reservations = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reservations', headers: admin })
    ).json();
    expect(reservations.total).toBe(0);
  });

  it('leaves out the reservations past deletion with a warning naming each, and masks the rest at once', async () => {
    expect(oneWay.length).toBeGreaterThan(0);
    expect(withReturn.length).toBeGreaterThan(0);
    const result = await upload(t, admin, push);
    expect(result.status).toBe('parsed');
    const refused = result.warnings.filter((w: { message: string }) => /is not taken in/.test(w.message));
    expect(
      refused.map((w: { message: string }) => w.message.match(/Reservation \w+ (\w+)/)![1]).sort(),
    ).toEqual([...oneWay].sort());
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/reservations', headers: admin })).json();
    expect(list.items.map((r: { recordLocator: string }) => r.recordLocator).sort()).toEqual(
      [...withReturn].sort(),
    );
    expect(list.items.every((r: { masked: boolean }) => r.masked)).toBe(true);
    // Every reservation it brought is depersonalised: so is the raw message.
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/is stored depersonalised: .*PNR_MASK_AFTER_MONTHS/),
      }),
    );
    const message = (
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers: admin })
    ).json();
    expect(JSON.stringify(message)).not.toMatch(/ULICA MARSALA TITA/);
  });
});

describe.each(databaseTargets)('retention runs on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let officer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(await target.create(), {
      PNR_MASK_AFTER_MONTHS: '7',
      PNR_DELETE_AFTER_YEARS: '4',
    });
    admin = await t.signIn();
    await t.createUser('officer.sjj', ['officer'], 'BA-SJJ-JAITF');
    officer = await t.signIn('officer.sjj', 'correct horse battery staple');
    await upload(t, admin, pnrWithDoco);
  });
  afterAll(() => t.close());

  it('states the periods in force to every user', async () => {
    const policy = await t.app.inject({ method: 'GET', url: '/api/v1/retention/policy', headers: officer });
    expect(policy.json()).toEqual({
      pnr: { maskAfterMonths: 7, deleteAfterYears: 4, appliesOnArrival: false },
      apiDeleteAfterYears: null,
    });
  });

  it('records each run with its trigger, settings and counts, lists them and audits them naming the settings', async () => {
    await t.services.retention.run(new Date('2019-01-01T00:00:00Z'));
    const byAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/run',
      headers: admin,
      payload: { asOf: '2023-06-01' },
    });
    expect(byAdmin.json()).toMatchObject({ trigger: 'admin', deleted: [expect.any(String)] });
    const runs = await t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: admin });
    expect(runs.json().items).toEqual([
      expect.objectContaining({
        asOf: '2023-06-01',
        trigger: 'admin',
        actorName: 'admin',
        maskAfterMonths: 7,
        deleteAfterYears: 4,
        deletedBefore: '2019-06-01',
        masked: 0,
        deleted: 1,
        held: 0,
        messagesDeleted: 1,
      }),
      expect.objectContaining({ asOf: '2019-01-01', trigger: 'schedule', masked: 1, deleted: 0 }),
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/retention/runs', headers: officer })).statusCode,
    ).toBe(403);
    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'reason', 'details'])
      .where('action', '=', 'retention.run')
      .orderBy('sequence')
      .execute();
    expect(audit.map((entry) => entry.entity_id)).toEqual(
      runs
        .json()
        .items.map((run: { id: string }) => run.id)
        .reverse(),
    );
    expect(audit[1]!.reason).toMatch(
      /7 months \(PNR_MASK_AFTER_MONTHS\).*4 years \(PNR_DELETE_AFTER_YEARS\)/,
    );
    expect(audit[1]!.details).toMatchObject({
      settings: { PNR_MASK_AFTER_MONTHS: 7, PNR_DELETE_AFTER_YEARS: 4 },
    });
  });

  it('says who ran it from the command line', async () => {
    const actor = {
      kind: 'user' as const,
      id: 'x',
      name: 'operator',
      roles: ['admin' as const],
      unitId: 'u',
      jurisdictionCode: 'BA',
    };
    expect((await t.services.runRetention(actor, '2024-01-01', 'command')).trigger).toBe('command');
  });
});
