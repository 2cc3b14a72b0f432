import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

/** A JSON response, read by the shape each test expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const unXml = readFileSync(
  new URL('../../test/fixtures/watchlists/un-consolidated-sample.xml', import.meta.url),
  'utf8',
);

/** A newer UN file: Aamir Ali Chaudhry gets another alias, Gedo Hamdan is delisted, a new person is listed. */
const unXmlNewer = unXml
  .replace('dateGenerated="2026-05-08T23:00:06.922Z"', 'dateGenerated="2026-06-01T10:00:00.000Z"')
  .replace(
    '<ALIAS_NAME>Huzaifa</ALIAS_NAME>',
    '<ALIAS_NAME>Huzaifa</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Hudhaifa</ALIAS_NAME>',
  )
  .replace(/<INDIVIDUAL>\s*<DATAID>6909526<\/DATAID>[\s\S]*?<\/INDIVIDUAL>/, (removed) =>
    removed
      .replace('<DATAID>6909526</DATAID>', '<DATAID>9900001</DATAID>')
      .replace(/<FIRST_NAME>[^<]*<\/FIRST_NAME>/, '<FIRST_NAME>RADOVAN</FIRST_NAME>')
      .replace(/<SECOND_NAME>[^<]*<\/SECOND_NAME>/, '<SECOND_NAME>ĐURIĆ</SECOND_NAME>')
      .replace(/<THIRD_NAME>[^<]*<\/THIRD_NAME>/, '')
      .replace(/<INDIVIDUAL_ALIAS>[\s\S]*?<\/INDIVIDUAL_ALIAS>/g, ''),
  );

const csv = [
  'id,primary_name,aliases,original_script_names,dates_of_birth,nationalities,sex,documents,reason,category,severity,valid_from,valid_to',
  'RS-17,Đorđe Petrović,Djordje Petrovic,Ђорђе Петровић,1979-04-12,RS,M,passport:008123456:RS,Suspected cocaine courier,drugs,high,2024-01-15,',
  'RS-18,Ana Kovač,,,1991,BA|HR,F,,Cash smuggling,cash,medium,,',
  'RS-19,Expired Person,,,1970,RS,M,,Old case,drugs,low,2010-01-01,2011-01-01',
].join('\r\n');

