/**
 * Reading the segments of each group of a reservation (header, traveller, ticket, payment, leg)
 * into the builder; pnrgov-reservation.ts decides which group a segment belongs to.
 */
import { issueAt, optionalValue, type Segment } from '../edifact/index.js';
import { addAddress, addContact, readAddress, readContactText, readPhoneNumber } from './pnrgov-contacts.js';
import { readPnrDateTime } from './pnrgov-dates.js';
import { readDates, readFreeText } from './pnrgov-header.js';
import {
  isOperatingFlightOnly,
  readTravelProduct,
  setOperatingFlight,
  startLeg,
} from './pnrgov-itinerary.js';
import type { Remark } from './pnrgov-model.js';
import { readOtherService, type ReservationBuilder } from './pnrgov-reservation-state.js';
import {
  newTraveller,
  readAmounts,
  readFare,
  readFrequentFlyer,
  readPayments,
  readPricing,
  readTaxes,
  readTif,
} from './pnrgov-traveller.js';

const REMARK_KINDS: Record<string, Remark['kind']> = {
  '28': 'other-service-information',
  '43': 'sponsor',
  '15': 'fare-calculation',
};

export const inTravellerGroup = (builder: ReservationBuilder) =>
  builder.traveller !== null &&
  (builder.context === 'traveller' || builder.context === 'ticket' || builder.context === 'payment');

export const inLeg = (builder: ReservationBuilder) =>
  builder.leg !== null && (builder.context === 'leg' || builder.context === 'check-in');

export function misplaced(builder: ReservationBuilder, segment: Segment, expected: string): void {
  builder.reservation.warnings.push(
    issueAt(segment, 'unexpected-segment', `${segment.tag} outside ${expected}; ignored`),
  );
}

export function readFreeTextSegment(builder: ReservationBuilder, segment: Segment): void {
  const reservation = builder.reservation;
  const freeText = readFreeText(segment);
  const travellerSequence = inTravellerGroup(builder) ? builder.traveller!.sequence : null;
  const legSequence = inLeg(builder) ? builder.leg!.sequence : null;
  const text = freeText.lines.filter((line) => line.length > 0).join(' ');
  if (!text) return;
  if (freeText.typeCode === '43') {
    const [name = '', address = '', phoneText = ''] = freeText.lines;
    const phone = readPhoneNumber(phoneText);
    if (phone) {
      addContact(
        reservation.contacts,
        {
          kind: 'phone',
          phone: {
            type: 'unspecified',
            typeCode: null,
            ...phone,
            text: phoneText,
            source: 'sponsor',
            travellerSequence,
          },
        },
        travellerSequence,
      );
    }
    if (address) {
      addAddress(reservation.contacts, {
        purposeCode: null,
        street: address,
        city: null,
        region: null,
        postalCode: null,
        country: null,
        text: address,
        source: 'sponsor',
        travellerSequence,
      });
    }
    if (builder.context === 'payment' && builder.payments.length > 0) {
      for (const payment of builder.payments) {
        payment.cardHolder = name || null;
        payment.sponsorAddress = address || null;
        payment.sponsorPhone = phone?.number ?? null;
      }
      return;
    }
  } else if (freeText.typeCode === '28') {
    const contact = readContactText(text, 'OSI', travellerSequence);
    if (contact) {
      addContact(reservation.contacts, contact, travellerSequence);
      return;
    }
  }
  reservation.remarks.push({
    typeCode: freeText.typeCode,
    kind: (freeText.typeCode && REMARK_KINDS[freeText.typeCode]) || 'other',
    company: freeText.company,
    text,
    travellerSequence,
    legSequence,
  });
}

export function readDateSegment(builder: ReservationBuilder, segment: Segment): void {
  const reservation = builder.reservation;
  const dates = readDates(segment, builder.reference, reservation.warnings);
  if (builder.context === 'ticket' || builder.context === 'payment') {
    const issued = dates.find((date) => date.qualifier === '710' && date.value);
    if (issued && builder.ticket) builder.ticket.issuedAt = issued.value;
    return;
  }
  if (inLeg(builder)) {
    const checkedIn = dates.find((date) => date.qualifier === '2' && date.value);
    if (checkedIn) builder.legCheckedInAt = checkedIn.value;
    return;
  }
  for (const date of dates) {
    reservation.dates.push(date);
    if (date.qualifier === '700' && date.value) reservation.lastModifiedAt = date.value;
    if (date.qualifier === '710' && date.value) reservation.ticketedAt = date.value;
  }
}

