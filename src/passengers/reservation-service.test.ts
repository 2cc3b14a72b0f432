import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { ScreeningSubjectStore } from './screening-subject-store.js';
import { allStrings } from './reservation-privacy.js';

const pnr = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);
/** The 24-hour push of the same booking: a new e-mail and another seat. */
const pnrUpdated = pnr.replace('CHARLES.ACKARY//YAHOO.COM', 'C.ACKARY//GMAIL.COM').replaceAll('23K', '24A');
/** The airline's API list for the booked flight, with the same traveller. */
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "CNT+42:1'UNT+14+1'UNZ+1+1'",
].join('');
const personal = [
  'ACKARY',
  'CHARLES',
  '602120901',
  '64885200435',
  'yahoo',
  'gmail',
  'LEYSHON',
  '8675309',
  '143854',
  '1948-12-26',
  '44029044029044',
];

/** Uploads a message as the given user; the response body. */
async function pushMessage(t: TestApp, headers: Record<string, string>, body: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/messages',
    headers: { ...headers, 'content-type': 'text/plain' },
    payload: body,
  });
  return response.json();
}

describe.each(databaseTargets)('reservations (PNR) on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let officer: Record<string, string>;
  let reservationId: string;
  const messageIds: string[] = [];
  const push = async (body: string) => {
    const result = await pushMessage(t, admin, body);
    messageIds.push(result.id);
    return result;
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
    await t.createUser('pnr.analyst', ['pnr-analyst'], 'BA-PIU');
    await t.createUser('officer.sjj', ['officer'], 'BA-SJJ-JAITF');
    analyst = await t.signIn('pnr.analyst', 'correct horse battery staple');
    officer = await t.signIn('officer.sjj', 'correct horse battery staple');
  });
  afterAll(() => t.close());

  it('stores a pushed PNR with its flights and derived facts', async () => {
    const result = await push(pnr);
    expect(result).toMatchObject({ format: 'PNRGOV', status: 'parsed', travellers: 1 });
    expect(result.flights).toHaveLength(3);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reservations?locator=06a9fd', headers: analyst })
    ).json();
    expect(list.total).toBe(1);
    reservationId = list.items[0].id;
    expect(list.items[0]).toMatchObject({
      recordLocator: '06A9FD',
      owningCarrier: 'UA',
      version: 1,
      travellerCount: 1,
      lastFlightDate: '2018-05-12',
    });
    expect(list.items[0].facts).toMatchObject({
      paidInCash: true,
      tripType: 'one-way',
      travellerCount: 1,
      routeCountries: ['NA', 'ET', 'DE', 'US'],
    });
  });

  it('shows PNR data to PNR analysts only; officers see that a reservation exists', async () => {
    const restricted = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: officer })
    ).json();
    expect(restricted.reservation).toEqual({
      id: reservationId,
      restricted: true,
      owningCarrier: 'UA',
      travellerCount: 1,
      firstDepartureLocal: '2018-05-11T14:20:00',
    });
    expect(JSON.stringify(restricted)).not.toMatch(/ACKARY|06A9FD/);
    const full = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: analyst })
    ).json();
    expect(full.reservation.data.travellers[0]).toMatchObject({ surname: 'ACKARY' });
    expect(full.reservation.data.contacts.emails[0].address).toBe('charles.ackary@yahoo.com');
    const reads = await t.services.database.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'reservation.read')
      .execute();
    expect(reads.map((r) => r.actor_name)).toEqual(['pnr.analyst']);
  });

  it('keeps every push as a version and shows what changed', async () => {
    const result = await push(pnrUpdated);
    expect(result.status).toBe('parsed');
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: analyst })
    ).json();
    expect(detail.reservation.version).toBe(2);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const changes = detail.versions[1].changes;
    expect(changes).toContainEqual({ area: 'email', change: 'added', value: 'c.ackary@gmail.com' });
    expect(changes).toContainEqual({ area: 'email', change: 'removed', value: 'charles.ackary@yahoo.com' });
    expect(
      changes.filter((c: { area: string }) => c.area === 'seat').map((c: { value: string }) => c.value),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/24A/), expect.stringMatching(/23K/)]));
    const first = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${reservationId}/versions/1`,
        headers: analyst,
      })
    ).json();
    expect(first.data.contacts.emails[0].address).toBe('charles.ackary@yahoo.com');
  });

  it('links the booked traveller to the API traveller of the same flight', async () => {
    const result = await push(paxlst);
    expect(result).toMatchObject({ status: 'parsed', travellers: 1 });
    const traveller = (
      await t.app.inject({ method: 'GET', url: '/api/v1/travellers?document=602120901', headers: analyst })
    ).json().items[0];
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/travellers/${traveller.id}`, headers: analyst })
    ).json();
    expect(detail.reservations).toHaveLength(1);
    expect(detail.reservations[0]).toMatchObject({ recordLocator: '06A9FD', restricted: false });
    const asOfficer = (
      await t.app.inject({ method: 'GET', url: `/api/v1/travellers/${traveller.id}`, headers: officer })
    ).json();
    expect(asOfficer.reservations[0]).toMatchObject({ restricted: true });
    expect(asOfficer.reservations[0].recordLocator).toBeUndefined();
  });

  it('depersonalises after six months: nothing personal is readable, unmasking needs a reason', async () => {
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/run',
      headers: admin,
      payload: { asOf: '2018-12-13' },
    });
    expect(run.json()).toMatchObject({ masked: [reservationId], deleted: [], messagesSealed: 2 });
    const responses = [
      await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: analyst }),
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${reservationId}/versions/1`,
        headers: analyst,
      }),
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reservations/${reservationId}/versions/2`,
        headers: analyst,
      }),
      await t.app.inject({ method: 'GET', url: '/api/v1/reservations', headers: analyst }),
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${messageIds[0]}`, headers: admin }),
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${messageIds[1]}`, headers: admin }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      const text = allStrings(response.json()).join('\n').toLowerCase();
      for (const value of personal) expect(text).not.toContain(value.toLowerCase());
    }
    expect(responses[0]!.json().reservation).toMatchObject({ masked: true, recordLocator: '06A9FD' });
    expect(responses[0]!.json().coTravellers).toEqual([]);
    const stored = await t.services.database.db
      .selectFrom('reservations')
      .select('links')
      .where('id', '=', reservationId)
      .executeTakeFirstOrThrow();
    expect(stored.links).toEqual([]);
    expect(responses[0]!.json().reservation.data.itinerary).toHaveLength(3);

    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${reservationId}/unmask`,
      headers: analyst,
      payload: { reason: 'x' },
    });
    expect(noReason.statusCode).toBe(422);
    const byOfficer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${reservationId}/unmask`,
      headers: officer,
      payload: { reason: 'case 2018/77 drug courier' },
    });
    expect(byOfficer.statusCode).toBe(403);
    const unmasked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reservations/${reservationId}/unmask`,
      headers: analyst,
      payload: { reason: 'Prosecutor request 2018/77, courier network' },
    });
    expect(unmasked.json().versions[0].data.travellers[0].surname).toBe('ACKARY');
    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'reason'])
      .where('action', '=', 'reservation.unmask')
      .execute();
    expect(audit).toEqual([
      { actor_name: 'pnr.analyst', reason: 'Prosecutor request 2018/77, courier network' },
    ]);
  });

  it('deletes after five years unless held with a reason', async () => {
    const hold = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/reservations/${reservationId}/hold`,
      headers: analyst,
      payload: { reason: 'Tied to seizure case BA-2018-0042' },
    });
    expect(hold.statusCode).toBe(204);
    const kept = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/retention/run',
        headers: admin,
        payload: { asOf: '2023-06-01' },
      })
    ).json();
    expect(kept).toMatchObject({ deleted: [], held: 1 });
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: analyst })
      ).json().reservation.hold,
    ).toBe('Tied to seizure case BA-2018-0042');
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reservations/${reservationId}/hold`,
      headers: analyst,
    });
    const deleted = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/retention/run',
        headers: admin,
        payload: { asOf: '2023-06-01' },
      })
    ).json();
    expect(deleted).toMatchObject({ deleted: [reservationId], messagesDeleted: 2 });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${reservationId}`, headers: analyst }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/messages/${messageIds[0]}`, headers: admin }))
        .statusCode,
    ).toBe(404);
    const runs = await t.services.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'retention.run')
      .execute();
    expect(runs).toHaveLength(3);
  });
});

describe.each(databaseTargets)('reservations pushed after the passenger list on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const push = (body: string) => pushMessage(t, admin, body);
  const reservationsOfTraveller = async () => {
    const traveller = (
      await t.app.inject({ method: 'GET', url: '/api/v1/travellers?document=602120901', headers: admin })
    ).json().items[0];
    return (
      await t.app.inject({ method: 'GET', url: `/api/v1/travellers/${traveller.id}`, headers: admin })
    ).json().reservations;
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('links the booked traveller as the reservation arrives, and again at its next push', async () => {
    expect(await push(paxlst)).toMatchObject({ status: 'parsed', travellers: 1 });
    expect(await push(pnr)).toMatchObject({ status: 'parsed', travellers: 1 });
    expect(await reservationsOfTraveller()).toMatchObject([{ recordLocator: '06A9FD', version: 1 }]);
    expect(await push(pnrUpdated)).toMatchObject({ status: 'parsed', travellers: 1 });
    expect(await reservationsOfTraveller()).toMatchObject([{ recordLocator: '06A9FD', version: 2 }]);
  });
});

describe.each(databaseTargets)('co-travellers on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const push = (body: string) => pushMessage(t, admin, body);
  const detailOf = async (locator: string) => {
    const id = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reservations?locator=${locator}`, headers: admin })
    ).json().items[0].id;
    return (await t.app.inject({ method: 'GET', url: `/api/v1/reservations/${id}`, headers: admin })).json();
  };
  const shared = (detail: { coTravellers: { recordLocator: string; sharedBy: string; value: string }[] }) =>
    detail.coTravellers.map((c) => `${c.recordLocator} ${c.sharedBy} ${c.value}`);

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('finds the bookings that share a phone, an e-mail or a card, as each push leaves them', async () => {
    // Another booking from the same contact, already with the address the first one changes to.
    const companion = pnrUpdated.replaceAll('06A9FD', 'K7Q2ZX');
    expect(await push(pnr)).toMatchObject({ status: 'parsed' });
    expect(await push(companion)).toMatchObject({ status: 'parsed' });
    const before = shared(await detailOf('K7Q2ZX'));
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((line) => line.startsWith('06A9FD '))).toBe(true);
    expect(before.some((line) => line.includes(' email '))).toBe(false);
    expect(shared(await detailOf('06A9FD')).map((line) => line.replace('K7Q2ZX', '06A9FD'))).toEqual(before);

    // The next push of the first booking carries the new address: its links are replaced.
    expect(await push(pnrUpdated)).toMatchObject({ status: 'parsed' });
    const after = shared(await detailOf('K7Q2ZX'));
    expect(after).toContain('06A9FD email c.ackary@gmail.com');
    expect(after.filter((line) => !line.includes(' email '))).toEqual(before);

    // What rules read of the reservation: its contacts and how many bookings it shares them with.
    const companionId = (await detailOf('K7Q2ZX')).reservation.id;
    const [subject] = await new ScreeningSubjectStore(t.services.database.db).reservations([companionId]);
    expect(subject).toMatchObject({ recordLocator: 'K7Q2ZX', coTravellerCount: 1 });
    expect(subject!.emails).toEqual(['c.ackary@gmail.com']);
    expect(subject!.phones.length).toBeGreaterThan(0);
  });
});

