import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from '../edifact/index.js';
import { parsePnrgov } from './pnrgov.js';
import type { PnrReservation, PnrTraveller } from './pnrgov-model.js';

/**
 * Samples generated for GTAS (UA988 FRA-IAD and others, PNRGOV 13.1): their envelopes are
 * sloppy (UNT counts and references, EQN+1 for 127 PNRs), their content rich and regular.
 */

const parseFixture = (file: string) =>
  parsePnrgov(
    decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/pnrgov/${file}`, import.meta.url)))
      .text,
  );
const only = (file: string): PnrReservation => {
  const result = parseFixture(file);
  expect(result.errors).toEqual([]);
  expect(result.messages).toHaveLength(1);
  expect(result.messages[0].reservations).toHaveLength(1);
  return result.messages[0].reservations[0];
};
const tags = (traveller: PnrTraveller) =>
  traveller.bags.map(
    (bags) =>
      `${bags.legSequence}:${bags.count}x${bags.weight}${bags.weightUnit}[${bags.tags.map((tag) => `${tag.carrier}${tag.numbers.join(',')}>${tag.destination}`).join(' ')}]`,
  );
const legs = (reservation: PnrReservation) =>
  reservation.itinerary.map(
    (leg) =>
      `${leg.marketingCarrier}${leg.flightNumber}${leg.codeshare ? ` op ${leg.operatingCarrier}${leg.operatingFlightNumber}` : ''} ${leg.departureAirport}-${leg.arrivalAirport}${leg.isPushFlight ? ' push' : ''}`,
  );

describe('parsePnrgov on the GTAS samples', () => {
  it('bigMessagePnr.txt: seven travellers on three legs, e-mails, cards, bags per leg', () => {
    const reservation = only('bigMessagePnr.txt');
    expect(reservation).toMatchObject({
      recordLocator: '86C92D',
      owningCarrier: 'UA',
      createdAt: '2018-08-08T12:20:00',
      lastModifiedAt: '2018-09-27T12:39:00',
    });
    expect(reservation.travellers).toHaveLength(7);
    expect(legs(reservation)).toEqual(['ET834 WDH-ADD', 'ET706 ADD-FRA', 'UA988 FRA-IAD push']);
    expect(reservation.contacts.emails.map((email) => email.address)).toEqual([
      'lorelei.holcombe@hotmail.com',
      'joseph.emmett@yahoo.com',
      'jacquelynn.maldonado@yahoo.com',
      'negisti.nuguse@hotmail.com',
      'lucy_slocombe@gmail.com',
      'weldon_michaels@gmail.com',
      'li_hou@gmail.com',
    ]);
    expect(
      reservation.payments.map(
        (payment) => `${payment.type}:${payment.cardVendor}:${payment.cardNumber}:${payment.amount}`,
      ),
    ).toEqual([
      'CC:VI:XXXXXXXXXXXX2786:100',
      'CC:AX:370266XXXXX6916:100',
      'CC:MA:XXXXXXXXXXXX8194:250',
      'CC:VI:XXXXXXXXXXXX9202:350',
      'CA:null:null:100',
      'CC:VI:XXXXXXXXXXXX9490:100',
      'CC:AX:370266XXXXX5205:100',
    ]);
    const [holcombe, , , , , michaels] = reservation.travellers;
    expect(holcombe.documents[0]).toMatchObject({
      number: '813281747',
      issuingCountry: 'USA',
      dateOfBirth: '1998-08-12',
      expiryDate: '2019-12-08',
    });
    expect(tags(holcombe)).toEqual(['1:2x44lb[ET0447>FRA ET0448>FRA]', '2:2x44lb[ET0447>FRA ET0448>FRA]']);
    expect(holcombe.bags[0].weightKg).toBe(20);
    expect(holcombe.seats).toEqual([
      { legSequence: 3, seat: '38E', source: 'booking', cabinClass: null },
      { legSequence: 3, seat: '38E', source: 'check-in', cabinClass: 'Y' },
    ]);
    expect(michaels.bags[0].tags.map((tag) => tag.number)).toEqual(['0455', '0456', '0457', '0458']);
    expect(michaels.seats.map((seat) => seat.seat)).toEqual(['8D']);
  });

  it('multiple_flight_leg_pnr.txt and pnrWithPrefixesAndBookingDetailBags.txt: codeshares by a second TVL', () => {
    const reservation = only('multiple_flight_leg_pnr.txt');
    expect(legs(reservation)).toEqual([
      'UA989 IAD-FRA',
      'UA8749 op LH624 FRA-KWI',
      'UA8750 op LH625 KWI-FRA',
      'UA988 FRA-IAD push',
    ]);
    const [stacy, peter] = reservation.travellers;
    expect(stacy).toMatchObject({
      surname: 'CHENNAPRAGADA',
      givenNames: 'STACYMR',
      dateOfBirth: '1972-02-18',
    });
    expect(tags(stacy)).toEqual(['1:1x37lb[UA0683>KWI]', '2:1x37lb[LH0683>FRA]']);
    expect(peter.seats).toContainEqual({ legSequence: 4, seat: '43E', source: 'check-in', cabinClass: 'Y' });
    expect(reservation.payments.map((payment) => [payment.type, payment.amount])).toEqual([
      ['CA', 100],
      ['CA', 800],
    ]);

    const prefixes = only('pnrWithPrefixesAndBookingDetailBags.txt');
    expect(prefixes.recordLocator).toBe('8A4E83');
    expect(legs(prefixes)).toEqual([
      'UA989 IAD-FRA',
      'UA8749 op LH624 FRA-KWI',
      'UA8750 op LH625 KWI-FRA',
      'UA988 FRA-IAD push',
    ]);
    expect(prefixes.travellers.map((traveller) => tags(traveller)[0])).toEqual([
      '1:1x40lb[UA0506>KWI]',
      '1:1x33lb[UA0509>KWI]',
    ]);
  });

  it('pnr3.txt and pnr4.txt: sponsors of card payments, check-in sequences, ticket numbers in SSR TKNE', () => {
    const four = only('pnr3.txt');
    expect(
      four.travellers.map(
        (traveller) =>
          `${traveller.surname} ${traveller.documents[0].number} ${traveller.documents[0].nationality}`,
      ),
    ).toEqual([
      'DOOLIN 276222776 PAK',
      'CHISOLM 872204801 GBR',
      'WOO 270398251 PAK',
      'FENWICK 422615487 USA',
    ]);
    // "//ERI/270398251/...": no document type, issued by ERI.
    expect(four.travellers[2].documents[0]).toMatchObject({ type: null, issuingCountry: 'ERI' });
    expect(four.payments[0]).toMatchObject({
      cardVendor: 'MA',
      cardNumber: 'XXXXXXXXXXXX2580',
      cardExpiry: '2017-05',
      cardHolder: 'PETER DOOLIN',
      sponsorPhone: '835640133044',
    });
    expect(
      four.travellers[0].checkIns.map((checkIn) => `${checkIn.legSequence}:${checkIn.sequence}`),
    ).toEqual(['1:20', '2:20', '3:20']);
    expect(four.serviceRequests.find((request) => request.code === 'TKNE')?.text).toBe(
      'TKT NBR 55890050196026 30AUG19 E PETERDOOLIN',
    );

    const one = only('pnr4.txt');
    expect(one).toMatchObject({ recordLocator: '0995F0', createdAt: '2019-07-27T11:20:00' });
    expect(one.travellers[0]).toMatchObject({
      surname: 'RAVAL',
      givenNames: 'CHRISTOPHER',
      dateOfBirth: '1964-09-09',
    });
    expect(one.travellers[0].checkIns[0]).toEqual({
      legSequence: 1,
      sequence: '199',
      checkedInAt: '2019-08-15T21:12:00',
    });
    expect(tags(one.travellers[0])).toEqual(['1:1x26lb[UA0621>IAD]']);
  });

  it('pnrMessageExample.txt and pnrWithDoco.txt: five travellers with bag tags; a visa (DOCO)', () => {
    const five = only('pnrMessageExample.txt');
    expect(five.travellers.map((traveller) => traveller.bags[0]?.tags.flatMap((tag) => tag.numbers))).toEqual(
      [['0847'], ['0848'], ['0849'], ['0852', '0853'], ['0853', '0854', '0855', '0856']],
    );
    expect(five.payments[0]).toMatchObject({
      cardVendor: 'AX',
      cardNumber: '372395XXXXX9581',
      cardHolder: 'MOLLY LOBB',
    });
    expect(five.travellers[1].documents[0]).toMatchObject({
      number: '330102546',
      issuingCountry: null,
      dateOfBirth: '1942-10-21',
    });

    const doco = only('pnrWithDoco.txt');
    expect(doco.travellers[0].visas).toEqual([
      {
        placeOfBirth: 'HERE VA',
        type: 'V',
        number: '8675309',
        placeOfIssue: 'OTHER PLACE',
        issueDate: '2006-12-22',
        applicableCountry: 'LI',
        infant: false,
        text: 'HERE VA/V/8675309/OTHER PLACE/22DEC06/LI',
      },
    ]);
    expect(doco.contacts.emails[0]).toMatchObject({
      address: 'charles.ackary@yahoo.com',
      travellerSequence: 1,
    });
  });

  it('the contact samples: mobile phones in ADD and OSI, released "+" and "UNT" inside an e-mail, no MSG/ORG', () => {
    const address = only('pnrAddressPhoneCTCM.txt');
    expect(
      address.contacts.phones.map((phone) => [phone.type, phone.typeCode, phone.number, phone.source]),
    ).toEqual([
      ['unspecified', null, '8675309', 'ADD'],
      ['mobile', 'M', '5432109876', 'ADD'],
    ]);
    expect(address.contacts.emails[0]).toMatchObject({
      address: 'molly_lont+50bb@gmail.com',
      text: 'CTCE MOLLY..LONT+50BB//GMAIL.COM',
      travellerSequence: 1,
    });
    const edge = only('pnrEdge.txt');
    expect(edge.contacts.emails.map((email) => email.address)).toEqual(['molly_louunt+50bb@gmail.com']);
    for (const file of ['pnrPhoneCTCM.txt', 'pnrPhoneCTC_M.txt']) {
      expect(only(file).contacts.phones[1]).toMatchObject({
        type: 'mobile',
        number: '123456789',
        source: 'OSI',
        travellerSequence: 1,
      });
    }
    const noHeader = parseFixture('pnrNoOrgMsg.txt');
    expect(noHeader.messages[0]).toMatchObject({
      messageFunction: null,
      sender: null,
      flight: { flightNumber: '988' },
    });
    expect(noHeader.messages[0].warnings.map((issue) => [issue.code, issue.line, issue.tag])).toEqual([
      ['msg-missing', 2, 'UNH'],
      ['org-missing', 2, 'UNH'],
    ]);
    expect(noHeader.messages[0].reservations[0].contacts.phones[1].number).toBe('5432109876');
  });

  it('bigbigPnr.txt and pnrWithBags.txt: 47 and 127 reservations in one message', () => {
    const big = parseFixture('bigbigPnr.txt');
    const reservations = big.messages[0].reservations;
    expect(reservations).toHaveLength(47);
    expect(reservations.flatMap((reservation) => reservation.travellers)).toHaveLength(86);
    expect(reservations[0]).toMatchObject({ recordLocator: 'BGXFR4', owningCarrier: 'XL' });
    // The push is for XL1439 on 20 February; this reservation flies it on the 21st.
    expect(legs(reservations[0])).toEqual(['VS138 JFK-LHR', 'BS462 LHR-JFK', 'XL1439 JFK-GYE']);
    expect(reservations[46].travellers.map((traveller) => traveller.surname)).toEqual([
      'TWIGG',
      'FESAHAYE',
      'BRYAN',
    ]);
    // Booked as LUNST, checked in as LUSNT under the same reference: kept, and pointed out.
    const named = big.warnings.find((issue) => issue.code === 'traveller-name-differs');
    expect(named).toMatchObject({ line: 891, tag: 'TRI' });
    expect(named?.message).toBe(
      "check-in on leg 2 carries the reference of traveller 1 under another name than the booking's",
    );
    const lunst = reservations.find((reservation) => reservation.recordLocator === 'WOS8ML')!;
    expect(lunst.travellers[0]).toMatchObject({ surname: 'LUNST', givenNames: 'DOMINIC' });
    expect(lunst.travellers[0].seats).toContainEqual({
      legSequence: 2,
      seat: '9B',
      source: 'check-in',
      cabinClass: 'Y',
    });
    expect(big.warnings.find((issue) => issue.code === 'reservation-count-mismatch')?.message).toContain(
      'EQN declares 1',
    );

    const bags = parseFixture('pnrWithBags.txt').messages[0].reservations;
    expect(bags).toHaveLength(127);
    const travellers = bags.flatMap((reservation) => reservation.travellers);
    expect(travellers).toHaveLength(268);
    expect(travellers.flatMap((traveller) => traveller.bags.flatMap((set) => set.tags))).toHaveLength(806);
    expect(bags[0].travellers[0]).toMatchObject({ surname: 'FENNER', givenNames: 'JACKIMRS' });
    expect(tags(bags[0].travellers[0])).toEqual(['1:1x53lb[ET0443>FRA]', '2:1x53lb[ET0443>FRA]']);
    expect(bags[126]).toMatchObject({ recordLocator: '12DA32' });
    expect(
      new Set(bags.flatMap((reservation) => reservation.payments.map((payment) => payment.type))),
    ).toEqual(new Set(['CC', 'CA', 'MS', 'GR', 'CK', 'DP']));
  });
});
