import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { listMigrations, migrate } from '../db/migrator.js';
import { parsePnrgov } from '../passengers/pnrgov.js';
import { messageListQuerySchema } from './model.js';
import { MessageStore } from './store.js';
import { storedAnswer, storedKinds } from './stored.js';

const fixture = (path: string) =>
  readFileSync(new URL(`../../test/fixtures/edifact/${path}`, import.meta.url));

describe('storedKinds and storedAnswer', () => {
  it('keeps one entry per kind in the order first returned, counts every id, and drops empty kinds', () => {
    const kinds = storedKinds([
      { kind: 'consignment', ids: ['c1', 'c2'] },
      { kind: 'flight', ids: [] },
      { kind: 'vessel-call', ids: ['v1'] },
      { kind: 'consignment', ids: ['c3', 'c1'] },
    ]);
    expect(kinds).toEqual([
      { kind: 'consignment', count: 4, ids: ['c1', 'c2', 'c3', 'c1'] },
      { kind: 'vessel-call', count: 1, ids: ['v1'] },
    ]);
    expect(storedAnswer(kinds)).toEqual({
      flights: [],
      travellers: 0,
      stored: [
        { kind: 'consignment', count: 4 },
        { kind: 'vessel-call', count: 1 },
      ],
    });
  });

  it('derives the flights and the people named from the kinds that are theirs', () => {
    expect(
      storedAnswer([
        { kind: 'flight', count: 2, ids: ['f1', 'f2'] },
        { kind: 'reservation', count: 1, ids: ['r1'] },
        { kind: 'booked-traveller', count: 3, ids: ['r1/1', 'r1/2', 'r1/3'] },
      ]),
    ).toEqual({
      flights: ['f1', 'f2'],
      travellers: 3,
      stored: [
        { kind: 'flight', count: 2 },
        { kind: 'reservation', count: 1 },
        { kind: 'booked-traveller', count: 3 },
      ],
    });
    // A message kept from before the ids were: the number alone.
    expect(storedAnswer([{ kind: 'traveller', count: 8 }]).travellers).toBe(8);
  });
});

describe.each(databaseTargets)('what a message stored, on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  const post = (payload: Buffer | string, filename: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/messages?filename=${filename}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload,
    });
  const keptIds = async (id: string) =>
    (
      await t.services.database.db
        .selectFrom('messages')
        .select('stored')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).stored;

  it('answers a passenger list with its flights and travellers, and keeps the ids of what it wrote', async () => {
    const response = await post(fixture('paxlst/Test1.txt'), 'Test1.txt');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({
      travellers: 8,
      stored: [
        { kind: 'flight', count: 1 },
        { kind: 'traveller', count: 8 },
      ],
    });
    expect(result.flights).toHaveLength(1);

    const [flights, travellers] = await keptIds(result.id);
    expect(flights).toEqual({ kind: 'flight', count: 1, ids: result.flights });
    const provenance = await t.services.database.db
      .selectFrom('traveller_messages')
      .select('traveller_id')
      .where('message_id', '=', result.id)
      .execute();
    expect(travellers!.ids!.toSorted()).toEqual(provenance.map((row) => row.traveller_id).toSorted());

    const again = (await post(fixture('paxlst/Test1.txt'), 'again.txt')).json();
    expect(again).toMatchObject({ status: 'duplicate', flights: result.flights, stored: result.stored });

    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers })
    ).json();
    expect(detail).toMatchObject({ travellers: 8, flights: result.flights, stored: result.stored });
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/messages?format=PAXLST', headers })
    ).json().items;
    expect(listed.find((item: { id: string }) => item.id === result.id)).toMatchObject({
      travellers: 8,
      flights: result.flights,
      stored: result.stored,
    });
  });

  it('answers a PNR push with its flights, reservations and booked travellers', async () => {
    const bytes = fixture('pnrgov/3_pnrs.edi');
    const parsed = parsePnrgov(bytes.toString('latin1'));
    const locators = new Set(parsed.messages.flatMap((m) => m.reservations.map((r) => r.recordLocator)));
    const response = await post(bytes, '3_pnrs.edi');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    const stored = new Map(
      (result.stored as { kind: string; count: number }[]).map((entry) => [entry.kind, entry.count]),
    );
    expect([...stored.keys()]).toEqual(['flight', 'reservation', 'booked-traveller']);
    expect(stored.get('flight')).toBe(result.flights.length);
    expect(stored.get('reservation')).toBe(locators.size);

    const [, reservations, booked] = await keptIds(result.id);
    const rows = await t.services.database.db
      .selectFrom('reservation_travellers')
      .select(['reservation_id', 'sequence'])
      .where('reservation_id', 'in', reservations!.ids!)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(result.travellers).toBe(rows.length);
    expect(booked!.ids!.toSorted()).toEqual(
      rows.map((row) => `${row.reservation_id}/${row.sequence}`).toSorted(),
    );
  });

  it('answers a rejected message with nothing stored', async () => {
    const result = (await post('not a message at all', 'notes.txt')).json();
    expect(result).toMatchObject({ status: 'rejected', flights: [], travellers: 0, stored: [] });
    expect(await keptIds(result.id)).toEqual([]);
  });
});

