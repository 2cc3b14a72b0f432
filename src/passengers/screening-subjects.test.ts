import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { passengerSubjects } from './screening-subjects.js';

const pnr = readFileSync(new URL('../../test/fixtures/edifact/pnrgov/pnrWithDoco.txt', import.meta.url));
/** ACKARY flies FRA-IAD on UA988 (booked in the PNR above), KOVAC with no reservation. */
const paxlst = [
  "UNA:+.? 'UNB+UNOA:4+UA+INTERDICT+180512:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+UA988+++UA'LOC+125+FRA'DTM+189:1805121220:201'LOC+87+IAD'DTM+232:1805121505:201'",
  "NAD+FL+++ACKARY:CHARLES'ATT+2++M'DTM+329:481226'NAT+2+GBR'DOC+P:110:111+602120901'LOC+91+GBR'",
  "NAD+FL+++KOVAC:ANA'ATT+2++F'DTM+329:910101'NAT+2+BIH'DOC+P:110:111+B1234567'LOC+91+BIH'",
  "CNT+42:2'UNT+17+1'UNZ+1+1'",
].join('');

describe.each(databaseTargets)('screening subjects on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(await target.create());
    headers = await t.signIn();
  });
  afterAll(() => t.close());

  const upload = async (body: string | Buffer) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: body,
    });
    return response.json().id as string;
  };

  it('loads the travellers of a message with their flight, journey and latest reservation', async () => {
    await upload(pnr);
    const messageId = await upload(paxlst);
    const { travellers } = passengerSubjects(t.services.database.db);
    const ids = await travellers.ofMessage(messageId);
    expect(ids).toHaveLength(2);
    const loaded = await travellers.load([...ids, '00000000-0000-4000-8000-000000000000']);
    const bySurname = Object.fromEntries(loaded.map((row) => [row.surname, row]));
    expect(Object.keys(bySurname).sort()).toEqual(['ACKARY', 'KOVAC']);
    expect(bySurname.ACKARY).toMatchObject({
      carrier: 'UA',
      flightNumber: '988',
      origin: 'FRA',
      destination: 'IAD',
      nationality: 'GBR',
      journeyAirports: ['FRA', 'IAD'],
    });
    expect(bySurname.ACKARY!.documents[0]).toMatchObject({ number: '602120901' });
    expect(bySurname.ACKARY!.reservation).toMatchObject({ owningCarrier: 'UA' });
    expect(bySurname.KOVAC!.reservation).toBeNull();
    expect(await travellers.load([])).toEqual([]);
  });

  it('screens again the API travellers booked in the reservations a PNR message brings', async () => {
    const { travellers, reservations } = passengerSubjects(t.services.database.db);
    const messageId = await upload(pnr.toString('utf8').replace('180509:1120', '180509:1121'));
    const [reservationId] = await reservations.ofMessage(messageId);
    expect(reservationId).toBeDefined();
    // ACKARY is on the passenger list uploaded above and booked in this reservation.
    const ids = await travellers.ofMessage(messageId);
    const [ackary] = await travellers.load(ids);
    expect(ids).toHaveLength(1);
    expect(ackary!.surname).toBe('ACKARY');
    expect(travellers.summary(ackary!)).toMatchObject({
      name: 'CHARLES ACKARY',
      jurisdictionCode: ackary!.jurisdictionCode,
      flightId: ackary!.flightId,
      links: { reservation: reservationId },
    });
    const [reservation] = await reservations.load([reservationId!]);
    expect(reservations.summary(reservation!)).toMatchObject({ id: reservationId, name: 'UA 06A9FD' });
    expect(reservations.person()).toBeNull();
    // Linked to ACKARY of the passenger list: no member of its own, named in the queue all the same.
    expect(reservations.members(reservation!)).toEqual([]);
    const names = await reservations.memberNames([reservationId!, reservationId!]);
    expect([...names.keys()]).toEqual([reservationId]);
    expect(names.get(reservationId!)).toEqual([
      expect.objectContaining({ name: 'CHARLESMR ACKARY', linkedId: ackary!.id }),
    ]);
    expect(await reservations.findByReference('06A9FD', 'UA', null)).toEqual([
      expect.objectContaining({ id: reservationId, owningCarrier: 'UA', recordLocator: '06A9FD' }),
    ]);
    expect(await reservations.findByReference('06A9FD', 'LH', null)).toEqual([]);
  });

  if (target.name === 'postgres')
    it('has the server compile no statement just in time (jit is off on the application’s connections)', async () => {
      const { rows } = await sql<{ jit: string }>`show jit`.execute(t.services.database.db);
      expect(rows[0]!.jit).toBe('off');
    });
});
