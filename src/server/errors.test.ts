import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { fieldProblems } from './errors.js';

describe('validation problems as fields and words', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await databaseTargets[0]!.create());
    admin = await t.signIn();
  });
  afterAll(() => t.close());

  it('names each field of a refused body with a sentence, not a path and a zod message', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: 'ana', password: 'short', unitId: 'not-an-id', roles: [] },
    });
    expect(refused.statusCode).toBe(422);
    const { error } = refused.json();
    expect(error.code).toBe('invalid');
    expect(error.details).toEqual([
      { field: 'displayName', message: 'is required' },
      { field: 'password', message: 'must be at least 12 characters' },
      { field: 'unitId', message: 'is not a valid identifier (a UUID)' },
      { field: 'roles', message: 'give the user at least one role' },
    ]);
    expect(error.message).toBe(
      'displayName: is required; password: must be at least 12 characters; unitId: is not a valid identifier (a UUID); and 1 more',
    );
    expect(error.message).not.toMatch(/body\.|Invalid input|Too small/);
  });

  it('says where a query parameter is, and fills in words for checks a schema left without', async () => {
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/flights?from=12/01/2025&page=0',
      headers: admin,
    });
    expect(refused.statusCode).toBe(422);
    const details = refused.json().error.details as { field: string; message: string; in?: string }[];
    expect(details).toContainEqual({ field: 'from', in: 'query', message: 'must be a date as YYYY-MM-DD' });
    const page = details.find((problem) => problem.field === 'page');
    expect(page).toEqual({ field: 'page', in: 'query', message: 'must be at least 1' });
  });

  it('gives a back-test longer than a year as a problem of its end date', async () => {
    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: admin,
      payload: {
        name: 'Travellers from Frankfurt',
        category: 'drugs',
        condition: { all: [{ field: 'flight.origin', operator: 'equals', value: 'FRA' }] },
      },
    });
    expect(rule.statusCode).toBe(201);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rules/${rule.json().id}/backtest`,
      headers: admin,
      payload: { from: '2024-01-01', to: '2025-06-30' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      message: 'to: a back-test covers at most a year',
      details: [{ field: 'to', message: 'a back-test covers at most a year' }],
    });
  });

  it('turns the problems a service finds into the same list, and leaves other details alone', () => {
    expect(
      fieldProblems(
        [{ path: ['documents', 0, 'number'], message: 'is required', code: 'invalid_type' }],
        'x',
      ),
    ).toEqual([{ field: 'documents.0.number', message: 'is required' }]);
    expect(fieldProblems([{ path: 'all[1]', message: 'unknown field "traveller.shoeSize"' }], 'x')).toEqual([
      { field: 'all[1]', message: 'unknown field "traveller.shoeSize"' },
    ]);
    expect(
      fieldProblems({ field: 'documents' }, 'A document list entry needs at least one document'),
    ).toEqual([{ field: 'documents', message: 'A document list entry needs at least one document' }]);
    expect(fieldProblems({ report: { status: 'rejected' } }, 'x')).toBeUndefined();
  });

  it('words the checks a schema leaves without a message', () => {
    const schema = z.object({
      severity: z.enum(['low', 'high']),
      note: z.string().max(5),
      day: z.iso.date(),
      count: z.number().int(),
      tags: z.array(z.string()).max(1),
    });
    const issues = schema.safeParse({
      severity: 'urgent',
      note: 'too long',
      day: '12/01/2025',
      count: 'x',
      tags: ['a', 'b'],
    }).error!.issues;
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['severity', 'must be one of: low, high'],
      ['note', 'must be at most 5 characters'],
      ['day', 'must be a date written YYYY-MM-DD'],
      ['count', 'must be a number'],
      ['tags', 'may have at most 1 item'],
    ]);
  });
});
