import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

/** A JSON response, read by the shape each test expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const unXml = readFileSync(
  new URL('../../test/fixtures/watchlists/un-consolidated-sample.xml', import.meta.url),
  'utf8',
);

/** The sample with a document type declaration in front of its root. */
const withDeclaration = (declaration: string, firstName = 'AAMIR') =>
  unXml
    .replace('<CONSOLIDATED_LIST ', `${declaration}\n<CONSOLIDATED_LIST `)
    .replace('<FIRST_NAME>AAMIR</FIRST_NAME>', `<FIRST_NAME>${firstName}</FIRST_NAME>`);

const entityBomb = withDeclaration(
  `<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa">${['b', 'c', 'd', 'e', 'f', 'g']
    .map((name, i) => `<!ENTITY ${name} "${`&${'abcdefg'[i]};`.repeat(10)}">`)
    .join('')}]>`,
  '&g;',
);

describe.each(databaseTargets)('hostile and oversized watchlist files, on $name', (target) => {
  let t: TestApp;
  let admin: Record<string, string>;
  const importUn = async (xml: string, filename: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/watchlists/imports/un-sc?filename=${filename}`,
      headers: { ...admin, 'content-type': 'application/xml' },
      payload: xml,
    });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const rejectedFiles = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/v1/watchlist-imports?status=rejected', headers: admin })
    ).json().items as Json[];

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('rejects and keeps a UN file declaring entities, external or a bomb, without expanding them', async () => {
    const external = await importUn(
      withDeclaration('<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '&x;'),
      'external.xml',
    );
    const bomb = await importUn(entityBomb, 'bomb.xml');
    for (const response of [external, bomb]) {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'unreadable_file',
        message: expect.stringMatching(/^The file could not be read \(line 2, column 1\): DOCTYPE/),
      });
      expect(response.body.error.details.report.status).toBe('rejected');
      expect(response.body.error.details.report.errors).toEqual([
        {
          where: 'line 2, column 1',
          message:
            'DOCTYPE declarations are not accepted (the UN list has none; entities are never expanded)',
        },
      ]);
    }
    expect((await rejectedFiles()).map((file) => file.fileName)).toEqual(
      expect.arrayContaining(['external.xml', 'bomb.xml']),
    );
    const lists = await t.app.inject({ method: 'GET', url: '/api/v1/watchlists', headers: admin });
    expect(lists.json().items).toEqual([]);
  });

  it("rejects and keeps a file nesting deeper than the list does, with the parser's reason cut short", async () => {
    const deep = `<CONSOLIDATED_LIST>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</CONSOLIDATED_LIST>`;
    const nested = await importUn(deep, 'deep.xml');
    expect(nested.status).toBe(422);
    expect(nested.body.error.details.report.errors).toEqual([
      { where: 'document', message: 'the XML cannot be read: Maximum nested tags exceeded' },
    ]);
    const unclosed = await importUn(`<CONSOLIDATED_LIST>${'<a>'.repeat(100_000)}`, 'unclosed.xml');
    expect(unclosed.status).toBe(422);
    expect(unclosed.body.error.details.report.status).toBe('rejected');
    expect(unclosed.body.error.details.report.errors[0].message.length).toBeLessThanOrEqual(301);
  });

  it('rejects and keeps a UN file whose name is longer than an entry may have', async () => {
    const name = Array.from(randomBytes(20_000), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
    const response = await importUn(
      unXml.replace('<FIRST_NAME>AAMIR</FIRST_NAME>', `<FIRST_NAME>${name}</FIRST_NAME>`),
      'long-name.xml',
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('rejected');
    expect(response.body.errors).toEqual([
      { where: 'person 2999482', message: 'the name is 20013 characters long: at most 500' },
    ]);
  });

  it('rejects and keeps a CSV file holding NUL, saying where', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/watchlists',
      headers: admin,
      payload: { name: 'BA national list', kind: 'person', source: 'national' },
    });
    const csv = ['id,primary_name', 'RS-17,Đorđe\0Petrović'].join('\r\n');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/watchlists/${created.json().id}/imports?filename=nul.csv`,
      headers: { ...admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('rejected');
    expect(response.json().errors).toContainEqual({
      where: 'line 2, column 12',
      message: 'byte 0x00 (NUL): a list may not contain it',
    });
    expect((await rejectedFiles()).map((file) => file.fileName)).toContain('nul.csv');
  });
});
