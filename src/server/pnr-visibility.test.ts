/**
 * PNR data reaches only the roles that hold pnr:read (EU PNR directive: the Passenger Information
 * Unit's analysts). A matrix: every role against every endpoint that could return a PNR value, over
 * PNRGOV messages whose values are unique marker strings. A role without pnr:read never sees a
 * marker; a role with it does, wherever the endpoint shows PNR data (so the test cannot pass by
 * showing nothing). Every GET route of the application must be in the matrix: a new one that is
 * not makes this test fail.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { roles, type Role } from '../access/model.js';
import { JobWorker } from '../jobs/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const fixture = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);

/** Values that exist only in the PNR messages below. */
const MARKERS = {
  locatorBooked: 'QZ7LOC',
  locatorOther: 'QZ8LOC',
  emailBooked: 'ZQMARKMAILA',
  emailOther: 'ZQMARKMAILB',
  phone: '38799173542',
  street: 'ZQSTREETMARK',
  documentOther: 'ZQ7700123',
};
const markerList = Object.values(MARKERS).map((m) => m.toLowerCase());

/** The booking of the API traveller ACKARY (linked by passport 602120901), with marker contacts. */
const pnrBooked = fixture
  .replaceAll('06A9FD', MARKERS.locatorBooked)
  .replace('CHARLES.ACKARY//YAHOO.COM', `${MARKERS.emailBooked}//EXAMPLE.ORG`)
  .replace('64885200435', MARKERS.phone)
  .replace('3285 LEYSHON AVENUE', MARKERS.street);
/** Another booking on the same flight, of a booked traveller with no API data (ZQMARKNAME CHARLES). */
const pnrOther = fixture
  .replaceAll('06A9FD', MARKERS.locatorOther)
  .replace('CHARLES.ACKARY//YAHOO.COM', `${MARKERS.emailOther}//EXAMPLE.ORG`)
  .replaceAll('ACKARY', 'ZQMARKNAME')
  .replace('602120901', MARKERS.documentOther)
  .replace('64885200435', '38700000001')
  .replace('3285 LEYSHON AVENUE', '1 OTHER STREET');
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

const pnrCleared: readonly Role[] = ['admin', 'pnr-analyst'];

interface Call {
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
  /** 'shown': PNR-cleared roles see PNR values here; 'never': no role sees any. */
  pnr: 'shown' | 'never';
}

/** The marker strings found in a response body. */
const markersIn = (body: string) => markerList.filter((marker) => body.toLowerCase().includes(marker));