describe.each(databaseTargets)('booked travellers across pushes on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const twoTravellers = readFileSync(
    new URL('../../test/fixtures/edifact/pnrgov/pnr2.txt', import.meta.url),
    'utf8',
  );
  /** The next push: the second traveller is off the booking, the first travels on another passport. */
  const oneTraveller = twoTravellers
    .replace(/TIF\+COOPER\+GARYMR:A:2' \r?\nFTI[\s\S]*?FOP\+CC:::DC:XXXXXXXX3578:0211'\r?\n/, '')
    .replace('/123456789/', '/555666777/');
  const booked = async () =>
    (
      await t.services.database.db
        .selectFrom('reservation_travellers as rt')
        .innerJoin('reservations as r', 'r.id', 'rt.reservation_id')
        .select(['r.version', 'rt.sequence', 'rt.surname', 'rt.document_number'])
        .where('r.record_locator', '=', '23456')
        .orderBy('rt.sequence')
        .execute()
    ).map((row) => `${row.version} ${row.sequence} ${row.surname} ${row.document_number}`);

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('replaces the booked travellers with those of the latest push: one updated, one gone', async () => {
    // The traveller's own group is cut out; the check-in history still names him.
    expect(oneTraveller.split('COOPER').length).toBe(twoTravellers.split('COOPER').length - 1);
    expect(await pushMessage(t, admin, twoTravellers)).toMatchObject({ status: 'parsed', travellers: 2 });
    expect(await booked()).toEqual(['1 1 WAYNE 123456789', '1 2 COOPER 987654321']);
    expect(await pushMessage(t, admin, oneTraveller)).toMatchObject({ status: 'parsed', travellers: 1 });
    expect(await booked()).toEqual(['2 1 WAYNE 555666777']);
  });
});
