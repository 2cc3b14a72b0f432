import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { readCsv } from '../csv.js';

describe('the change list of an import preview', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let listId: string;
  // More entries than a report lists: 1,009 additions, one of them a name a spreadsheet would run.
  const rows = Array.from(
    { length: 1009 },
    (_, i) => `BA-${1000 + i},${i === 7 ? '=SUM(A1)' : `Person ${i}`}`,
  );
  const csv = ['id,primary_name', ...rows].join('\r\n');
  const importUrl = (query: string) => `/api/v1/watchlists/${listId}/imports?${query}`;
  const post = (query: string) =>
    t.app.inject({
      method: 'POST',
      url: importUrl(query),
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: csv,
    });

  beforeAll(async () => {
    t = await createTestApp(await databaseTargets[0]!.create());
    admin = await t.signIn();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/watchlists',
      headers: admin,
      payload: { name: 'BA national list', kind: 'person', source: 'national' },
    });
    listId = created.json().id;
  });
  afterAll(() => t.close());

  it('reports the first 500 changes and downloads every one as CSV, storing nothing', async () => {
    const preview = await post('preview=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().changes).toHaveLength(500);
    expect(preview.json().changesOmitted).toBe(509);

    const download = await post('preview=true&changes=csv');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toBe('attachment; filename="import-changes.csv"');
    const table = readCsv(download.body);
    expect(table.header).toEqual(['list', 'change', 'id', 'name', 'changed_fields']);
    expect(table.rows).toHaveLength(1009);
    expect(table.rows[1008]!.fields).toEqual(['BA national list', 'added', 'BA-2008', 'Person 1008', '']);
    expect(table.rows[7]!.fields[3]).toBe("'=SUM(A1)");

    const entries = await t.app.inject({
      method: 'GET',
      url: `/api/v1/watchlists/${listId}/entries`,
      headers: admin,
    });
    expect(entries.json().total).toBe(0);
  });

  it('gives the change list of a preview only', async () => {
    const refused = await post('changes=csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      { field: 'preview', message: 'must be true when asking for the change list (changes=csv)' },
    ]);
  });
});