describe.each(databaseTargets)('PNR visibility on $name', (target) => {
  let t: TestApp;
  const as = new Map<Role, Record<string, string>>();
  const ids: Record<string, string> = {};

  const call = async (who: Role, method: string, url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: as.get(who)!,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: response.statusCode, text: response.body, body: safeJson(response.body) };
  };
  const safeJson = (text: string): Json => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    const users: [Role, string, string][] = [
      ['pnr-analyst', 'pnr.piu', 'BA-PIU'],
      ['analyst', 'analyst.sjj', 'BA-SJJ-JAITF'],
      ['officer', 'officer.sjj', 'BA-SJJ-JAITF'],
      ['supervisor', 'supervisor.sjj', 'BA-SJJ-JAITF'],
      ['viewer', 'viewer.sjj', 'BA-SJJ-JAITF'],
    ];
    for (const [role, username, unit] of users) {
      await t.createUser(username, [role], unit);
      as.set(role, await t.signIn(username, ADMIN_PASSWORD));
    }
    as.set('admin', await t.signIn());
    as.set('data-provider', await t.tokenFor('data-provider', 'BA-SJJ-JAITF'));

    const post = async (who: Role, url: string, payload: unknown, contentType?: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...as.get(who)!, ...(contentType ? { 'content-type': contentType } : {}) },
        payload: payload as string,
      });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as Json;
    };
    const activeRule = async (who: Role, rule: object) => {
      const created = await post(who, '/api/v1/rules', { category: 'drugs', ...rule });
      const activated = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/rules/${created.id}`,
        headers: as.get(who)!,
        payload: { state: 'active' },
      });
      expect(activated.statusCode).toBe(200);
      return created.id as string;
    };
    const onContactDomain = { field: 'reservation.emails', operator: 'endsWith', value: '@example.org' };
    ids.travellerPnrRule = await activeRule('pnr-analyst', {
      name: 'Booked with a contact of the domain',
      condition: onContactDomain,
    });
    ids.reservationRule = await activeRule('pnr-analyst', {
      subject: 'reservation',
      name: 'Reservation with a contact of the domain',
      condition: onContactDomain,
    });
    ids.plainRule = await activeRule('analyst', {
      name: 'From Frankfurt',
      condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
    });
    const list = await post('analyst', '/api/v1/watchlists', { name: 'Persons of interest', kind: 'person' });
    await post('analyst', `/api/v1/watchlists/${list.id}/entries`, { primaryName: 'Charlesmr Zqmarkname' });

    ids.paxlstMessage = (await post('pnr-analyst', '/api/v1/messages', paxlst, 'text/plain')).id;
    ids.pnrMessage = (await post('pnr-analyst', '/api/v1/messages', pnrBooked, 'text/plain')).id;
    await post('pnr-analyst', '/api/v1/messages', pnrOther, 'text/plain');
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();

    const admin = async (url: string) => (await call('admin', 'GET', url)).body;
    const hits = (await admin('/api/v1/hits?pageSize=200')).items as Json[];
    const hit = (predicate: (h: Json) => boolean, what: string) => {
      const found = hits.find(predicate);
      if (!found) throw new Error(`no ${what} among ${JSON.stringify(hits.map((h) => h.subjectName))}`);
      return found;
    };
    const onApiTraveller = (h: Json) => h.rule?.id === ids.travellerPnrRule && h.subjectKind === 'traveller';
    ids.travellerPnrHit = hit(onApiTraveller, 'traveller PNR-rule hit').id;
    // The same traveller rule on the booked traveller of the other reservation (on no passenger list).
    ids.bookedTravellerHit = hit(
      (h) => h.rule?.id === ids.travellerPnrRule && h.subjectKind === 'reservation',
      'traveller PNR-rule hit on a booked traveller',
    ).id;
    ids.reservationHit = hit(
      (h) => h.rule?.id === ids.reservationRule && h.subjectName.includes(MARKERS.locatorBooked),
      'reservation rule hit',
    ).id;
    ids.bookedNameHit = hit((h) => h.source === 'watchlist', 'watchlist hit on a booked name').id;
    ids.plainHit = hit((h) => h.rule?.id === ids.plainRule, 'plain rule hit').id;
    ids.traveller = hit(onApiTraveller, 'traveller').travellerId;
    ids.flight = hit((h) => h.rule?.id === ids.plainRule, 'flight').flight.id;
    const reservations = (await admin('/api/v1/reservations')).items as Json[];
    ids.reservation = reservations.find((r) => r.recordLocator === MARKERS.locatorBooked).id;
    ids.otherReservation = reservations.find((r) => r.recordLocator === MARKERS.locatorOther).id;
    ids.watchlist = list.id;
    ids.entry = (await admin(`/api/v1/watchlists/${list.id}/entries`)).items[0].id;
  });
  afterAll(() => t.close());

  /** Every GET route (by its path in the route table) with the calls that exercise it. */
  const matrix = (): Record<string, Call[]> => ({
    '/api/v1/health': [{ method: 'GET', url: '/api/v1/health', pnr: 'never' }],
    '/api/v1/auth/session': [{ method: 'GET', url: '/api/v1/auth/session', pnr: 'never' }],
    '/api/v1/auth/second-factor': [{ method: 'GET', url: '/api/v1/auth/second-factor', pnr: 'never' }],
    '/api/v1/users': [{ method: 'GET', url: '/api/v1/users', pnr: 'never' }],
    '/api/v1/tokens': [{ method: 'GET', url: '/api/v1/tokens', pnr: 'never' }],
    '/api/v1/admin/jobs': [{ method: 'GET', url: '/api/v1/admin/jobs', pnr: 'never' }],
    '/api/v1/messages': [{ method: 'GET', url: '/api/v1/messages', pnr: 'never' }],
    '/api/v1/messages/{id}': [
      { method: 'GET', url: `/api/v1/messages/${ids.pnrMessage}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/messages/${ids.paxlstMessage}`, pnr: 'never' },
    ],
    '/api/v1/flights': [{ method: 'GET', url: '/api/v1/flights', pnr: 'never' }],
    '/api/v1/flights/{id}': [{ method: 'GET', url: `/api/v1/flights/${ids.flight}`, pnr: 'never' }],
    '/api/v1/travellers': [
      { method: 'GET', url: '/api/v1/travellers?name=ackary', pnr: 'never' },
      // A traveller booked in a reservation and on no passenger list: found by PNR-cleared roles.
      { method: 'GET', url: '/api/v1/travellers?name=zqmarkname', pnr: 'shown' },
      { method: 'GET', url: `/api/v1/travellers?document=${MARKERS.documentOther}`, pnr: 'shown' },
    ],
    '/api/v1/travellers/{id}': [{ method: 'GET', url: `/api/v1/travellers/${ids.traveller}`, pnr: 'shown' }],
    '/api/v1/reservations': [
      { method: 'GET', url: '/api/v1/reservations', pnr: 'shown' },
      { method: 'GET', url: `/api/v1/reservations?flight=${ids.flight}`, pnr: 'shown' },
      { method: 'GET', url: '/api/v1/reservations?name=zqmarkname', pnr: 'shown' },
    ],
    '/api/v1/reservations/{id}': [
      { method: 'GET', url: `/api/v1/reservations/${ids.reservation}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/reservations/${ids.otherReservation}`, pnr: 'shown' },
    ],
    '/api/v1/reservations/{id}/versions/{version}': [
      { method: 'GET', url: `/api/v1/reservations/${ids.reservation}/versions/1`, pnr: 'shown' },
    ],
    '/api/v1/retention/policy': [{ method: 'GET', url: '/api/v1/retention/policy', pnr: 'never' }],
    '/api/v1/retention/runs': [{ method: 'GET', url: '/api/v1/retention/runs', pnr: 'never' }],
    '/api/v1/rules/fields': [{ method: 'GET', url: '/api/v1/rules/fields', pnr: 'never' }],
    '/api/v1/rules': [
      { method: 'GET', url: '/api/v1/rules', pnr: 'never' },
      {
        method: 'POST',
        url: '/api/v1/rules/test',
        payload: {
          travellerId: ids.traveller,
          condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
        },
        pnr: 'shown',
      },
    ],
    '/api/v1/rules/effectiveness': [{ method: 'GET', url: '/api/v1/rules/effectiveness', pnr: 'never' }],
    '/api/v1/rules/{id}': [
      { method: 'GET', url: `/api/v1/rules/${ids.travellerPnrRule}`, pnr: 'never' },
      {
        method: 'POST',
        url: `/api/v1/rules/${ids.travellerPnrRule}/test`,
        payload: { travellerId: ids.traveller },
        pnr: 'shown',
      },
      {
        method: 'POST',
        url: `/api/v1/rules/${ids.plainRule}/test`,
        payload: { travellerId: ids.traveller },
        pnr: 'shown',
      },
      {
        method: 'POST',
        url: `/api/v1/rules/${ids.reservationRule}/backtest`,
        payload: { from: '2018-05-01', to: '2018-05-31' },
        pnr: 'shown',
      },
      {
        method: 'POST',
        url: `/api/v1/rules/${ids.plainRule}/backtest`,
        payload: { from: '2018-05-01', to: '2018-05-31' },
        pnr: 'never',
      },
    ],
    '/api/v1/code-lists': [{ method: 'GET', url: '/api/v1/code-lists', pnr: 'never' }],
    '/api/v1/code-lists/{id}': [],
    '/api/v1/lists': [{ method: 'GET', url: '/api/v1/lists', pnr: 'never' }],
    '/api/v1/hits': [
      { method: 'GET', url: '/api/v1/hits?pageSize=200', pnr: 'shown' },
      { method: 'GET', url: '/api/v1/hits?group=subject&pageSize=200', pnr: 'shown' },
      { method: 'GET', url: `/api/v1/hits?rule=${ids.reservationRule}`, pnr: 'shown' },
    ],
    // Server-sent events carry counts only; who is told is tested with the watchlists.
    '/api/v1/hits/stream': [],
    '/api/v1/hits/{id}': [
      { method: 'GET', url: `/api/v1/hits/${ids.reservationHit}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/hits/${ids.travellerPnrHit}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/hits/${ids.bookedNameHit}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/hits/${ids.bookedTravellerHit}`, pnr: 'shown' },
      { method: 'GET', url: `/api/v1/hits/${ids.plainHit}`, pnr: 'never' },
    ],
    // Units and users: no PNR value, whatever the hit.
    '/api/v1/hits/{id}/referral-recipients': [
      { method: 'GET', url: `/api/v1/hits/${ids.reservationHit}/referral-recipients`, pnr: 'never' },
      { method: 'GET', url: `/api/v1/hits/${ids.bookedNameHit}/referral-recipients`, pnr: 'never' },
    ],
    '/api/v1/screening/status': [{ method: 'GET', url: '/api/v1/screening/status', pnr: 'never' }],
    '/api/v1/watchlists': [{ method: 'GET', url: '/api/v1/watchlists', pnr: 'never' }],
    '/api/v1/watchlists/csv-template': [
      { method: 'GET', url: '/api/v1/watchlists/csv-template', pnr: 'never' },
    ],
    '/api/v1/watchlists/{id}': [{ method: 'GET', url: `/api/v1/watchlists/${ids.watchlist}`, pnr: 'never' }],
    '/api/v1/watchlists/{id}/entries': [
      { method: 'GET', url: `/api/v1/watchlists/${ids.watchlist}/entries`, pnr: 'never' },
    ],
    '/api/v1/watchlists/{id}/imports': [
      { method: 'GET', url: `/api/v1/watchlists/${ids.watchlist}/imports`, pnr: 'never' },
    ],
    '/api/v1/watchlist-imports': [{ method: 'GET', url: '/api/v1/watchlist-imports', pnr: 'never' }],
    '/api/v1/watchlist-entries/{id}': [
      { method: 'GET', url: `/api/v1/watchlist-entries/${ids.entry}`, pnr: 'never' },
    ],
    '/api/v1/screen/status': [{ method: 'GET', url: '/api/v1/screen/status', pnr: 'never' }],
    '/api/v1/reference/jurisdictions': [
      { method: 'GET', url: '/api/v1/reference/jurisdictions', pnr: 'never' },
    ],
    '/api/v1/reference/agencies': [{ method: 'GET', url: '/api/v1/reference/agencies', pnr: 'never' }],
    '/api/v1/reference/locations': [{ method: 'GET', url: '/api/v1/reference/locations', pnr: 'never' }],
    '/api/v1/reference/units': [{ method: 'GET', url: '/api/v1/reference/units', pnr: 'never' }],
    '/api/v1/reference/jurisdictions/{code}': [
      { method: 'GET', url: '/api/v1/reference/jurisdictions/BA', pnr: 'never' },
    ],
  });

  it('holds every GET route of the application in the matrix', () => {
    const paths = (
      t.app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }
    ).swagger().paths;
    const getRoutes = Object.entries(paths)
      .filter(([path, methods]) => path.startsWith('/api/') && 'get' in methods)
      .map(([path]) => path);
    expect(getRoutes.length).toBeGreaterThan(20);
    const known = matrix();
    expect(getRoutes.filter((path) => !(path in known))).toEqual([]);
  });

  it.each(roles)('shows PNR values to %s only when the role may see them', async (role) => {
    const cleared = pnrCleared.includes(role);
    for (const calls of Object.values(matrix()))
      for (const { method, url, payload, pnr } of calls) {
        const response = await call(role, method, url, payload);
        const found = markersIn(response.text);
        const where = `${role} ${method} ${url} (${response.status})`;
        if (!cleared || pnr === 'never') expect(found, where).toEqual([]);
        else {
          expect(response.status, where).toBeLessThan(300);
          expect(found.length, `${where} shows no PNR value: ${response.text.slice(0, 300)}`).toBeGreaterThan(
            0,
          );
        }
      }
  });

  it('lets an officer see and act on a PNR hit with its values withheld', async () => {
    const queue = (await call('officer', 'GET', '/api/v1/hits?pageSize=200')).body.items as Json[];
    const reservationHit = queue.find((h) => h.id === ids.reservationHit);
    expect(reservationHit).toMatchObject({ subjectKind: 'reservation', subjectName: { withheld: 'pnr' } });
    const detail = (await call('officer', 'GET', `/api/v1/hits/${ids.travellerPnrHit}`)).body;
    expect(detail.explanation.conditions).toMatchObject({
      field: 'reservation.emails',
      held: true,
      actual: { withheld: 'pnr' },
    });
    const bookedName = (await call('officer', 'GET', `/api/v1/hits/${ids.bookedNameHit}`)).body;
    expect(bookedName.explanation).toMatchObject({ query: { withheld: 'pnr' }, match: { withheld: 'pnr' } });
    const reviewed = await call('officer', 'PATCH', `/api/v1/hits/${ids.reservationHit}`, {
      status: 'in-review',
    });
    expect(reviewed.status).toBe(200);
    expect(markersIn(reviewed.text)).toEqual([]);

    const message = (await call('officer', 'GET', `/api/v1/messages/${ids.pnrMessage}`)).body;
    expect(message).toMatchObject({ format: 'PNRGOV', content: { withheld: 'pnr' } });
    const test = (
      await call('officer', 'POST', '/api/v1/rules/test', {
        travellerId: ids.traveller,
        condition: { field: 'flight.origin', operator: 'equals', value: 'FRA' },
      })
    ).body;
    expect(test).toMatchObject({ fired: true, record: { 'reservation.emails': { withheld: 'pnr' } } });
  });

  it('refuses rules on reservation fields to roles without PNR clearance, naming the condition', async () => {
    const condition = {
      all: [
        { field: 'flight.origin', operator: 'equals', value: 'FRA' },
        { field: 'reservation.emails', operator: 'contains', value: 'a' },
      ],
    };
    const written = await call('analyst', 'POST', '/api/v1/rules', {
      name: 'Guessing e-mails',
      category: 'drugs',
      condition,
    });
    expect(written.status).toBe(403);
    expect(written.body.error).toMatchObject({ code: 'pnr_restricted' });
    expect(written.body.error.message).toContain('all[1] (reservation.emails)');
    // Whether a condition on an e-mail holds tells the e-mail: trying one is refused as well.
    const tried = await call('officer', 'POST', '/api/v1/rules/test', {
      travellerId: ids.traveller,
      condition,
    });
    expect(tried.status).toBe(403);
    const plain = await call('analyst', 'PATCH', `/api/v1/rules/${ids.plainRule}`, {
      condition: { field: 'reservation.phones', operator: 'notEmpty' },
    });
    expect(plain.status).toBe(403);
    expect(plain.body.error.message).toContain('rule (reservation.phones)');
    const activated = await call('analyst', 'PATCH', `/api/v1/rules/${ids.travellerPnrRule}`, {
      state: 'retired',
    });
    expect(activated.status).toBe(403);
  });
});
