/**
 * One reservation (PNRGOV Gr.1, from SRC to the next SRC). PNRGOV nests groups by position
 * only, and senders of 10.1 to 13.1 nest them differently, so the reader keeps a context (which
 * group the last opening segment started) and reads each segment in it. Cross-references
 * (traveller numbers in SSRs and check-in groups) are resolved at the end, in pnrgov-links.ts.
 */
import {
  componentValue,
  tagKey,
  issueAt,
  optionalValue,
  parseCount,
  type Segment,
  type Separators,
} from '../edifact/index.js';
import type { DayKey } from './paxlst-dates.js';
import { addAddress, addContact, readAddress, readContactText, readPhoneNumber } from './pnrgov-contacts.js';
import {
  addRecordLocators,
  readDates,
  readExcessBaggage,
  readFreeText,
  readHistoryLine,
  readOriginator,
  readRecordLocators,
} from './pnrgov-header.js';
import { readHistorySegment, startHistoryEntry } from './pnrgov-history.js';
import {
  isOperatingFlightOnly,
  readLegSegment,
  readTravelProduct,
  setOperatingFlight,
  startLeg,
} from './pnrgov-itinerary.js';
import { readCheckInSegment, readOtherService, type ReservationBuilder } from './pnrgov-reservation-state.js';
import type { PnrReservation, Remark } from './pnrgov-model.js';
import {
  newTicket,
  newTraveller,
  readAmounts,
  readFare,
  readFrequentFlyer,
  readPayments,
  readPricing,
  readTaxes,
  readTif,
} from './pnrgov-traveller.js';
import { readPnrDateTime } from './pnrgov-dates.js';

/** Segments PNRGOV defines that carry nothing the model holds; read without a warning. */
const SILENT_TAGS = new Set(['EQD', 'PDI', 'ERC', 'SRC']);

const REMARK_KINDS: Record<string, Remark['kind']> = {
  '28': 'other-service-information',
  '43': 'sponsor',
  '15': 'fare-calculation',
};

export function startReservation(segment: Segment, reference: DayKey): ReservationBuilder {
  const reservation: PnrReservation = {
    recordLocator: null,
    owningCarrier: null,
    recordLocators: [],
    createdAt: null,
    lastModifiedAt: null,
    ticketedAt: null,
    dates: [],
    bookingOffice: null,
    groupName: null,
    travellers: [],
    itinerary: [],
    contacts: { phones: [], emails: [], addresses: [] },
    payments: [],
    serviceRequests: [],
    remarks: [],
    split: null,
    excessBaggage: [],
    otherServices: [],
    history: [],
    historyText: [],
    startsAt: { segment: segment.index, line: segment.line, column: segment.column },
    warnings: [],
  };
  return {
    reservation,
    start: segment,
    reference,
    context: 'header',
    traveller: null,
    ticket: null,
    payments: [],
    leg: null,
    legCheckedInAt: null,
    checkIn: null,
    history: null,
    businessFunction: null,
    serviceRequests: [],
    checkIns: [],
    adultsWithInfant: new Set(),
    travellerSegments: new Map(),
  };
}

const inTravellerGroup = (builder: ReservationBuilder) =>
  builder.traveller !== null &&
  (builder.context === 'traveller' || builder.context === 'ticket' || builder.context === 'payment');

const inLeg = (builder: ReservationBuilder) =>
  builder.leg !== null && (builder.context === 'leg' || builder.context === 'check-in');

function misplaced(builder: ReservationBuilder, segment: Segment, expected: string): void {
  builder.reservation.warnings.push(
    issueAt(segment, 'unexpected-segment', `${segment.tag} outside ${expected}; ignored`),
  );
}

