/**
 * Trying a rule on a reservation names it as officers do, by its record locator (optionally with
 * the carrier), not by an internal id; a locator that several reservations share answers with them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const pnr = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
);
/** The same record locator at another carrier. */
const otherCarrier = pnr.replace('RCI+UA:06A9FD', 'RCI+ET:06A9FD').replace('361553663005', '361553663006');
/** A locator of its own. */
const single = pnr.replaceAll('06A9FD', 'QZ1TST').replace('361553663005', '361553663007');

const condition = { field: 'reservation.emails', operator: 'endsWith', value: '@yahoo.com' };

describe.each(databaseTargets)('a rule tried on a reservation named by its locator on $name', (target) => {
  let t: TestApp;
  let analyst: Record<string, string>;
  const tryRule = async (body: Record<string, unknown>) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rules/test',
      headers: analyst,
      payload: { subject: 'reservation', condition, ...body },
    });
    return { status: response.statusCode, body: response.json() as Json };
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    await t.createUser('pnr.piu', ['pnr-analyst'], 'BA-PIU');
    analyst = await t.signIn('pnr.piu', ADMIN_PASSWORD);
    for (const message of [pnr, otherCarrier, single]) {
      const uploaded = await t.app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: { ...analyst, 'content-type': 'text/plain' },
        payload: message,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('takes the record locator, in any case, and says which reservation it tried', async () => {
    const tried = await tryRule({ recordLocator: 'qz1tst' });
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({
      valid: true,
      fired: true,
      reservation: { owningCarrier: 'UA', recordLocator: 'QZ1TST', reservationId: expect.any(String) },
    });
  });

  it('answers an ambiguous locator with the candidates, and takes the carrier to choose', async () => {
    const ambiguous = await tryRule({ recordLocator: '06A9FD' });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error).toMatchObject({
      code: 'ambiguous_record_locator',
      message: expect.stringContaining('2 reservations have record locator 06A9FD'),
    });
    expect(
      ambiguous.body.error.details.candidates
        .map((c: Json) => `${c.owningCarrier} ${c.recordLocator}`)
        .sort(),
    ).toEqual(['ET 06A9FD', 'UA 06A9FD']);
    const chosen = await tryRule({ recordLocator: '06A9FD', carrier: 'et' });
    expect(chosen.body.reservation).toMatchObject({ owningCarrier: 'ET', recordLocator: '06A9FD' });
  });

  it('says clearly what is missing or wrong', async () => {
    const missing = await tryRule({});
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ field: 'recordLocator', message: 'is required' }]);
    const unknown = await tryRule({ recordLocator: 'ZZZZZZ' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No reservation with record locator ZZZZZZ');
    const malformed = await tryRule({ recordLocator: '06A9-FD' });
    expect(malformed.body.error.details).toEqual([
      expect.objectContaining({
        field: 'recordLocator',
        message: expect.stringMatching(/record locator of 5 to 8/),
      }),
    ]);
  });
});
