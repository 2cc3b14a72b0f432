import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

const fixture = readFileSync(new URL('../../test/fixtures/edifact/paxlst/Test1.txt', import.meta.url));

describe.each(databaseTargets)('searching with LIKE wildcards typed on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages?filename=Test1.txt',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: fixture,
    });
    expect(upload.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('does not answer every traveller to a name made of wildcards', async () => {
    const everyone = await get('/api/v1/travellers?name=steur');
    expect(everyone.statusCode).toBe(200);
    expect(everyone.json().total).toBeGreaterThan(0);
    for (const name of ['_%25', '%25%25', '__', '\\\\']) {
      const response = await get(`/api/v1/travellers?name=${name}`);
      expect(response.statusCode, name).toBe(422);
      expect(response.json().error.message).toMatch(/name/);
    }
  });

  it('takes wildcards in a flight number literally', async () => {
    const all = (await get('/api/v1/flights')).json().total as number;
    expect(all).toBeGreaterThan(0);
    for (const flightNumber of ['_', '%25', '%5C']) {
      const response = await get(`/api/v1/flights?flightNumber=${flightNumber}`);
      expect(response.statusCode, flightNumber).toBe(200);
      expect(response.json().total, flightNumber).toBe(0);
    }
  });
});
