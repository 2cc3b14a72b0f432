import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';

const passengerList = (flight: string, day: string) =>
  [
    "UNA:+.? 'UNB+UNOA:4+JU+INTERDICT+180510:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
    `TDT+20+${flight}+++JU'LOC+125+BEG'DTM+189:${day}1220:201'LOC+87+SJJ'DTM+232:${day}1320:201'`,
    "NAD+FL+++PETROVIC:DJORDJE'ATT+2++M'DTM+329:790412'NAT+2+SRB'DOC+P:110:111+008123456'LOC+91+SRB'",
    "CNT+42:1'UNT+8+1'UNZ+1+1'",
  ].join('');

/** The clock stands on 2018-05-11 08:00 UTC: a flight on the 12th is within 72 hours, one on the 20th is not. */
const now = () => new Date('2018-05-11T08:00:00Z');

describe.each(databaseTargets)('screening again when rules or watchlists change, on $name', (target) => {
  let t: TestApp;
  let analyst: Record<string, string>;
  let worker: JobWorker;

  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    contentType?: string,
  ) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { ...analyst, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    return response.json() as Record<string, never> & {
      items: { subjectName: string; flight: { flightNumber: string } }[];
    };
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create(), {}, { now });
    await t.createUser('analyst.rs', ['analyst'], 'BA-PIU');
    analyst = await t.signIn('analyst.rs', ADMIN_PASSWORD);
    worker = new JobWorker(t.services.jobs.queue, { name: 'test' });
    await call('POST', '/api/v1/messages', passengerList('JU112', '180512'), 'text/plain');
    await call('POST', '/api/v1/messages', passengerList('JU114', '180520'), 'text/plain');
    await worker.drain();
  });
  afterAll(() => t.close());

  it('screens the flights of the next 72 hours again when a rule is activated', async () => {
    expect((await call('GET', '/api/v1/hits')).items).toEqual([]);
    const rule = (await call('POST', '/api/v1/rules', {
      name: 'Serbian passport to Sarajevo',
      category: 'drugs',
      condition: {
        all: [
          { field: 'document.issuingState', operator: 'equals', value: 'RS' },
          { field: 'flight.destination', operator: 'equals', value: 'SJJ' },
        ],
      },
    })) as unknown as { id: string };
    await call('PATCH', `/api/v1/rules/${rule.id}`, { state: 'active' });
    expect(await worker.drain()).toBe(1);
    const hits = (await call('GET', '/api/v1/hits')).items;
    expect(hits.map((h) => [h.subjectName, h.flight.flightNumber])).toEqual([['DJORDJE PETROVIC', '112']]);
  });

  it('screens them again when a watchlist entry is added', async () => {
    const list = (await call('POST', '/api/v1/watchlists', {
      name: 'Couriers',
      kind: 'person',
    })) as unknown as { id: string };
    await call('POST', `/api/v1/watchlists/${list.id}/entries`, {
      primaryName: 'Đorđe Petrović',
      datesOfBirth: ['1979-04-12'],
      severity: 'high',
    });
    expect(await worker.drain()).toBe(1);
    const hits = (await call('GET', '/api/v1/hits?source=watchlist')).items;
    expect(hits.map((h) => [h.subjectName, h.flight.flightNumber])).toEqual([['DJORDJE PETROVIC', '112']]);
  });

  it('announces new hits to the live queue as server-sent events', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/hits/stream`, {
      headers: analyst,
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const events: string[] = [];
    const read = async (until: string) => {
      while (!events.join('').includes(until)) {
        const { value, done } = await reader.read();
        if (done) break;
        events.push(new TextDecoder().decode(value));
      }
    };
    await read('event: ready');
    const [traveller] = await t.services.database.db.selectFrom('travellers').select('id').execute();
    await t.services.database.db.deleteFrom('hits').execute();
    await t.services.targeting.screening.screen([{ kind: 'traveller', ids: [traveller.id] }]);
    await read('event: hits');
    controller.abort();
    expect(events.join('')).toMatch(/event: hits\ndata: \{"created":2,"noLongerMatching":0\}/);
  });
});
