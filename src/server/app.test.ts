import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

describe('the HTTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(await databaseTargets[0]!.create());
  });
  afterAll(() => t.close());

  it('describes the API in OpenAPI 3.1, generated from the schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/messages',
        '/api/v1/flights',
        '/api/v1/flights/{id}',
        '/api/v1/travellers',
        '/api/v1/reservations',
      ]),
    );
    const flightQuery = document.paths['/api/v1/flights'].get.parameters.map((p: { name: string }) => p.name);
    expect(flightQuery).toEqual(
      expect.arrayContaining(['from', 'to', 'airport', 'carrier', 'direction', 'page', 'pageSize', 'sort']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers errors in one shape with a request id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('trace-42');
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/v1/nowhere' },
    });
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/v1/flights/not-a-uuid',
      headers: await t.signIn(),
    });
    expect(badId.statusCode).toBe(422);
    expect(badId.json().error).toMatchObject({
      message: 'id (in the params): is not a valid identifier (a UUID)',
      details: [{ field: 'id', in: 'params', message: 'is not a valid identifier (a UUID)' }],
    });
  });

  it('refuses a hostile upload with a clear error and keeps serving', async () => {
    const headers = await t.signIn();
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: '',
    });
    expect(empty.statusCode).toBe(422);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBeTruthy();
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});
