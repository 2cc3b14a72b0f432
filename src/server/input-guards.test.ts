import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { findNul } from './input-guards.js';

describe('findNul', () => {
  it('names the path of the first string holding NUL, keys included', () => {
    expect(findNul({ name: 'ok', entries: [{ name: 'a' }, { name: 'b\0' }] }, 'body')).toBe(
      'body.entries[1].name',
    );
    expect(findNul({ 'a\0b': 1 }, 'body')).toBe('body.a\\0b');
    expect(findNul({ name: 'clean', list: [1, null, true] }, 'body')).toBeNull();
    expect(findNul(Buffer.from([0, 0, 0]), 'body')).toBeNull();
  });

  it('walks a body nested deeper than the call stack', () => {
    let deep: unknown = 'x\0';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNul(deep, 'body')).toMatch(/^body(\[0\])+$/);
  });
});

describe.each(databaseTargets)('parameters holding NUL, on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  const refusal = (response: {
    statusCode: number;
    json(): { error: { code: string; message: string } };
  }) => ({
    status: response.statusCode,
    code: response.json().error?.code,
    message: response.json().error?.message,
  });

  it('refuses a query parameter holding NUL with 400 naming it', async () => {
    const search = await t.app.inject({ method: 'GET', url: '/api/v1/travellers?name=ab%00c', headers });
    expect(refusal(search)).toMatchObject({
      status: 400,
      code: 'invalid_character',
      message: expect.stringContaining('query.name'),
    });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages?filename=a%00.txt',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: "UNB+UNOA:4+A+B+200101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'",
    });
    expect(refusal(upload)).toMatchObject({
      status: 400,
      message: expect.stringContaining('query.filename'),
    });
    const messages = await t.app.inject({ method: 'GET', url: '/api/v1/messages', headers });
    expect(messages.json().total).toBe(0);
  });

  it('refuses a JSON body holding NUL with 400 naming the field: a watchlist name, a name to screen', async () => {
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/v1/watchlists',
      headers,
      payload: { name: 'Drugs\u0000list', kind: 'person' },
    });
    expect(refusal(list)).toMatchObject({
      status: 400,
      code: 'invalid_character',
      message: expect.stringContaining('body.name'),
    });
    const screen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/screen/person',
      headers,
      payload: { name: 'MARKO\u0000 MARKOVIC' },
    });
    expect(refusal(screen)).toMatchObject({ status: 400, message: expect.stringContaining('body.name') });
    const clean = await t.app.inject({
      method: 'POST',
      url: '/api/v1/screen/person',
      headers,
      payload: { name: 'MARKO MARKOVIC' },
    });
    expect(clean.statusCode).toBe(200);
  });
});
