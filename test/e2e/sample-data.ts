import { readFileSync } from 'node:fs';
import type { RunningInterdict } from '../../src/server/start.js';

/** A GBR traveller and a BIH traveller on UA988 from FRA to IAD (as in src/targeting/service.test.ts). */
const PAXLST = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

/** Ids of one record of each kind, for visiting the detail pages. */
export interface SampleRecords {
  message: string;
  flight: string;
  traveller: string;
  reservation: string;
  watchlist: string;
  entry: string;
  rule: string;
  hit: string;
}

/**
 * Fills a running server through its API with a little of everything an officer sees: a passenger
 * list, a reservation message, the UN list, an active rule and the hit it raises.
 */
export async function loadSampleData(server: RunningInterdict): Promise<SampleRecords> {
  const unit = (await server.services.access.store.listUnits()).find((each) => each.code === 'BA-PIU')!;
  const { token } = await server.services.access.createToken(undefined, {
    name: 'sample data',
    role: 'admin',
    unitId: unit.id,
  });
  const call = async <T>(method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
      body:
        body === undefined
          ? undefined
          : type === 'application/json'
            ? JSON.stringify(body)
            : new Uint8Array(body as Buffer),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const first = async (path: string) =>
    (await call<{ items: { id: string }[] }>('GET', path)).items[0]?.id ?? missing(path);

  const rule = await call<{ id: string }>('POST', '/api/v1/rules', {
    name: 'British traveller from Frankfurt',
    category: 'drugs',
    severity: 'high',
    condition: {
      all: [
        { field: 'flight.origin', operator: 'equals', value: 'FRA' },
        { field: 'traveller.nationality', operator: 'equals', value: 'GB' },
      ],
    },
  });
  await call('PATCH', `/api/v1/rules/${rule.id}`, { state: 'active' });
  const paxlst = await call<{ id: string }>(
    'POST',
    '/api/v1/messages?filename=UA988.txt',
    Buffer.from(PAXLST),
    'text/plain',
  );
  await call(
    'POST',
    '/api/v1/messages?filename=pnr.txt',
    fixture('edifact/pnrgov/pnrWithDoco.txt'),
    'text/plain',
  );
  await call(
    'POST',
    '/api/v1/watchlists/imports/un-sc?filename=un.xml',
    fixture('watchlists/un-consolidated-sample.xml'),
    'application/xml',
  );
  const watchlist = await first('/api/v1/watchlists');
  // Screening runs in the server's workers: the hit comes shortly after the message.
  let hit: string | undefined;
  for (let attempt = 0; attempt < 100 && !hit; attempt++) {
    hit = (await call<{ items: { id: string }[] }>('GET', '/api/v1/hits')).items[0]?.id;
    if (!hit) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    message: paxlst.id,
    flight: await first('/api/v1/flights'),
    traveller: await first('/api/v1/travellers?name=KOVAC'),
    reservation: await first('/api/v1/reservations'),
    watchlist,
    entry: await first(`/api/v1/watchlists/${watchlist}/entries`),
    rule: rule.id,
    hit: hit ?? missing('/api/v1/hits'),
  };
}

function missing(path: string): never {
  throw new Error(`the sample data left ${path} empty`);
}
