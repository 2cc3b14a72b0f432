import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';

/** A JSON response, read by the shape each test expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const pnr = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);
/** The next push of the same booking: paid by card now, a new e-mail. */
const pnrByCard = pnr.replace('CHARLES.ACKARY//YAHOO.COM', 'C.ACKARY//GMAIL.COM');
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('targeting on $name', (target) => {
  let t: TestApp;
  let analyst: Record<string, string>;
  let officer: Record<string, string>;
  let worker: JobWorker;
  let ruleId: string;
  let reservationRuleId: string;
  let hitId: string;

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
    contentType?: string,
  ) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as Json };
  };
  const upload = (body: string) => call('POST', '/api/v1/messages', analyst, body, 'text/plain');

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    await t.createUser('analyst.piu', ['pnr-analyst', 'analyst'], 'BA-PIU');
    await t.createUser('officer.sjj', ['officer'], 'BA-SJJ-JAITF');
    analyst = await t.signIn('analyst.piu', ADMIN_PASSWORD);
    officer = await t.signIn('officer.sjj', ADMIN_PASSWORD);
    worker = new JobWorker(t.services.jobs.queue, { name: 'test' });
  });
  afterAll(() => t.close());

  it('refuses an invalid rule with a message naming the bad condition', async () => {
    const refused = await call('POST', '/api/v1/rules', analyst, {
      name: 'Broken',
      category: 'drugs',
      condition: {
        all: [
          { field: 'flight.origin', operator: 'equals', value: 'FRA' },
          { field: 'traveller.shoeSize', operator: 'equals', value: 44 },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('all[1]');
    expect(refused.body.error.message).toContain('traveller.shoeSize');
  });

  it('screens an uploaded passenger list against active rules and watchlists through the queue', async () => {
    const list = await call('POST', '/api/v1/code-lists', analyst, {
      name: 'transit-hubs',
      kind: 'airport',
      items: [{ value: 'FRA' }, { value: 'IST' }],
    });
    expect(list.status).toBe(201);
    const created = await call('POST', '/api/v1/rules', analyst, {
      name: 'British traveller from a transit hub',
      category: 'drugs',
      severity: 'high',
      condition: {
        all: [
          { field: 'flight.origin', operator: 'inList', list: 'transit-hubs' },
          { field: 'traveller.nationality', operator: 'equals', value: 'GB' },
        ],
      },
    });
    expect(created.status).toBe(201);
    ruleId = created.body.id;
    expect(created.body).toMatchObject({ state: 'draft', version: 1 });
    expect((await call('PATCH', `/api/v1/rules/${ruleId}`, analyst, { state: 'active' })).body).toMatchObject(
      { state: 'active', version: 1 },
    );

    const watchlist = await call('POST', '/api/v1/watchlists', analyst, {
      name: 'PIU persons of interest',
      kind: 'person',
    });
    await call('POST', `/api/v1/watchlists/${watchlist.body.id}/entries`, analyst, {
      primaryName: 'Ana Kovač',
      datesOfBirth: ['1991-01-01'],
      category: 'cash',
      severity: 'critical',
    });

    expect((await upload(paxlst)).body.status).toBe('parsed');
    expect((await call('GET', '/api/v1/hits', analyst)).body.total).toBe(0);
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);

    const hits = (await call('GET', '/api/v1/hits', analyst)).body;
    expect(hits.items.map((h: Json) => [h.subjectName, h.source, h.severity, h.status])).toEqual([
      ['ANA KOVAC', 'watchlist', 'critical', 'new'],
      ['CHARLES ACKARY', 'rule', 'high', 'new'],
    ]);
    const ruleHit = hits.items[1];
    hitId = ruleHit.id;
    expect(ruleHit.rule).toEqual({ id: ruleId, version: 1, name: 'British traveller from a transit hub' });
    expect(ruleHit.flight).toMatchObject({
      carrier: 'UA',
      flightNumber: '988',
      origin: 'FRA',
      destination: 'IAD',
    });
    // The queue's airport filter: departing from or arriving at it, in any case.
    for (const airport of ['fra', 'IAD'])
      expect((await call('GET', `/api/v1/hits?airport=${airport}`, analyst)).body.total).toBe(2);
    expect((await call('GET', '/api/v1/hits?airport=BEG', analyst)).body).toMatchObject({
      total: 0,
      items: [],
    });

    const detail = (await call('GET', `/api/v1/hits/${hitId}`, officer)).body;
    expect(detail.flight).toEqual({
      id: ruleHit.flight.id,
      carrier: 'UA',
      flightNumber: '988',
      origin: 'FRA',
      destination: 'IAD',
      direction: expect.any(String),
      departureUtc: expect.stringMatching(/^2018-05-12T/),
      arrivalUtc: expect.stringMatching(/^2018-05-12T/),
    });
    const conditions = detail.explanation.conditions;
    expect(conditions.held).toBe(true);
    expect(conditions.children.map((c: Json) => [c.field, c.actual, c.held])).toEqual([
      ['flight.origin', 'FRA', true],
      ['traveller.nationality', 'GB', true],
    ]);
    expect(detail.rule).toMatchObject({ version: 1, name: 'British traveller from a transit hub' });
    const watch = (await call('GET', `/api/v1/hits/${hits.items[0].id}`, analyst)).body;
    expect(watch.explanation).toMatchObject({ kind: 'watchlist', entry: { primaryName: 'Ana Kovač' } });
    expect(watch.explanation.match.adjustments.some((a: Json) => a.reason === 'date-of-birth')).toBe(true);
  });

  it('does not store a hit twice when the same travellers are screened again', async () => {
    const traveller = (await call('GET', `/api/v1/hits/${hitId}`, analyst)).body;
    await t.services.targeting.screening.screen([{ kind: 'traveller', ids: [traveller.travellerId] }]);
    expect((await call('GET', '/api/v1/hits', analyst)).body.total).toBe(2);
  });

  it('versions a rule on edit; the earlier hit keeps pointing at the version that fired', async () => {
    const edited = await call('PATCH', `/api/v1/rules/${ruleId}`, analyst, {
      severity: 'critical',
      description: 'Tightened after review',
    });
    expect(edited.body).toMatchObject({ version: 2, severity: 'critical', state: 'active' });
    expect(edited.body.versions.map((v: Json) => [v.version, v.severity])).toEqual([
      [2, 'critical'],
      [1, 'high'],
    ]);
    expect((await call('GET', `/api/v1/hits/${hitId}`, analyst)).body.rule.version).toBe(1);
    const queued = await t.services.database.db
      .selectFrom('jobs')
      .select(['payload'])
      .where('kind', '=', 'screening')
      .where('status', '=', 'pending')
      .execute();
    expect(queued.map((job) => job.payload)).toContainEqual({
      of: 'rescreen',
      reason: 'rules changed',
      hours: 72,
    });
    expect(queued.length).toBeGreaterThanOrEqual(1);
    await worker.drain();
  });

  it('marks a reservation hit as no longer matching when a new push no longer meets the rule', async () => {
    const created = await call('POST', '/api/v1/rules', analyst, {
      subject: 'reservation',
      name: 'One-way paid in cash',
      category: 'drugs',
      condition: {
        all: [
          { field: 'reservation.tripType', operator: 'equals', value: 'one-way' },
          { field: 'reservation.emails', operator: 'endsWith', value: 'yahoo.com' },
        ],
      },
    });
    reservationRuleId = created.body.id;
    await call('PATCH', `/api/v1/rules/${reservationRuleId}`, analyst, { state: 'active' });
    await worker.drain();
    await upload(pnr);
    await worker.drain();
    const first = (await call('GET', `/api/v1/hits?rule=${reservationRuleId}`, analyst)).body.items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ subjectKind: 'reservation', stillMatching: true });
    await upload(pnrByCard);
    await worker.drain();
    const after = (await call('GET', `/api/v1/hits/${first[0].id}`, analyst)).body;
    expect(after.stillMatching).toBe(false);
    expect(after.events.map((e: Json) => e.kind)).toEqual(['no-longer-matching', 'created']);
  });

  it('takes a hit through review to an outcome, each agency in its own view', async () => {
    expect((await call('PATCH', `/api/v1/hits/${hitId}`, officer, { status: 'closed' })).status).toBe(422);
    await call('PATCH', `/api/v1/hits/${hitId}`, officer, { status: 'in-review', note: 'Checking the bags' });
    const bijaca = (await t.services.access.store.listUnits()).find((u) => u.code === 'BA-BIJACA-PCU')!;
    const referred = await call('POST', `/api/v1/hits/${hitId}/refer`, officer, {
      toUnitId: bijaca.id,
      reason: 'Search the car at the crossing',
    });
    expect(referred.body.review).toMatchObject({
      status: 'referred',
      referral: { toUnit: { id: bijaca.id } },
    });
    const closed = await call('PATCH', `/api/v1/hits/${hitId}`, officer, {
      status: 'closed',
      outcome: 'positive',
      note: '2 kg cocaine in the lining',
    });
    expect(closed.body.review).toMatchObject({ status: 'closed', outcome: 'positive' });
    expect(closed.body.events.slice(0, 5).map((e: Json) => e.kind)).toEqual([
      'note',
      'status',
      'referred',
      'note',
      'status',
    ]);
    expect((await call('PATCH', `/api/v1/hits/${hitId}`, officer, { status: 'in-review' })).status).toBe(403);
    // The Passenger Information Unit belongs to another agency: its view of the same hit is still new.
    const piuView = (await call('GET', `/api/v1/hits/${hitId}`, analyst)).body;
    expect(piuView.review.status).toBe('new');
    expect(piuView.reviews.map((r: Json) => [r.status, r.outcome])).toEqual([['closed', 'positive']]);
    expect(
      (await call('GET', '/api/v1/hits?status=closed', officer)).body.items.map((h: Json) => h.id),
    ).toEqual([hitId]);
  });

  it('shows each rule effectiveness and back-tests a rule over stored data', async () => {
    const effectiveness = (await call('GET', '/api/v1/rules/effectiveness', analyst)).body.items;
    expect(effectiveness.find((r: Json) => r.ruleId === ruleId)).toMatchObject({
      hits: 1,
      referrals: 1,
      positives: 1,
      negatives: 0,
      precision: 1,
    });
    const backtest = await call('POST', `/api/v1/rules/${ruleId}/backtest`, analyst, {
      from: '2018-05-01',
      to: '2018-05-31',
      compareWith: 1,
    });
    expect(backtest.status).toBe(200);
    expect(backtest.body.evaluated).toBe(2);
    expect(backtest.body.versions[0]).toMatchObject({
      version: 2,
      hits: 1,
      perDay: [{ day: '2018-05-12', count: 1 }],
    });
    expect(backtest.body.versions[0].outcomes).toMatchObject({ known: 1, positives: 1, precision: 1 });
    expect(backtest.body.comparison).toEqual({ both: 1, onlyFirst: 0, onlySecond: 0 });
    const empty = await call('POST', `/api/v1/rules/${ruleId}/backtest`, analyst, {
      from: '2019-01-01',
      to: '2019-01-31',
    });
    expect(empty.body).toMatchObject({ evaluated: 0, versions: [{ hits: 0, perDay: [] }] });
  });

  it('tests a condition being written on one traveller, with the values seen', async () => {
    const traveller = (await call('GET', `/api/v1/hits/${hitId}`, analyst)).body.travellerId;
    const tried = await call('POST', '/api/v1/rules/test', analyst, {
      travellerId: traveller,
      condition: {
        any: [
          { field: 'traveller.age', operator: 'greaterThan', value: 80 },
          { field: 'document.number', operator: 'startsWith', value: '6021' },
        ],
      },
    });
    expect(tried.body.fired).toBe(true);
    expect(tried.body.explanation.children.map((c: Json) => [c.actual, c.held])).toEqual([
      [69, false],
      ['602120901', true],
    ]);
  });

  it('keeps a code list that rules use, and refuses roles that may not write rules', async () => {
    const lists = (await call('GET', '/api/v1/code-lists', analyst)).body.items;
    const used = lists.find((l: Json) => l.name === 'transit-hubs');
    expect((await call('DELETE', `/api/v1/code-lists/${used.id}`, analyst)).status).toBe(409);
    expect(
      (
        await call('POST', '/api/v1/rules', officer, {
          name: 'Mine',
          category: 'x',
          condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
        })
      ).status,
    ).toBe(403);
  });
});