export function readAddressSegment(builder: ReservationBuilder, segment: Segment): void {
  const contacts = builder.reservation.contacts;
  const traveller = inTravellerGroup(builder) && builder.context !== 'payment' ? builder.traveller : null;
  const sequence = traveller?.sequence ?? null;
  const { address, contacts: readings } = readAddress(segment, sequence);
  for (const reading of readings) addContact(contacts, reading, sequence);
  if (!address) return;
  if (builder.context === 'payment') {
    address.source = 'sponsor';
    for (const payment of builder.payments) payment.sponsorAddress = address.text;
  }
  if (traveller) traveller.addresses.push(address);
  addAddress(contacts, address);
}

export function readTravellerSegment(builder: ReservationBuilder, segment: Segment): void {
  const traveller = builder.traveller!;
  if (segment.tag === 'FTI') {
    const flyer = readFrequentFlyer(segment);
    if (flyer) traveller.frequentFlyers.push(flyer);
  } else if (segment.tag === 'REF') {
    const value = optionalValue(segment, 0, 1) ?? optionalValue(segment, 0, 0);
    if (value) traveller.references.push(value);
  } else {
    readFare(traveller, segment);
  }
}

export function readTicketSegment(builder: ReservationBuilder, segment: Segment): void {
  const ticket = builder.ticket!;
  if (segment.tag === 'MON') return readAmounts(ticket, segment);
  if (segment.tag === 'TXD') return readTaxes(ticket, segment);
  const { date, time } = readPricing(ticket, segment);
  const reading = readPnrDateTime(date, time, 'near', builder.reference);
  if (reading.problem)
    builder.reservation.warnings.push(issueAt(segment, 'invalid-date', `PTK: ${reading.problem}`));
  ticket.issuedAt ??= reading.value;
}

export function readPaymentSegment(builder: ReservationBuilder, segment: Segment): void {
  const traveller = inTravellerGroup(builder) ? builder.traveller : null;
  const { payments, hidDigits } = readPayments(
    segment,
    traveller?.sequence ?? null,
    builder.ticket?.number ?? null,
  );
  if (hidDigits) {
    builder.reservation.warnings.push(
      issueAt(
        segment,
        'card-number-masked',
        'FOP: the card number arrived with more than its first 6 and last 4 digits; the others were masked',
      ),
    );
  }
  builder.reservation.payments.push(...payments);
  builder.payments = payments;
  builder.context = 'payment';
}

export function readTravellerInformation(builder: ReservationBuilder, segment: Segment): void {
  const reservation = builder.reservation;
  const tif = readTif(segment);
  if (tif.isGroup) {
    reservation.groupName = [tif.surname, tif.givenNames].filter(Boolean).join(' ') || reservation.groupName;
    builder.traveller = null;
    builder.context = 'header';
    return;
  }
  const traveller = newTraveller(reservation.travellers.length + 1, tif);
  if (tif.withInfant) builder.adultsWithInfant.add(traveller);
  builder.travellerSegments.set(traveller, segment);
  reservation.travellers.push(traveller);
  builder.traveller = traveller;
  builder.ticket = null;
  builder.payments = [];
  builder.context = 'traveller';
}

export function readTravelSegment(builder: ReservationBuilder, segment: Segment): void {
  const reservation = builder.reservation;
  if (builder.context === 'non-air') return readOtherService(builder, segment);
  const product = readTravelProduct(segment);
  if (isOperatingFlightOnly(product)) {
    if (builder.leg) setOperatingFlight(builder.leg, null, product.flightNumber);
    else
      misplaced(builder, segment, 'an itinerary leg (an operating flight needs the marketed one before it)');
    return;
  }
  const leg = startLeg(segment, reservation.itinerary.length + 1, builder.reference, reservation.warnings);
  reservation.itinerary.push(leg);
  builder.leg = leg;
  builder.legCheckedInAt = null;
  builder.checkIn = null;
  builder.context = 'leg';
}
