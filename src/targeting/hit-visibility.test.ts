/**
 * Hits inherit the visibility of the list that produced them: a list shared with its unit only
 * (unit A) is not seen by unit B of the same jurisdiction, and neither are its hits, unless the
 * list's owner chose to notify other units, who then see "restricted list, contact unit A".
 * A matrix: every user of either unit against every endpoint that shows hits, entries or lists.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';
import { publishHits } from './hit-events.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

/** What only the list and its entry hold: its name, the entry's external id and written name. */
const MARKERS = ['zqunitonlylist', 'zqexternalid', 'kovač'];
const markersIn = (text: string) => MARKERS.filter((marker) => text.toLowerCase().includes(marker));

const UNIT_A = 'BA-PIU';
const UNIT_A_NAME = 'Passenger Information Unit Bosnia and Herzegovina';
const UNIT_B = 'BA-SJJ-JAITF';
/** Users of the list's unit (and the administrator), who see the list and its hits whole. */
const unitA = ['analyst.a', 'officer.a', 'admin'];
/** Users of another unit of the same jurisdiction. */
const unitB = ['analyst.b', 'officer.b', 'supervisor.b', 'pnr.b'];

describe.each(databaseTargets)('hits of a unit-only list on $name', (target) => {
  let t: TestApp;
  const as = new Map<string, Record<string, string>>();
  let listId: string;
  let entryId: string;
  let hitId: string;
  let travellerId: string;
  let flightId: string;

  const call = async (who: string, method: 'GET' | 'PATCH', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: as.get(who)!,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: response.statusCode, text: response.body, body: response.json() as Json };
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    const users: [string, string, string][] = [
      ['analyst.a', 'analyst', UNIT_A],
      ['officer.a', 'officer', UNIT_A],
      ['analyst.b', 'analyst', UNIT_B],
      ['officer.b', 'officer', UNIT_B],
      ['supervisor.b', 'supervisor', UNIT_B],
      ['pnr.b', 'pnr-analyst', UNIT_B],
    ];
    for (const [username, role, unit] of users) {
      await t.createUser(username, [role], unit);
      as.set(username, await t.signIn(username, ADMIN_PASSWORD));
    }
    as.set('admin', await t.signIn());
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/watchlists',
      headers: as.get('analyst.a')!,
      payload: { name: 'ZQUNITONLYLIST', kind: 'person', sharing: 'unit' },
    });
    listId = created.json().id;
    expect(created.json()).toMatchObject({ sharing: 'unit', notifyOtherUnits: false });
    const entry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/watchlists/${listId}/entries`,
      headers: as.get('analyst.a')!,
      payload: {
        externalId: 'ZQEXTERNALID',
        primaryName: 'Ana Kovač',
        datesOfBirth: ['1991-01-01'],
        category: 'cash',
        severity: 'high',
      },
    });
    entryId = entry.json().id;
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...as.get('officer.b')!, 'content-type': 'text/plain' },
      payload: paxlst,
    });
    expect(uploaded.statusCode).toBe(201);
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();
    const hits = (await call('admin', 'GET', '/api/v1/hits')).body.items as Json[];
    expect(hits).toHaveLength(1);
    hitId = hits[0].id;
    travellerId = hits[0].travellerId;
    flightId = hits[0].flight.id;
  });
  afterAll(() => t.close());

  const endpoints = () => [
    '/api/v1/hits',
    '/api/v1/hits?source=watchlist',
    '/api/v1/hits?group=subject',
    `/api/v1/hits/${hitId}`,
    '/api/v1/watchlists',
    `/api/v1/watchlists/${listId}`,
    `/api/v1/watchlists/${listId}/entries`,
    `/api/v1/watchlist-entries/${entryId}`,
    '/api/v1/lists',
    '/api/v1/rules/effectiveness',
    // The pages of the hit's record show its hits and count them.
    `/api/v1/travellers/${travellerId}`,
    `/api/v1/flights/${flightId}`,
    '/api/v1/flights',
    '/api/v1/travellers?name=kovac',
  ];

  /** What a user sees of the hit on the traveller's page and in the manifest. */
  const onRecordPages = async (who: string) => {
    const page = (await call(who, 'GET', `/api/v1/travellers/${travellerId}`)).body;
    const manifest = (await call(who, 'GET', `/api/v1/flights/${flightId}`)).body;
    const flights = (await call(who, 'GET', '/api/v1/flights')).body;
    return {
      hits: page.hits as Json[],
      manifestOpen: manifest.travellers[0].openHits as number,
      flightOpen: flights.items[0].openHits as number,
    };
  };

  /** Every user against every endpoint: unit B never sees the list; unit A sees its hit whole. */
  const checkMatrix = async () => {
    for (const who of [...unitA, ...unitB])
      for (const url of endpoints()) {
        const response = await call(who, 'GET', url);
        const found = markersIn(response.text);
        if (unitB.includes(who)) expect(found, `${who} ${url}`).toEqual([]);
        else if (url.includes('hits')) expect(found.length, `${who} ${url}`).toBeGreaterThan(0);
      }
  };

  /** The text of the hits stream while an announcement of the hit is made. */
  const streamWhileAnnounced = async (who: string): Promise<string> => {
    const address = t.app.server.address() as AddressInfo | null;
    if (!address) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/hits/stream`, {
      headers: as.get(who)!,
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
    await publishHits(t.services.database.db, {
      created: [hitId],
      noLongerMatching: [],
      jurisdictions: ['BA'],
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    abort.abort();
    await reading;
    return text;
  };

  it('shows no hit at all to another unit when the owner does not notify other units', async () => {
    await checkMatrix();
    for (const who of unitB) {
      const queue = (await call(who, 'GET', '/api/v1/hits')).body;
      expect(queue, who).toMatchObject({ total: 0, items: [] });
      expect((await call(who, 'GET', `/api/v1/hits/${hitId}`)).status, who).toBe(404);
      expect((await call(who, 'PATCH', `/api/v1/hits/${hitId}`, { status: 'in-review' })).status).toBe(404);
    }
    for (const who of unitB)
      expect(await onRecordPages(who), who).toEqual({ hits: [], manifestOpen: 0, flightOpen: 0 });
    const ownPage = await onRecordPages('officer.a');
    expect(ownPage).toMatchObject({ manifestOpen: 1, flightOpen: 1 });
    expect(ownPage.hits).toEqual([expect.objectContaining({ id: hitId, listName: 'ZQUNITONLYLIST' })]);
    const own = (await call('officer.a', 'GET', '/api/v1/hits')).body.items[0];
    expect(own.watchlist).toMatchObject({ entryName: 'Ana Kovač', listName: 'ZQUNITONLYLIST' });
  });

  it('announces the hit live to the list unit only', async () => {
    expect(await streamWhileAnnounced('officer.a')).toContain('event: hits');
    expect(await streamWhileAnnounced('officer.b')).not.toContain('event: hits');
  });

  it('tells other units "restricted list, contact unit A" once the owner notifies them', async () => {
    const refused = await call('analyst.b', 'PATCH', `/api/v1/watchlists/${listId}`, {
      notifyOtherUnits: true,
    });
    expect(refused.status).toBe(404);
    const set = await call('analyst.a', 'PATCH', `/api/v1/watchlists/${listId}`, { notifyOtherUnits: true });
    expect(set.body).toMatchObject({ sharing: 'unit', notifyOtherUnits: true });
    await checkMatrix();
    for (const who of unitB) {
      const queue = (await call(who, 'GET', '/api/v1/hits')).body;
      expect(queue.total, who).toBe(1);
      expect(queue.items[0].watchlist).toEqual({ restricted: true, contactUnit: UNIT_A_NAME });
      const detail = (await call(who, 'GET', `/api/v1/hits/${hitId}`)).body;
      expect(detail).toMatchObject({
        watchlistEntryId: null,
        explanation: { kind: 'watchlist', restricted: true, contactUnit: UNIT_A_NAME },
      });
      const pages = await onRecordPages(who);
      expect(pages, who).toMatchObject({ manifestOpen: 1, flightOpen: 1 });
      expect(pages.hits).toEqual([
        expect.objectContaining({ id: hitId, restrictedList: { contactUnit: UNIT_A_NAME } }),
      ]);
      expect(pages.hits[0]).not.toHaveProperty('listName');
    }
    // The unit acts on it without knowing the list.
    const reviewed = await call('officer.b', 'PATCH', `/api/v1/hits/${hitId}`, { status: 'in-review' });
    expect(reviewed.status).toBe(200);
    expect(markersIn(reviewed.text)).toEqual([]);
    expect(await streamWhileAnnounced('officer.b')).toContain('event: hits');
  });
});