describe.each(databaseTargets)(
  'messages stored before their records were kept by kind, on $name',
  (target) => {
    it('keep their flights, reservations and number of travellers', async () => {
      const before = listMigrations().filter((migration) => migration.name < '20261205_0030');
      const handle = await target.create(before);
      try {
        const db = handle.db;
        await sql`insert into jurisdictions (code, name) values ('BA', 'Bosnia and Herzegovina')`.execute(db);
        const flight = '0b6f4e43-3c1d-4e8a-9a55-6c2f6f0c0001';
        const insertMessage = (
          sha: string,
          format: string,
          status: string,
          flights: string[],
          count: number,
        ) =>
          sql<{ id: string }>`insert into messages (sha256, format, status, received_by, jurisdiction_code,
            size_bytes, content, flight_ids, traveller_count)
          values (${sha}, ${format}, ${status}, 'old', 'BA', 1, 'x', ${flights}::uuid[], ${count})
          returning id`
            .execute(db)
            .then((result) => result.rows[0]!.id);
        const paxlst = await insertMessage('a', 'PAXLST', 'parsed', [flight], 300);
        const pnrgov = await insertMessage('b', 'PNRGOV', 'parsed', [flight], 4);
        const rejected = await insertMessage('c', 'PAXLST', 'rejected', [], 0);
        const reservation = (
          await sql<{ id: string }>`insert into reservations (jurisdiction_code, record_locator)
          values ('BA', 'ABC123') returning id`.execute(db)
        ).rows[0]!.id;
        for (const version of [1, 2])
          await sql`insert into reservation_versions (reservation_id, version, message_id, data)
          values (${reservation}, ${version}, ${pnrgov}, '{}')`.execute(db);

        await migrate(handle);
        const store = new MessageStore(db);
        const list = await store.list(messageListQuerySchema.parse({ sort: 'filename' }), null);
        const byId = new Map(list.items.map((item) => [item.id, item]));
        expect(byId.get(paxlst)).toMatchObject({
          flights: [flight],
          travellers: 300,
          stored: [
            { kind: 'flight', count: 1 },
            { kind: 'traveller', count: 300 },
          ],
        });
        expect(await store.get(pnrgov, ['BA'])).toMatchObject({
          flights: [flight],
          travellers: 4,
          stored: [
            { kind: 'flight', count: 1 },
            { kind: 'reservation', count: 1 },
            { kind: 'booked-traveller', count: 4 },
          ],
        });
        expect(byId.get(rejected)).toMatchObject({ flights: [], travellers: 0, stored: [] });
        expect((await store.findBySha256('b'))!.stored[1]).toEqual({
          kind: 'reservation',
          count: 1,
          ids: [reservation],
        });
      } finally {
        await handle.close();
      }
    });
  },
);
