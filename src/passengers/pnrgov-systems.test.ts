import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePnrgov } from './pnrgov.js';
import type { PnrReservation } from './pnrgov-model.js';

/** Samples from reservation systems (Amadeus, Aeromexico, a TZ system): infants, groups, splits, codeshares. */

const parseFixture = (file: string) =>
  parsePnrgov(
    decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/pnrgov/${file}`, import.meta.url)))
      .text,
  );
const names = (reservation: PnrReservation) =>
  reservation.travellers.map((traveller) => `${traveller.surname}/${traveller.givenNames}`);
const legs = (reservation: PnrReservation) =>
  reservation.itinerary.map(
    (leg) =>
      `${leg.marketingCarrier}${leg.flightNumber}${leg.codeshare ? ` op ${leg.operatingCarrier}${leg.operatingFlightNumber ?? ''}` : ''} ${leg.departureAirport}-${leg.arrivalAirport} ${leg.departure?.local}`,
  );

describe('parsePnrgov on reservation system samples', () => {
  it('3_pnrs.edi: three PNRs, an infant linked by its reference, a group name, a history', () => {
    const result = parseFixture('3_pnrs.edi');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [single, family, group] = result.messages[0].reservations;
    expect(result.messages[0]).toMatchObject({
      version: '11.1',
      flight: { carrier: 'TZ', flightNumber: '0006' },
    });
    expect(single).toMatchObject({
      recordLocator: 'W9TEND',
      createdAt: '2013-05-23T18:13:48',
      payments: [{ type: 'CA', kind: 'cash', amount: 1999.99, travellerSequence: 1 }],
    });
    expect(single.contacts.phones.map((phone) => [phone.type, phone.number])).toEqual([
      ['home', '5555555555'],
      ['business', '15555555555'],
    ]);
    expect(single.history.map((entry) => [entry.company, entry.at, entry.changes.length])).toEqual([
      ['TZ', '2013-05-23T18:13:00', 1],
      ['TZ', '2013-05-23T18:29:00', 2],
      ['TZ', '2013-05-23T21:24:00', 3],
    ]);
    expect(single.history[1].changes[0].items.map((item) => item.summary)).toEqual([
      'F 28MAY13 SIN OOL 2225 0750 TZ 6 HK SFLY 590 82',
      'TZ0006 SIN-OOL 280513 S',
      'HK 1',
    ]);

    expect(names(family)).toEqual(['DYE/DOLANMR', 'DYE/KAYLAMS', 'DYE/ARCHER']);
    const [dolan, kayla, archer] = family.travellers;
    expect(archer).toMatchObject({
      reference: '43578I',
      type: 'infant',
      typeCode: 'IN',
      infantOf: 2,
      dateOfBirth: '2012-04-15',
    });
    expect(archer.documents).toEqual([
      expect.objectContaining({ number: '654321987', sex: 'M', infant: true, expiryDate: '2019-12-31' }),
    ]);
    expect(kayla).toMatchObject({ infant: 3, frequentFlyers: [] });
    expect(dolan.frequentFlyers).toEqual([{ carrier: 'RI', number: '438QZ99', tier: null }]);
    expect(dolan.addresses).toEqual([
      expect.objectContaining({
        source: 'DOCA',
        purposeCode: 'D',
        country: 'AUS',
        street: '13 SHORE AVENUE',
        city: 'BROADBEACH',
        region: 'QLD',
        postalCode: '4215',
      }),
    ]);
    expect(legs(family)).toEqual([
      'BA0011 LHR-SIN 2013-05-27T19:15:00',
      'TZ0006 SIN-OOL 2013-05-28T22:25:00',
      'TZ0005 OOL-SIN 2013-06-05T09:00:00',
      'BA0012 SIN-LHR 2013-06-05T22:55:00',
    ]);
    expect(dolan.seats.map((seat) => `${seat.legSequence}:${seat.seat}`)).toEqual(['2:54A', '3:54A']);
    expect(kayla.seats.map((seat) => `${seat.legSequence}:${seat.seat}`)).toEqual(['2:54B', '3:54B']);

    expect(group.groupName).toBe('ACME TEAM PARTY');
    expect(group.travellers).toHaveLength(9);
    expect(group.travellers[1]).toMatchObject({
      surname: 'CAPSON',
      givenNames: 'HUNTER',
      dateOfBirth: '1992-04-27',
    });
    expect(group.history[0].changes[0]).toMatchObject({
      action: 'changed',
      items: [{ tag: 'IFT', summary: 'GN FROM NONE TO ACME TEAM PARTY' }],
    });
  });

  it('adult_and_infant.edi: the infant after its adult, its document carried by the adult', () => {
    const result = parseFixture('adult_and_infant.edi');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [reservation] = result.messages[0].reservations;
    expect(reservation).toMatchObject({
      recordLocator: 'XXXYET',
      createdAt: '2013-04-30T11:55:00',
      bookingOffice: { company: 'AM', companyLocation: 'BOG' },
    });
    const [mother, infant] = reservation.travellers;
    expect(mother).toMatchObject({
      surname: 'TESTSURNAMEONE',
      givenNames: 'TESTNAMEONE',
      title: 'MRS',
      reference: '1.1',
      infant: 2,
      dateOfBirth: '1976-05-30',
    });
    expect(mother.documents).toEqual([
      expect.objectContaining({
        number: '52263000',
        issuingCountry: 'CO',
        sex: 'F',
        expiryDate: '2015-10-31',
      }),
    ]);
    // The DOCS with sex "FI" in the mother's group is the infant's.
    expect(infant).toMatchObject({
      surname: 'TESTSURNAMETWO',
      type: 'infant',
      infantOf: 1,
      dateOfBirth: '2011-08-10',
    });
    expect(infant.documents).toEqual([
      expect.objectContaining({ number: 'AO234000', nationality: 'COL', sex: 'F', infant: true }),
    ]);
    expect(legs(reservation)).toEqual([
      'AM709 BOG-MEX 2013-05-15T01:05:00',
      'AM445 MEX-CUN 2013-05-19T15:00:00',
      'AM718 CUN-BOG 2013-05-23T01:35:00',
    ]);
    expect(reservation.itinerary[0]).toMatchObject({ status: 'YG', bookingClass: 'R', aircraftType: '737' });
    expect(reservation.serviceRequests.filter((request) => request.code === 'OTHS')).toHaveLength(3);
  });

  it('infant.edi: an Amadeus push with a lap infant, check-in, pooled bags and unstructured history', () => {
    const result = parseFixture('infant.edi');
    expect(result.errors).toEqual([]);
    const [reservation] = result.messages[0].reservations;
    expect(reservation).toMatchObject({
      recordLocator: '3PGZOV',
      owningCarrier: '1A',
      createdAt: '2013-03-19T13:54:00',
      bookingOffice: {
        iataNumber: '32393340',
        officeId: 'SINSQ08AA',
        location: 'NCE',
        systemCompany: 'SQ',
        country: 'SG',
        agentSign: 'ELPD',
      },
    });
    const [isabelle, sophy] = reservation.travellers;
    expect(isabelle).toMatchObject({
      surname: 'BELT',
      givenNames: 'ISABELLE',
      title: 'MRS',
      infant: 2,
      frequentFlyers: [{ carrier: 'SQ', number: '8794285757' }],
    });
    expect(isabelle.documents).toEqual([
      expect.objectContaining({ number: '509229987', dateOfBirth: '1978-07-01', expiryDate: '2022-11-12' }),
    ]);
    // The infant's passport came three times (once wrapped as "BEL T"): kept once.
    expect(sophy).toMatchObject({
      givenNames: 'SOPHY',
      type: 'infant',
      infantOf: 1,
      dateOfBirth: '2012-09-20',
    });
    expect(sophy.documents.map((document) => document.number)).toEqual(['512731999']);
    expect(isabelle.seats).toEqual([{ legSequence: 1, seat: '11D', source: 'check-in', cabinClass: 'J' }]);
    expect(isabelle.checkIns).toEqual([{ legSequence: 1, sequence: 'SIN-168', checkedInAt: null }]);
    const [bags] = isabelle.bags;
    expect(bags).toMatchObject({
      count: 3,
      weight: 33,
      weightUnit: 'kg',
      weightKg: 33,
      pool: 'head',
      poolReference: 'SIN- 168',
    });
    expect(bags.tags.map((tag) => `${tag.carrier}:${tag.numbers.join(',')}>${tag.destination}`)).toEqual([
      '618:0123456789>ICN',
      '618:0123456788>ICN',
      '618:0123456787>IC DAT',
    ]);
    expect(reservation.historyText).toHaveLength(49);
    expect(reservation.historyText[0]).toBe('0/O/NM/BELT/ISABELLE MRS(ADT)(INF/SOPHY/20SEP12)');
    // Two LTS were run together (no terminator at the end of a line): read apart again.
    expect(reservation.historyText).toContain('4/Z/1AINV RM SQ 191354 CR-1AINV RM SQ');
    expect(reservation.historyText).toContain('0/5/C/5/AP AMADEUS-H');
    expect(result.warnings.map((issue) => [issue.code, issue.line, issue.tag])).toEqual([
      ['una-terminator-unused', 1, 'UNA'],
      ['invalid-bag-tag', 25, 'TBD'],
      ['missing-terminator', 39, 'LTS'],
      ['unt-count-mismatch', 69, 'UNT'],
    ]);
  });

  it('pnr_split.edi: contacts written in OSIs, seats in SSR text, the split PNR reference', () => {
    const result = parseFixture('pnr_split.edi');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [first, second] = result.messages[0].reservations;
    expect(names(first)).toEqual(['TESTSURNAMEONE/TESTNAMEONE', 'TESTSURNAMEONE/TESTNAMETWO']);
    expect(first.contacts.phones.map((phone) => [phone.type, phone.city, phone.number, phone.note])).toEqual([
      ['unspecified', 'MEX', '18000025200', 'DOMESTIC TOLL FREE'],
      ['unspecified', 'MEX', '186612525200', 'USA AND CAN TOLL FREE'],
      ['unspecified', 'MEX', '525544460000', 'FAX'],
      ['home', 'MEX', '018183366900', 'H'],
      ['unspecified', 'MEX', '0458183961000', 'M'],
    ]);
    // ".03BN03AN": seats 3B and 3A for the two travellers, in order.
    expect(
      first.travellers.map((traveller) => traveller.seats.map((seat) => `${seat.legSequence}:${seat.seat}`)),
    ).toEqual([
      ['1:3B', '2:3B'],
      ['1:3A', '2:3A'],
    ]);
    expect(first.itinerary[0]).toMatchObject({
      marketingCarrier: 'AM',
      flightNumber: '498',
      isPushFlight: true,
    });
    expect(second).toMatchObject({
      recordLocator: 'BJOXXX',
      split: {
        count: 1,
        recordLocators: [{ company: 'AM', locator: 'ZLMXXX', createdAt: '2013-05-11T11:48:00' }],
      },
    });
    expect(second.contacts.phones.map((phone) => [phone.type, phone.city, phone.number])).toEqual([
      ['unspecified', 'BOG', '5716005820'],
      ['agency', 'BOG', '5716005830'],
    ]);
    expect(second.travellers[0].documents[0]).toMatchObject({
      number: 'AO589000',
      dateOfBirth: '1994-10-14',
      expiryDate: '2023-05-08',
    });
  });

  it('no_pnr_history.edi: three PNRs without history, codeshares operated by the pushed flight', () => {
    const result = parseFixture('no_pnr_history.edi');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [jacks, carrera, pair] = result.messages[0].reservations;
    expect(jacks.recordLocators.map((locator) => `${locator.company}:${locator.locator}`)).toEqual([
      '1A:3MZVP2',
      'AC:P46KA5',
    ]);
    expect(legs(jacks)).toEqual(['AC9099 op LH474 MUC-YUL 2013-05-27T15:50:00']);
    expect(jacks.itinerary[0].isPushFlight).toBe(true);
    expect(legs(carrera)).toEqual([
      'LH9457 op EN8203 VCE-MUC 2013-05-27T13:00:00',
      'LH474 MUC-YUL 2013-05-27T15:50:00',
    ]);
    expect(carrera.travellers[0].documents[0]).toMatchObject({
      number: 'YA0196755',
      issuingCountry: 'IT',
      dateOfBirth: '1980-04-17',
    });
    expect(carrera.bookingOffice).toMatchObject({
      officeId: 'SWI1G2400',
      systemCompany: '1G',
      country: 'IT',
    });
    expect(names(pair)).toEqual(['DORON/NINA', 'LENDROT/CHARLOTTE']);
    expect(
      pair.travellers.map((traveller) => [traveller.title, traveller.reference, traveller.dateOfBirth]),
    ).toEqual([
      ['MS', '2', '1953-02-05'],
      ['MS', '1', '1952-02-14'],
    ]);
    expect(pair.travellers[0].tickets[0]).toMatchObject({ number: '3204694511', documentType: 'T' });
  });
});
