/**
 * A traveller booked in a reservation and reported on no passenger list: found by the travellers
 * search (name in any script, document, phone, e-mail) and the reservations' name filter of
 * PNR-cleared roles; screened by traveller rules as a traveller of the reservation (the hit points
 * at the reservation and names them); counted by back-tests. PNR data throughout.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { JobWorker } from '../jobs/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Booked WDH-ADD-FRA-IAD in May 2018, with passport 602120901; on no passenger list. */
const pnr = readFileSync(
  new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url),
  'utf8',
).replaceAll('ACKARY', 'DJORDJEVIC');
/** Another traveller on the last leg, from its passenger list. */
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('travellers known only from a reservation on $name', (target) => {
  let t: TestApp;
  const as: Record<string, Record<string, string>> = {};
  let ruleId: string;
  let reservationId: string;

  const call = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { ...as[who], ...(typeof payload === 'string' ? { 'content-type': 'text/plain' } : {}) },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
    return { status: response.statusCode, body: response.json() as Json };
  };
  const ok = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await call(who, method, url, payload);
    expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp(await target.create());
    await t.createUser('pnr.piu', ['pnr-analyst', 'analyst'], 'BA-PIU');
    await t.createUser('officer.sjj', ['officer'], 'BA-SJJ-JAITF');
    for (const who of ['pnr.piu', 'officer.sjj']) as[who] = await t.signIn(who, ADMIN_PASSWORD);
    const rule = await ok('pnr.piu', 'POST', '/api/v1/rules', {
      name: 'Through Addis Ababa',
      category: 'drugs',
      condition: { field: 'journey.airports', operator: 'inList', value: ['ADD'] },
    });
    ruleId = rule.id;
    await ok('pnr.piu', 'PATCH', `/api/v1/rules/${ruleId}`, { state: 'active' });
    await ok('pnr.piu', 'POST', '/api/v1/messages', paxlst);
    await ok('pnr.piu', 'POST', '/api/v1/messages', pnr);
    await new JobWorker(t.services.jobs.queue, { name: 'test' }).drain();
    reservationId = (await ok('pnr.piu', 'GET', '/api/v1/reservations')).items[0].id;
  });
  afterAll(() => t.close());

  it('finds a booked traveller by name in any script, document, phone and e-mail, for PNR-cleared roles', async () => {
    const expected = {
      reservationId,
      surname: 'DJORDJEVIC',
      givenNames: 'CHARLESMR',
      dateOfBirth: '1948-12-26',
      documentNumber: '602120901',
      recordLocator: '06A9FD',
    };
    for (const query of [
      'name=djordjevic',
      `name=${encodeURIComponent('Ђорђевић Charles')}`,
      `name=${encodeURIComponent('Đorđević')}`,
      'document=602120901',
      `phone=${encodeURIComponent('+264 885 200 435')}`,
      'email=Charles.Djordjevic@yahoo.com',
    ]) {
      const found = await ok('pnr.piu', 'GET', `/api/v1/travellers?${query}`);
      expect(found.booked, query).toEqual([expect.objectContaining(expected)]);
    }
    expect((await ok('pnr.piu', 'GET', '/api/v1/travellers?name=kovac')).booked).toEqual([]);
    // Not to roles without PNR clearance: no booked travellers, and no search by contact.
    const officer = await ok('officer.sjj', 'GET', '/api/v1/travellers?name=djordjevic');
    expect(officer).toMatchObject({ total: 0, items: [] });
    expect(officer).not.toHaveProperty('booked');
    const byPhone = await call('officer.sjj', 'GET', '/api/v1/travellers?phone=885200435');
    expect(byPhone.status).toBe(403);
    expect(byPhone.body.error).toMatchObject({ code: 'pnr_restricted' });
    const badEmail = await call('pnr.piu', 'GET', '/api/v1/travellers?email=not-an-address');
    expect(badEmail.status).toBe(422);
  });

  it('filters reservations by a booked name in any script, for PNR-cleared roles', async () => {
    const found = await ok('pnr.piu', 'GET', `/api/v1/reservations?name=${encodeURIComponent('ђорђевић')}`);
    expect(found.items.map((r: Json) => r.id)).toEqual([reservationId]);
    expect((await ok('pnr.piu', 'GET', '/api/v1/reservations?name=kovac')).items).toEqual([]);
    const refused = await call('officer.sjj', 'GET', '/api/v1/reservations?name=djordjevic');
    expect(refused.status).toBe(403);
  });

  it('screens a booked traveller with the traveller rules, the hit on the reservation naming him', async () => {
    const hits = (await ok('pnr.piu', 'GET', `/api/v1/hits?rule=${ruleId}`)).items as Json[];
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      subjectKind: 'reservation',
      reservationId,
      travellerId: null,
      subjectName: 'CHARLESMR DJORDJEVIC (UA 06A9FD)',
    });
    const detail = await ok('pnr.piu', 'GET', `/api/v1/hits/${hits[0].id}`);
    expect(detail.bookedSequence).toBe(detail.bookedTravellers[0].sequence);
    expect(detail.explanation.conditions).toMatchObject({ field: 'journey.airports', held: true });
    expect(detail.explanation.conditions.actual).toContain('ADD');
    // Roles without PNR clearance see the hit and act on it, without the booked values.
    const officer = await ok('officer.sjj', 'GET', `/api/v1/hits/${hits[0].id}`);
    expect(officer).toMatchObject({
      subjectName: { withheld: 'pnr' },
      bookedTravellers: { withheld: 'pnr' },
      explanation: { conditions: { held: true, actual: { withheld: 'pnr' } } },
    });
    // The booked traveller is a subject of his own in the queue.
    const groups = (await ok('pnr.piu', 'GET', '/api/v1/hits?group=subject')).groups as Json[];
    expect(groups.find((g) => g.hits.some((h: Json) => h.id === hits[0].id)).subjectKey).toBe(
      `r:${reservationId}:${detail.bookedSequence}`,
    );
    // Screening again finds the same hit, not a second one.
    await t.services.targeting.screening.screen([{ kind: 'reservation', ids: [reservationId] }]);
    expect((await ok('pnr.piu', 'GET', `/api/v1/hits?rule=${ruleId}`)).total).toBe(1);
  });

  it('counts booked travellers in a back-test of a traveller rule', async () => {
    const result = await ok('pnr.piu', 'POST', `/api/v1/rules/${ruleId}/backtest`, {
      from: '2018-05-01',
      to: '2018-05-31',
    });
    expect(result.evaluatedBooked).toBe(1);
    expect(result.evaluated).toBe(2);
    expect(result.versions[0]).toMatchObject({ hits: 1 });
    expect(result.versions[0].sample[0].name).toBe('CHARLESMR DJORDJEVIC (UA 06A9FD)');
  });
});
