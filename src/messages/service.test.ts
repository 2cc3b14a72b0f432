import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/edifact/paxlst/${name}`, import.meta.url));

function multipart(files: { name: string; content: Buffer | string }[]) {
  const boundary = '----interdict-test-boundary';
  const parts = files.map(
    (file) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${file.content.toString()}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(databaseTargets)('messages, flights and travellers on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  it('receives a raw PAXLST once and recognises the same bytes again', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages?filename=Test1.txt',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: fixture('Test1.txt'),
    });
    expect(first.statusCode).toBe(201);
    const result = first.json();
    expect(result).toMatchObject({
      format: 'PAXLST',
      status: 'parsed',
      travellers: 8,
      filename: 'Test1.txt',
      errors: [],
    });
    expect(result.flights).toHaveLength(1);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: fixture('Test1.txt'),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: result.id, status: 'duplicate', travellers: 8 });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/messages?format=PAXLST', headers });
    expect(
      list.json().items.filter((m: { sha256: string }) => m.sha256 === list.json().items[0].sha256),
    ).toHaveLength(1);

    const flight = await t.app.inject({
      method: 'GET',
      url: `/api/v1/flights/${result.flights[0]}`,
      headers,
    });
    const { flight: summary, travellers } = flight.json();
    expect(summary).toMatchObject({
      carrier: 'UA',
      departureAirport: 'FRA',
      arrivalAirport: 'IAD',
      scheduledDepartureLocal: '2017-01-27T17:25:00',
      scheduledDepartureUtc: '2017-01-27T16:25:00.000Z',
      passengerCount: 0,
      crewCount: 8,
    });
    expect(travellers.map((tr: { surname: string }) => tr.surname)).toContain('Steur');
    const steur = travellers.find((tr: { surname: string }) => tr.surname === 'Steur');
    expect(steur).toMatchObject({
      givenNames: expect.stringContaining('Andrea'),
      sex: 'F',
      dateOfBirth: '1978-07-06',
      nationality: 'GBR',
      documentType: 'P',
    });
  });

  it('answers per file for a multipart batch and keeps the rejected ones with their errors', async () => {
    const batch = multipart([
      { name: 'apisMessage.txt', content: fixture('apisMessage.txt') },
      { name: 'notes.txt', content: 'this is not an API message' },
      { name: 'multiple_flight_leg_apis.txt', content: fixture('multiple_flight_leg_apis.txt') },
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, ...batch.headers },
      payload: batch.payload,
    });
    expect(response.statusCode).toBe(200);
    const [apis, notes, multiLeg] = response.json().results;
    expect(apis).toMatchObject({ filename: 'apisMessage.txt', status: 'parsed', travellers: 2 });
    expect(apis.flights).toHaveLength(2);
    expect(multiLeg).toMatchObject({ status: 'parsed', travellers: 2 });
    expect(multiLeg.flights).toHaveLength(3);
    expect(notes).toMatchObject({ filename: 'notes.txt', status: 'rejected', format: 'unknown' });
    expect(notes.errors[0]).toMatchObject({ segment: 1, line: 1, column: 1 });
    expect(notes.errors[0].message).toMatch(/not a recognised message/);

    const rejected = await t.app.inject({ method: 'GET', url: '/api/v1/messages?status=rejected', headers });
    expect(rejected.json().items.map((m: { id: string }) => m.id)).toContain(notes.id);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/messages/${notes.id}`, headers });
    expect(detail.json()).toMatchObject({
      status: 'rejected',
      content: 'this is not an API message',
      errorCount: 1,
    });
  });

  it('rejects a PAXLST without its message header, pointing at the segment', async () => {
    const broken =
      "UNA:+.? 'UNB+UNOA:4+AIR1+DHS+070218:1545+000006640'BGM+745'NAD+FL+++CLARK:MICHAEL'UNZ+1+000006640'";
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'application/edifact' },
      payload: broken,
    });
    const result = response.json();
    expect(result.status).toBe('rejected');
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0].segment).toBeGreaterThan(0);
  });

  it('puts a multi-leg traveller on the manifest of every leg flown', async () => {
    const flights = (
      await t.app.inject({ method: 'GET', url: '/api/v1/flights?carrier=AA&sort=departure', headers })
    ).json().items;
    expect(
      flights.map(
        (f: { departureAirport: string; arrivalAirport: string }) =>
          `${f.departureAirport}-${f.arrivalAirport}`,
      ),
    ).toEqual(['ATL-ORD', 'ORD-JFK']);
    const [first, second] = flights;
    expect(first.passengerCount).toBe(1);
    expect(second.passengerCount).toBe(2);
    const manifest = (
      await t.app.inject({ method: 'GET', url: `/api/v1/flights/${first.id}`, headers })
    ).json().travellers;
    expect(manifest.map((tr: { givenNames: string }) => tr.givenNames)).toEqual(['MICHAEL']);
  });

  it('filters, sorts and pages flights', async () => {
    const page1 = (
      await t.app.inject({ method: 'GET', url: '/api/v1/flights?pageSize=2&sort=departure', headers })
    ).json();
    expect(page1.total).toBe(6);
    expect(page1.items).toHaveLength(2);
    const page3 = (
      await t.app.inject({ method: 'GET', url: '/api/v1/flights?pageSize=2&page=3&sort=departure', headers })
    ).json();
    expect(page3.items).toHaveLength(2);
    const jfk = (await t.app.inject({ method: 'GET', url: '/api/v1/flights?airport=jfk', headers })).json();
    expect(jfk.total).toBe(3);
    const range = (
      await t.app.inject({ method: 'GET', url: '/api/v1/flights?from=2017-01-01&to=2017-12-31', headers })
    ).json();
    expect(range.items.map((f: { carrier: string }) => f.carrier)).toEqual(['UA']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/flights?from=2017-13-45x', headers });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/from/);
  });

  it('finds travellers by name in any order and date of birth, and audits the reading', async () => {
    const found = (
      await t.app.inject({ method: 'GET', url: '/api/v1/travellers?name=michael%20clark', headers })
    ).json();
    expect(found.total).toBe(1);
    const michael = found.items[0];
    expect(michael).toMatchObject({
      surname: 'CLARK',
      givenNames: 'MICHAEL',
      dateOfBirth: '1972-09-07',
      sex: 'M',
    });
    const byBirth = (
      await t.app.inject({ method: 'GET', url: '/api/v1/travellers?dob=1973-04-07', headers })
    ).json();
    expect(byBirth.items.map((tr: { givenNames: string }) => tr.givenNames)).toEqual(['CHERYL']);

    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/travellers/${michael.id}`, headers })
    ).json();
    expect(detail.flights.map((f: { flightNumber: string }) => f.flightNumber)).toHaveLength(2);
    expect(detail.messages[0].filename).toBe('apisMessage.txt');
    expect(detail.traveller.reservationReference).toBe('TYR123');
    const reads = await t.services.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_name'])
      .where('action', '=', 'traveller.read')
      .execute();
    expect(reads).toContainEqual({ entity_id: michael.id, actor_name: 'admin' });
  });

  it('shows each jurisdiction its own records only', async () => {
    await t.createUser('officer.bar', ['officer'], 'ME-BAR-PCU');
    const montenegro = await t.signIn('officer.bar', 'correct horse battery staple');
    const flights = (
      await t.app.inject({ method: 'GET', url: '/api/v1/flights', headers: montenegro })
    ).json();
    expect(flights.total).toBe(0);
    const anyFlight = (await t.app.inject({ method: 'GET', url: '/api/v1/flights', headers })).json()
      .items[0];
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/flights/${anyFlight.id}`, headers: montenegro }))
        .statusCode,
    ).toBe(404);
    const travellers = (
      await t.app.inject({ method: 'GET', url: '/api/v1/travellers?name=clark', headers: montenegro })
    ).json();
    expect(travellers.total).toBe(0);
  });

  it('lets an airline push with a data-provider token but not read', async () => {
    const feed = await t.tokenFor('data-provider');
    const pushed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...feed, 'content-type': 'text/plain' },
      payload: fixture('flight1.txt'),
    });
    expect(pushed.statusCode).toBe(201);
    expect(pushed.json()).toMatchObject({ status: 'parsed', travellers: 10 });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/flights/${pushed.json().flights[0]}`,
          headers: feed,
        })
      ).statusCode,
    ).toBe(403);
  });
});
