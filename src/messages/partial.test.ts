import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

const fixture = (folder: string, name: string) =>
  readFileSync(new URL(`../../test/fixtures/edifact/${folder}/${name}`, import.meta.url), 'utf8');

describe.each(databaseTargets)('messages cut off or holding nothing usable, on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  const post = (payload: string, filename: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/messages?filename=${filename}`,
      headers: { ...headers, 'content-type': 'text/plain' },
      payload,
    });
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  it('stores the readable part of a PAXLST cut off mid-segment as partial, listed and filtered as such', async () => {
    const text = fixture('paxlst', 'flight1.txt').slice(0, 600);
    const response = await post(text, 'flight1-cut.txt');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ status: 'partial', errors: [] });
    expect(result.travellers).toBeGreaterThan(0);
    expect(result.warnings.map((w: { message: string }) => w.message).join(' ')).toMatch(
      /not terminated|UNT/,
    );

    const partial = await t.app.inject({ method: 'GET', url: '/api/v1/messages?status=partial', headers });
    expect(partial.json().items.map((m: { id: string }) => m.id)).toEqual([result.id]);
    const parsed = await t.app.inject({ method: 'GET', url: '/api/v1/messages?status=parsed', headers });
    expect(parsed.json().items.map((m: { id: string }) => m.id)).not.toContain(result.id);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/messages/${result.id}`, headers });
    expect(detail.json()).toMatchObject({ status: 'partial' });
  });

  it('rejects and keeps a PAXLST that yields no flight leg and no traveller', async () => {
    const full = fixture('paxlst', 'flight2.txt');
    const text = `${full.slice(0, full.indexOf('NAD') + 12)}\u0001garbage after the cut`;
    const response = await post(text, 'flight2-cut.txt');
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result.status).toBe('rejected');
    expect(result.travellers).toBe(0);
    expect(result.errors[0].message).toMatch(/no flight leg and no traveller/);
    expect(result.errors[0].line).toBeGreaterThan(0);
    const rejected = await t.app.inject({ method: 'GET', url: '/api/v1/messages?status=rejected', headers });
    expect(rejected.json().items.map((m: { id: string }) => m.id)).toContain(result.id);
  });

  it('rejects a PNRGOV that holds no reservation, and keeps a whole one parsed', async () => {
    const full = fixture('pnrgov', 'pnr1.txt');
    const empty = await post(full.slice(0, full.indexOf('UNH') + 40), 'pnr1-cut.txt');
    expect(empty.json()).toMatchObject({ status: 'rejected' });
    expect(empty.json().errors[0].message).toMatch(/no reservation/);
    const whole = await post(full, 'pnr1.txt');
    expect(whole.json()).toMatchObject({ status: 'parsed' });
  });
});