describe.each(databaseTargets)('watchlists on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  let officerRs: Record<string, string>;
  let viewer: Record<string, string>;
  let unPersons: string;
  let nationalList: string;

  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
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
    return { status: response.statusCode, body: response.json() as Json };
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
    await t.createUser('analyst.ba', ['analyst'], 'BA-PIU');
    await t.createUser('officer.rs', ['officer'], 'RS-BEG-JAITF');
    await t.createUser('viewer.ba', ['viewer'], 'BA-PIU');
    analyst = await t.signIn('analyst.ba', ADMIN_PASSWORD);
    officerRs = await t.signIn('officer.rs', ADMIN_PASSWORD);
    viewer = await t.signIn('viewer.ba', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('previews a UN list without storing anything, then imports individuals and entities into two lists', async () => {
    const preview = await call(
      'POST',
      '/api/v1/watchlists/imports/un-sc?preview=true&filename=un.xml',
      admin,
      unXml,
      'application/xml',
    );
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe('preview');
    expect(preview.body.lists.map((l: Json) => [l.kind, l.counts.added])).toEqual([
      ['person', 3],
      ['organisation', 1],
    ]);
    expect((await call('GET', '/api/v1/watchlists', admin)).body.items).toEqual([]);

    const applied = await call(
      'POST',
      '/api/v1/watchlists/imports/un-sc?filename=un.xml',
      admin,
      unXml,
      'application/xml',
    );
    expect(applied.body.status).toBe('applied');
    expect(applied.body.generatedAt).toBe('2026-05-08T23:00:06.922Z');
    const lists = (await call('GET', '/api/v1/watchlists', analyst)).body.items;
    expect(lists.map((l: Json) => [l.name, l.kind, l.source, l.activeEntries])).toEqual([
      ['UN Security Council Consolidated List: entities', 'organisation', 'un-sc', 1],
      ['UN Security Council Consolidated List: individuals', 'person', 'un-sc', 3],
    ]);
    unPersons = lists[1].id;
    const entries = (await call('GET', `/api/v1/watchlists/${unPersons}/entries?sort=name`, analyst)).body;
    expect(entries.total).toBe(3);
    expect(entries.items.map((e: Json) => e.primaryName)).toEqual([
      'AAMIR ALI CHAUDHRY',
      'ABDERRAHMANE OULD EL AMAR',
      'GEDO HAMDAN AHMED',
    ]);
    const again = await call('POST', '/api/v1/watchlists/imports/un-sc', admin, unXml, 'application/xml');
    expect(again.body.lists.map((l: Json) => l.counts.unchanged)).toEqual([3, 1]);
    expect(again.body.changes).toEqual([]);
  });

  it('re-imports a newer UN list: updates changed entries, deactivates removed ones and keeps their history', async () => {
    const preview = await call(
      'POST',
      '/api/v1/watchlists/imports/un-sc?preview=true',
      admin,
      unXmlNewer,
      'application/xml',
    );
    expect(preview.body.lists[0].counts).toMatchObject({
      total: 3,
      added: 1,
      updated: 1,
      unchanged: 1,
      deactivated: 1,
    });
    expect(preview.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'updated', externalId: '2999482', fields: ['aliases'] }),
        expect.objectContaining({ change: 'deactivated', externalId: '6909526', name: 'GEDO HAMDAN AHMED' }),
        expect.objectContaining({ change: 'added', externalId: '9900001', name: 'RADOVAN ĐURIĆ' }),
      ]),
    );
    const applied = await call(
      'POST',
      '/api/v1/watchlists/imports/un-sc',
      admin,
      unXmlNewer,
      'application/xml',
    );
    expect(applied.body.status).toBe('applied');

    const active = (await call('GET', `/api/v1/watchlists/${unPersons}/entries`, analyst)).body;
    expect(active.items.map((e: Json) => e.externalId).sort()).toEqual(['2999482', '3012888', '9900001']);
    const inactive = (await call('GET', `/api/v1/watchlists/${unPersons}/entries?status=inactive`, analyst))
      .body;
    expect(inactive.items.map((e: Json) => e.primaryName)).toEqual(['GEDO HAMDAN AHMED']);

    const removed = (await call('GET', `/api/v1/watchlist-entries/${inactive.items[0].id}`, analyst)).body;
    expect(removed.active).toBe(false);
    expect(removed.history.map((h: Json) => h.change)).toEqual(['deactivated', 'created']);
    expect(removed.primaryName).toBe('GEDO HAMDAN AHMED');

    const changedId = active.items.find((e: Json) => e.externalId === '2999482').id;
    const changed = (await call('GET', `/api/v1/watchlist-entries/${changedId}`, analyst)).body;
    expect(changed.version).toBe(2);
    expect(changed.history[0]).toMatchObject({ version: 2, change: 'updated', fields: ['aliases'] });
    expect(changed.history[1].snapshot.aliases.map((a: Json) => a.name)).not.toContain('Hudhaifa');
    expect(changed.aliases.map((a: Json) => a.name)).toContain('Hudhaifa');
    expect((await call('GET', `/api/v1/watchlists/${unPersons}`, analyst)).body.sourceVersion).toBe(
      '2026-06-01T10:00:00.000Z',
    );
  });

  it('keeps a file that cannot be read, with its errors, and changes nothing', async () => {
    const broken = await call(
      'POST',
      '/api/v1/watchlists/imports/un-sc?filename=broken.xml',
      admin,
      '<CONSOLIDATED_LIST><INDIVIDUALS>',
      'application/xml',
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('unreadable_file');
    expect(broken.body.error.details.report.status).toBe('rejected');
    expect(broken.body.error.details.report.errors[0].where).toMatch(/line 1/);
    const rejected = (await call('GET', '/api/v1/watchlist-imports?status=rejected', admin)).body.items;
    expect(rejected.some((i: Json) => i.fileName === 'broken.xml' && i.errors.length > 0)).toBe(true);
    expect((await call('GET', `/api/v1/watchlists/${unPersons}/entries`, analyst)).body.total).toBe(3);
  });

  it('imports the CSV template with a validation report naming line and column', async () => {
    const created = await call('POST', '/api/v1/watchlists', analyst, {
      name: 'BA national drugs list',
      kind: 'person',
      source: 'national',
      sharing: 'unit',
    });
    expect(created.status).toBe(201);
    nationalList = created.body.id;
    expect(created.body).toMatchObject({
      kind: 'person',
      sharing: 'unit',
      owner: { jurisdiction: 'BA' },
      activeEntries: 0,
    });

    const bad = csv.replace('1979-04-12', '1979-13-40').replace(',high,', ',severe,');
    const report = await call(
      'POST',
      `/api/v1/watchlists/${nationalList}/imports?preview=true`,
      analyst,
      bad,
      'text/csv',
    );
    expect(report.body.errors).toEqual([
      {
        where: 'line 2, column 5 (dates_of_birth)',
        message: '"1979-13-40" is not a date: write YYYY-MM-DD or YYYY',
      },
      {
        where: 'line 2, column 11 (severity)',
        message: '"severe" is not a severity: write low, medium, high, critical',
      },
    ]);
    const refused = await call(
      'POST',
      `/api/v1/watchlists/${nationalList}/imports?filename=bad.csv`,
      analyst,
      bad,
      'text/csv',
    );
    expect(refused.body.status).toBe('rejected');
    expect((await call('GET', `/api/v1/watchlists/${nationalList}/entries`, analyst)).body.total).toBe(0);

    const applied = await call(
      'POST',
      `/api/v1/watchlists/${nationalList}/imports?filename=national.csv`,
      analyst,
      csv,
      'text/csv',
    );
    expect(applied.body.status).toBe('applied');
    expect(applied.body.lists[0].counts).toMatchObject({ added: 3 });
    const imports = (await call('GET', `/api/v1/watchlists/${nationalList}/imports`, analyst)).body.items;
    expect(imports.map((i: Json) => [i.fileName, i.status])).toEqual([
      ['national.csv', 'applied'],
      ['bad.csv', 'rejected'],
    ]);
    const search = (await call('GET', `/api/v1/watchlists/${nationalList}/entries?q=petrovic`, analyst)).body;
    expect(search.items.map((e: Json) => e.primaryName)).toEqual(['Đorđe Petrović']);
  });

  it('screens a person across scripts and spellings, with the explanation of each candidate', async () => {
    for (const name of ['DJORDJE PETROVIC', 'Ђорђе Петровић', 'PETROVIC DORDE']) {
      const result = await call('POST', '/api/v1/screen/person', analyst, {
        name,
        dateOfBirth: '1979-04-12',
      });
      expect(result.status).toBe(200);
      const best = result.body.candidates[0];
      expect(best.entry.primaryName).toBe('Đorđe Petrović');
      expect(best.match).toBe(true);
      expect(best.matchedBy).toBe('name');
      expect(best.list.name).toBe('BA national drugs list');
      expect(best.explanation.parts.length).toBeGreaterThanOrEqual(2);
      expect(
        best.explanation.adjustments.some((a: Json) => a.reason === 'date-of-birth' && a.delta > 0),
      ).toBe(true);
    }
    const un = await call('POST', '/api/v1/screen/person', analyst, { name: 'Amir Ali Chaudri' });
    expect(un.body.candidates[0].entry.externalId).toBe('2999482');
    const none = await call('POST', '/api/v1/screen/person', analyst, { name: 'Marko Marković' });
    expect(none.body.candidates).toEqual([]);
  });

  it('finds an entry by its document number, with or without the check digit, whatever the name', async () => {
    const exact = await call('POST', '/api/v1/screen/person', analyst, {
      name: 'Unknown Traveller',
      documents: [{ number: '008123456' }],
    });
    expect(exact.body.candidates[0]).toMatchObject({
      matchedBy: 'document',
      match: true,
      entry: { primaryName: 'Đorđe Petrović' },
    });
    expect(exact.body.candidates[0].explanation.adjustments[0].detail).toContain('008123456');
    const mrz = await call('POST', '/api/v1/screen/person', analyst, {
      name: 'X Y',
      documents: [{ number: 'BN4196361' }],
    });
    expect(mrz.body.candidates[0].entry.externalId).toBe('2999482');
  });

  it('screens organisations against entity entries', async () => {
    const result = await call('POST', '/api/v1/screen/organisation', analyst, {
      name: 'Abdullah Azzam Brigades',
    });
    expect(result.body.candidates[0]).toMatchObject({
      match: true,
      entry: { kind: 'organisation', externalId: '6908409' },
    });
  });

  it('leaves out entries outside their validity dates and lists the user may not see', async () => {
    const expired = await call('POST', '/api/v1/screen/person', analyst, { name: 'Expired Person' });
    expect(expired.body.candidates).toEqual([]);
    // The national list is shared with its unit only: an officer in Belgrade neither sees nor screens against it.
    expect(
      (await call('GET', '/api/v1/watchlists', officerRs)).body.items.map((l: Json) => l.source),
    ).toEqual(['un-sc', 'un-sc']);
    expect((await call('GET', `/api/v1/watchlists/${nationalList}`, officerRs)).status).toBe(404);
    const fromRs = await call('POST', '/api/v1/screen/person', officerRs, { name: 'Djordje Petrovic' });
    expect(fromRs.body.candidates).toEqual([]);
  });

  it('adds, edits, deactivates and reactivates entries by hand, each a version', async () => {
    const added = await call('POST', `/api/v1/watchlists/${nationalList}/entries`, analyst, {
      externalId: 'RS-20',
      primaryName: 'Arben Krasniqi',
      datesOfBirth: ['1985'],
      nationalities: ['XK'],
      severity: 'critical',
    });
    expect(added.status).toBe(201);
    const id = added.body.id;
    const duplicate = await call('POST', `/api/v1/watchlists/${nationalList}/entries`, analyst, {
      externalId: 'RS-20',
      primaryName: 'Someone Else',
    });
    expect(duplicate.status).toBe(409);
    const edited = await call('PUT', `/api/v1/watchlist-entries/${id}`, analyst, {
      primaryName: 'Arben Krasniqi',
      aliases: ['Arben Krasniçi'],
      datesOfBirth: ['1985'],
      severity: 'high',
    });
    expect(edited.body.history[0]).toMatchObject({
      change: 'updated',
      fields: expect.arrayContaining(['aliases', 'severity']),
    });
    expect(
      (await call('POST', '/api/v1/screen/person', analyst, { name: 'ARBEN KRASNIQI' })).body.candidates[0]
        .entry.id,
    ).toBe(id);
    await call('POST', `/api/v1/watchlist-entries/${id}/deactivate`, analyst, { reason: 'Case closed' });
    expect(
      (await call('POST', '/api/v1/screen/person', analyst, { name: 'ARBEN KRASNIQI' })).body.candidates,
    ).toEqual([]);
    const back = await call('POST', `/api/v1/watchlist-entries/${id}/reactivate`, analyst);
    expect(back.body.history.map((h: Json) => h.change)).toEqual([
      'reactivated',
      'deactivated',
      'updated',
      'created',
    ]);
  });

  it('refuses what a role may not do and bad requests with a clear message', async () => {
    expect(
      (await call('POST', '/api/v1/watchlists', officerRs, { name: 'Mine', kind: 'person' })).status,
    ).toBe(403);
    expect((await call('POST', '/api/v1/screen/person', viewer, { name: 'Ana Kovač' })).status).toBe(403);
    const empty = await call('POST', '/api/v1/screen/person', analyst, { name: '   ' });
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).toContain('give a name');
    const duplicateName = await call('POST', '/api/v1/watchlists', analyst, {
      name: 'BA national drugs list',
      kind: 'person',
    });
    expect(duplicateName.status).toBe(409);
    expect(
      (await call('POST', `/api/v1/watchlists/${unPersons}/entries`, analyst, { primaryName: 'X' })).status,
    ).toBe(403);
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/v1/watchlists/csv-template',
      headers: analyst,
    });
    expect(template.body.split('\r\n')[0]).toBe(
      'id,primary_name,aliases,original_script_names,dates_of_birth,places_of_birth,nationalities,sex,documents,reason,category,severity,valid_from,valid_to,source_reference',
    );
  });
});