function readFreeTextSegment(builder: ReservationBuilder, segment: Segment): void {
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
        payment.sponsorName = name || null;
        if (payment.cardNumber !== null || payment.kind === 'card') payment.cardHolder = name || null;
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

function readDateSegment(builder: ReservationBuilder, segment: Segment): void {
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

function readAddressSegment(builder: ReservationBuilder, segment: Segment): void {
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

function readTravellerSegment(builder: ReservationBuilder, segment: Segment): void {
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

function readTicketSegment(builder: ReservationBuilder, segment: Segment): void {
  const ticket = builder.ticket!;
  if (segment.tag === 'MON') return readAmounts(ticket, segment);
  if (segment.tag === 'TXD') return readTaxes(ticket, segment);
  const { date, time } = readPricing(ticket, segment);
  const reading = readPnrDateTime(date, time, 'near', builder.reference);
  if (reading.problem)
    builder.reservation.warnings.push(issueAt(segment, 'invalid-date', `PTK: ${reading.problem}`));
  ticket.issuedAt ??= reading.value;
}

function readPaymentSegment(builder: ReservationBuilder, segment: Segment): void {
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

function readTravellerInformation(builder: ReservationBuilder, segment: Segment): void {
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

function readTravelSegment(builder: ReservationBuilder, segment: Segment): void {
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

/** Tags as numbers: the reader switches over every segment of the message. */
const ABI = tagKey('ABI');
const ADD = tagKey('ADD');
const APD = tagKey('APD');
const DAT = tagKey('DAT');
const EBD = tagKey('EBD');
const EQN = tagKey('EQN');
const FAR = tagKey('FAR');
const FOP = tagKey('FOP');
const FTI = tagKey('FTI');
const IFT = tagKey('IFT');
const LTS = tagKey('LTS');
const MON = tagKey('MON');
const MSG = tagKey('MSG');
const ORG = tagKey('ORG');
const PTK = tagKey('PTK');
const RCI = tagKey('RCI');
const REF = tagKey('REF');
const RPI = tagKey('RPI');
const SSD = tagKey('SSD');
const SSR = tagKey('SSR');
const TBD = tagKey('TBD');
const TIF = tagKey('TIF');
const TKT = tagKey('TKT');
const TRA = tagKey('TRA');
const TRI = tagKey('TRI');
const TVL = tagKey('TVL');
const TXD = tagKey('TXD');

/** Reads one segment of the reservation into the builder. */
export function readReservationSegment(
  builder: ReservationBuilder,
  segment: Segment,
  separators: Separators,
): void {
  const reservation = builder.reservation;
  const tag = segment.tag;
  const key = tagKey(tag);
  if (key === ABI) {
    builder.history = startHistoryEntry(segment);
    reservation.history.push(builder.history);
    builder.context = 'history';
    return;
  }
  if (key === LTS) {
    const line = readHistoryLine(segment, separators);
    if (line) reservation.historyText.push(line);
    return;
  }
  if (builder.context === 'history' && builder.history) {
    return readHistorySegment(builder.history, segment, builder.reference, reservation.warnings);
  }
  switch (key) {
    case RCI: {
      const locators = readRecordLocators(segment, builder.reference, reservation.warnings);
      if (builder.context === 'split' && reservation.split)
        reservation.split.recordLocators.push(...locators);
      else addRecordLocators(reservation, locators);
      return;
    }
    case TIF:
      if (inLeg(builder)) return readCheckInSegment(builder, segment);
      return readTravellerInformation(builder, segment);
    case TVL:
      return readTravelSegment(builder, segment);
    case EQN:
      reservation.split = { count: parseCount(componentValue(segment, 0)), recordLocators: [] };
      builder.context = 'split';
      return;
    case MSG:
      builder.businessFunction = optionalValue(segment, 0, 0) ?? optionalValue(segment, 0, 1);
      builder.context = 'non-air';
      return;
    case DAT:
      return readDateSegment(builder, segment);
    case ORG:
      if (inLeg(builder)) return;
      if (!reservation.bookingOffice) reservation.bookingOffice = readOriginator(segment);
      return;
    case ADD:
      return readAddressSegment(builder, segment);
    case EBD:
      reservation.excessBaggage.push(readExcessBaggage(segment));
      return;
    case IFT:
      return readFreeTextSegment(builder, segment);
    case SSR:
      builder.serviceRequests.push({
        segment,
        traveller: inTravellerGroup(builder) ? builder.traveller : null,
        leg: inLeg(builder) ? builder.leg : null,
      });
      return;
    case FTI:
    case REF:
    case FAR:
      if (inTravellerGroup(builder)) return readTravellerSegment(builder, segment);
      return misplaced(builder, segment, 'a traveller (TIF)');
    case TKT:
      if (!inTravellerGroup(builder)) return misplaced(builder, segment, 'a traveller (TIF)');
      builder.ticket = newTicket(segment);
      builder.traveller!.tickets.push(builder.ticket);
      builder.context = 'ticket';
      return;
    case MON:
    case PTK:
    case TXD:
      if (builder.ticket && (builder.context === 'ticket' || builder.context === 'payment')) {
        return readTicketSegment(builder, segment);
      }
      return misplaced(builder, segment, 'a ticket (TKT)');
    case FOP:
      return readPaymentSegment(builder, segment);
    case RPI:
    case APD:
    case TRA:
      if (inLeg(builder)) {
        readLegSegment(builder.leg!, segment);
        return;
      }
      return misplaced(builder, segment, 'an itinerary leg (TVL)');
    case TRI:
    case SSD:
    case TBD:
      if (inLeg(builder)) return readCheckInSegment(builder, segment);
      return misplaced(builder, segment, 'an itinerary leg (TVL)');
    default:
      if (!SILENT_TAGS.has(tag)) {
        reservation.warnings.push(
          issueAt(
            segment,
            'unexpected-segment',
            `segment ${tag} is not expected in a PNRGOV reservation; ignored`,
          ),
        );
      }
  }
}
