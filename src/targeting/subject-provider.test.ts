import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { SubjectProviders, type SubjectProvider } from './subject-provider.js';

const provider = (kind: string, ruleSubject: 'traveller' | 'reservation'): SubjectProvider =>
  ({ kind, ruleSubject }) as SubjectProvider;

describe('subject providers', () => {
  it('finds a provider by kind and by the rules its records are read by, and refuses a kind twice', () => {
    const travellers = provider('traveller', 'traveller');
    const reservations = provider('reservation', 'reservation');
    const registry = new SubjectProviders([travellers, reservations]);
    expect(registry.get('reservation')).toBe(reservations);
    expect(registry.forRules('traveller')).toBe(travellers);
    expect(registry.all()).toEqual([travellers, reservations]);
    expect(registry.find('consignment')).toBeUndefined();
    expect(() => registry.get('consignment')).toThrow('No subject provider for consignment');
    expect(() => registry.register(provider('traveller', 'traveller'))).toThrow('registered already');
  });
});

const PAXLST = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:1'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('hits point at their subject by kind and id on $name', (target) => {
  let t: TestApp;
  let travellerId: string;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    const headers = await t.signIn();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: PAXLST,
    });
    travellerId = (
      await t.services.database.db.selectFrom('travellers').select('id').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const insert = (columns: { kind: string; subject: string; traveller: string | null }) =>
    sql`insert into hits (jurisdiction_code, subject_kind, subject_id, traveller_id, source, dedupe_key,
        subject_name, severity, category, explanation)
      values ('BA', ${columns.kind}, ${columns.subject}::uuid, ${columns.traveller}::uuid, 'rule',
        ${`test:${Math.random()}`}, 'test', 'low', 'test', '{}')`.execute(t.services.database.db);

  it('keeps the subject id in the column of its kind, whose foreign key holds it', async () => {
    await insert({ kind: 'traveller', subject: travellerId, traveller: travellerId });
    const other = '00000000-0000-4000-8000-000000000001';
    // The kind's column must name the subject.
    await expect(insert({ kind: 'traveller', subject: other, traveller: travellerId })).rejects.toThrow(
      /hits_subject_reference/,
    );
    // A reservation's hit with no reservation, and a kind no column holds, are refused.
    await expect(insert({ kind: 'reservation', subject: travellerId, traveller: null })).rejects.toThrow(
      /hits_subject_reference/,
    );
    await expect(insert({ kind: 'consignment', subject: travellerId, traveller: null })).rejects.toThrow(
      /hits_subject_reference/,
    );
    // The subject must exist (the traveller's foreign key).
    await expect(insert({ kind: 'traveller', subject: other, traveller: other })).rejects.toThrow(
      /foreign key/,
    );
    // Deleting the subject deletes its hits.
    await t.services.database.db.deleteFrom('travellers').where('id', '=', travellerId).execute();
    const left = await t.services.database.db
      .selectFrom('hits')
      .select('id')
      .where('subject_id', '=', travellerId)
      .execute();
    expect(left).toEqual([]);
  });
});
