import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

describe.each(databaseTargets)('reference data on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  it('lets an admin add a location and a unit there, audited', async () => {
    const location = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/locations',
      headers,
      payload: {
        code: 'BNX',
        name: 'Banja Luka International Airport',
        kind: 'airport',
        iataCode: 'BNX',
        jurisdictionCode: 'ba',
      },
    });
    expect(location.statusCode).toBe(201);
    expect(location.json()).toMatchObject({ code: 'BNX', iataCode: 'BNX', jurisdictionCode: 'BA' });
    const agencies = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reference/agencies', headers })
    ).json().items;
    const customs = agencies.find((a: { code: string }) => a.code === 'BA-UIO');
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/units',
      headers,
      payload: {
        code: 'BA-BNX-JAITF',
        name: 'JAITF Banja Luka',
        kind: 'JAITF',
        agencyId: customs.id,
        locationId: location.json().id,
      },
    });
    expect(unit.statusCode).toBe(201);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reference/units/${unit.json().id}`,
      headers,
      payload: {
        code: 'BA-BNX-JAITF',
        name: 'Joint Airport Interdiction Task Force Banja Luka',
        kind: 'JAITF',
        agencyId: customs.id,
        locationId: location.json().id,
      },
    });
    expect(renamed.json().name).toBe('Joint Airport Interdiction Task Force Banja Luka');
    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'units')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['units.create', 'units.update']);
  });

  it('refuses duplicates, bad codes and non-admins with clear messages', async () => {
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/locations',
      headers,
      payload: { code: 'SJJ', name: 'Again', kind: 'airport', jurisdictionCode: 'BA' },
    });
    expect(duplicate.statusCode).toBe(409);
    const badKind = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/locations',
      headers,
      payload: { code: 'X1', name: 'Somewhere', kind: 'lighthouse', jurisdictionCode: 'BA' },
    });
    expect(badKind.statusCode).toBe(422);
    expect(badKind.json().error.message).toMatch(/kind/);
    const unknownJurisdiction = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference/locations',
      headers,
      payload: { code: 'X2', name: 'Somewhere', kind: 'office', jurisdictionCode: 'ZZ' },
    });
    expect(unknownJurisdiction.statusCode).toBe(422);
    expect(unknownJurisdiction.json().error.message).toBe('Jurisdiction ZZ does not exist');
    const analyst = await t.tokenFor('analyst');
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/reference/jurisdictions/XK',
      headers: analyst,
      payload: { name: 'Kosovo' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
