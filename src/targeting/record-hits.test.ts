/**
 * A record's hits on every page that shows the record: the traveller page and the reservation page
 * list them (open ones first, with status and outcome); the manifest, the flights list, the
 * traveller search and the reservations list count the open ones and the closed positives. What
 * each reader sees of them is the queue's: hits:read, jurisdiction, the list's sharing, PNR data.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const pnr = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('hits on the pages of their records on $name', (target) => {
  let t: TestApp;
  const as: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { ...as[who], ...(typeof payload === 'string' ? { 'content-type': 'text/plain' } : {}) },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json() as Json;
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    await t.createUser('pnr.piu', ['pnr-analyst', 'analyst'], 'BA-PIU');
    await t.createUser('officer.sjj', ['officer'], 'BA-SJJ-JAITF');
    await t.createUser('viewer.sjj', ['viewer'], 'BA-SJJ-JAITF');
    for (const who of ['pnr.piu', 'officer.sjj', 'viewer.sjj']) as[who] = await t.signIn(who, ADMIN_PASSWORD);
    const rule = await call('pnr.piu', 'POST', '/api/v1/rules', {
      name: 'From Frankfurt',
      category: 'drugs',
      condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
    });
    await call('pnr.piu', 'PATCH', `/api/v1/rules/${rule.id}`, { state: 'active' });
    const reservationRule = await call('pnr.piu', 'POST', '/api/v1/rules', {
      subject: 'reservation',
      name: 'Booked with a Yahoo address',
      category: 'drugs',
      condition: { field: 'reservation.emails', operator: 'endsWith', value: '@yahoo.com' },
    });
    await call('pnr.piu', 'PATCH', `/api/v1/rules/${reservationRule.id}`, { state: 'active' });
    const list = await call('pnr.piu', 'POST', '/api/v1/watchlists', { name: 'Couriers', kind: 'person' });
    await call('pnr.piu', 'POST', `/api/v1/watchlists/${list.id}/entries`, {
      primaryName: 'Charles Ackary',
      datesOfBirth: ['1948-12-26'],
      severity: 'critical',
    });
    await call('pnr.piu', 'POST', '/api/v1/messages', paxlst);
    await call('pnr.piu', 'POST', '/api/v1/messages', pnr);
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();
    const queue = (await call('officer.sjj', 'GET', '/api/v1/hits?pageSize=200')).items as Json[];
    const ackaryWatchlist = queue.find((h) => h.source === 'watchlist' && h.subjectKind === 'traveller');
    ids.ackary = ackaryWatchlist.travellerId;
    ids.watchlistHit = ackaryWatchlist.id;
    ids.ruleHit = queue.find((h) => h.travellerId === ids.ackary && h.source === 'rule').id;
    ids.kovac = queue.find(
      (h) => h.source === 'rule' && h.travellerId && h.travellerId !== ids.ackary,
    ).travellerId;
    ids.reservationHit = queue.find((h) => h.subjectKind === 'reservation' && h.source === 'rule').id;
    ids.reservation = queue.find((h) => h.id === ids.reservationHit).reservationId;
    ids.flight = ackaryWatchlist.flight.id;
    // The officer's agency closes the watchlist hit: he was the courier.
    await call('officer.sjj', 'PATCH', `/api/v1/hits/${ids.watchlistHit}`, {
      status: 'closed',
      outcome: 'positive',
    });
  });
  afterAll(() => t.close());

  it('lists a traveller’s hits on his page, the open ones first, with status and outcome', async () => {
    const page = await call('officer.sjj', 'GET', `/api/v1/travellers/${ids.ackary}`);
    expect(page.hits).toEqual([
      expect.objectContaining({
        id: ids.ruleHit,
        status: 'new',
        outcome: null,
        source: 'rule',
        ruleName: 'From Frankfurt',
        createdAt: expect.any(String),
      }),
      expect.objectContaining({
        id: ids.watchlistHit,
        status: 'closed',
        outcome: 'positive',
        source: 'watchlist',
        listName: 'Couriers',
      }),
    ]);
    // Another agency has not closed it: for the PIU it is still open.
    const forPiu = await call('pnr.piu', 'GET', `/api/v1/travellers/${ids.ackary}`);
    expect(forPiu.hits.map((h: Json) => h.status)).toEqual(['new', 'new']);
  });

  it('counts open hits and closed positives in the manifest, the flights list and the search', async () => {
    const manifest = await call('officer.sjj', 'GET', `/api/v1/flights/${ids.flight}`);
    const byId = new Map((manifest.travellers as Json[]).map((traveller) => [traveller.id, traveller]));
    expect(byId.get(ids.ackary)).toMatchObject({ openHits: 1, positiveHits: 1 });
    expect(byId.get(ids.kovac)).toMatchObject({ openHits: 1, positiveHits: 0 });
    const openOnFlight = await call('officer.sjj', 'GET', `/api/v1/hits?flight=${ids.flight}&status=open`);
    const flights = await call('officer.sjj', 'GET', '/api/v1/flights');
    expect(flights.items.find((f: Json) => f.id === ids.flight)).toMatchObject({
      openHits: openOnFlight.total,
      positiveHits: 1,
    });
    expect(openOnFlight.total).toBeGreaterThanOrEqual(2);
    const found = await call('officer.sjj', 'GET', '/api/v1/travellers?name=ackary');
    expect(found.items[0]).toMatchObject({ id: ids.ackary, openHits: 1, positiveHits: 1 });
  });

  it('lists a reservation’s hits on its page and counts them in the list, PNR withheld where due', async () => {
    const detail = await call('pnr.piu', 'GET', `/api/v1/reservations/${ids.reservation}`);
    expect(detail.hits.map((h: Json) => h.id)).toContain(ids.reservationHit);
    expect(detail.hits.find((h: Json) => h.id === ids.reservationHit)).toMatchObject({
      ruleName: 'Booked with a Yahoo address',
      subjectName: expect.stringContaining('06A9FD'),
    });
    const restricted = await call('officer.sjj', 'GET', `/api/v1/reservations/${ids.reservation}`);
    expect(restricted.reservation.restricted).toBe(true);
    expect(restricted.hits.find((h: Json) => h.id === ids.reservationHit)).toMatchObject({
      status: 'new',
      subjectName: { withheld: 'pnr' },
    });
    const list = await call('pnr.piu', 'GET', '/api/v1/reservations');
    expect(list.items.find((r: Json) => r.id === ids.reservation).openHits).toBe(detail.hits.length);
  });

  it('groups a subject’s hits into one row of the queue, the most severe first', async () => {
    const flat = await call('pnr.piu', 'GET', '/api/v1/hits?pageSize=200');
    const grouped = await call('pnr.piu', 'GET', '/api/v1/hits?group=subject&pageSize=200');
    const ackary = (grouped.groups as Json[]).filter((group) => group.travellerId === ids.ackary);
    expect(ackary).toHaveLength(1);
    expect(ackary[0]).toMatchObject({
      subjectKind: 'traveller',
      subjectName: 'CHARLES ACKARY',
      severity: 'critical',
      openHits: 2,
      sources: [
        { hitId: ids.watchlistHit, source: 'watchlist', name: 'Couriers', severity: 'critical' },
        { hitId: ids.ruleHit, source: 'rule', name: 'From Frankfurt' },
      ],
    });
    expect(ackary[0].hits.map((hit: Json) => hit.id)).toEqual([ids.watchlistHit, ids.ruleHit]);
    // Every hit is under exactly one subject, and each subject is counted once.
    const groupedIds = (grouped.groups as Json[]).flatMap((group) => group.hits.map((hit: Json) => hit.id));
    expect(groupedIds.sort()).toEqual((flat.items as Json[]).map((hit) => hit.id).sort());
    expect(grouped.total).toBe(grouped.groups.length);
    expect(grouped.total).toBeLessThan(flat.total);
    // The agency that closed one of them sees the other open first, and one hit open.
    const forOfficer = await call('officer.sjj', 'GET', '/api/v1/hits?group=subject');
    const officerRow = forOfficer.groups.find((group: Json) => group.travellerId === ids.ackary);
    expect(officerRow).toMatchObject({ openHits: 1, status: 'new' });
    expect(officerRow.hits.map((hit: Json) => hit.id)).toEqual([ids.ruleHit, ids.watchlistHit]);
    // Filters apply to the hits under each subject: the open ones only.
    const open = await call('officer.sjj', 'GET', '/api/v1/hits?group=subject&status=open');
    expect(open.groups.find((group: Json) => group.travellerId === ids.ackary).hits).toHaveLength(1);
  });

  it('lists the subject’s other hits on a hit’s page', async () => {
    const page = await call('officer.sjj', 'GET', `/api/v1/hits/${ids.ruleHit}`);
    expect(page.otherHits).toEqual([
      expect.objectContaining({ id: ids.watchlistHit, status: 'closed', outcome: 'positive' }),
    ]);
    const kovac = (await call('officer.sjj', 'GET', '/api/v1/hits?source=rule')).items.find(
      (hit: Json) => hit.travellerId === ids.kovac,
    );
    expect((await call('officer.sjj', 'GET', `/api/v1/hits/${kovac.id}`)).otherHits).toEqual([]);
  });

  it('names the booked travellers of a reservation hit to PNR-cleared readers only', async () => {
    const booked = [{ sequence: expect.any(Number), name: 'CHARLESMR ACKARY', travellerId: ids.ackary }];
    const page = await call('pnr.piu', 'GET', `/api/v1/hits/${ids.reservationHit}`);
    expect(page.bookedTravellers).toEqual(booked);
    const groups = (await call('pnr.piu', 'GET', '/api/v1/hits?group=subject')).groups as Json[];
    expect(
      groups.find((group) => group.reservationId === ids.reservation && group.subjectKind === 'reservation'),
    ).toMatchObject({ bookedTravellers: booked });
    const withheld = await call('officer.sjj', 'GET', `/api/v1/hits/${ids.reservationHit}`);
    expect(withheld.bookedTravellers).toEqual({ withheld: 'pnr' });
    const officerGroups = (await call('officer.sjj', 'GET', '/api/v1/hits?group=subject')).groups as Json[];
    expect(officerGroups.find((group) => group.subjectKind === 'reservation').bookedTravellers).toEqual({
      withheld: 'pnr',
    });
    // A traveller's hit is about him: no booked names.
    expect(await call('pnr.piu', 'GET', `/api/v1/hits/${ids.ruleHit}`)).not.toHaveProperty(
      'bookedTravellers',
    );
  });

  it('shows no hit to a role that may not read hits', async () => {
    const flights = await call('viewer.sjj', 'GET', '/api/v1/flights');
    expect(flights.items.length).toBeGreaterThan(0);
    expect(flights.items[0]).not.toHaveProperty('openHits');
    const reservation = await call('viewer.sjj', 'GET', `/api/v1/reservations/${ids.reservation}`);
    expect(reservation).not.toHaveProperty('hits');
  });
});
