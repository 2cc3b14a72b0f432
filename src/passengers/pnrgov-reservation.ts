/**
 * One reservation (PNRGOV Gr.1, from SRC to the next SRC). PNRGOV nests groups by position
 * only, and senders of 10.1 to 13.1 nest them differently, so the reader keeps a context (which
 * group the last opening segment started) and reads each segment in it. Cross-references
 * (traveller numbers in SSRs and check-in groups) are resolved at the end, in pnrgov-links.ts.
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  tagKey,
  type DayKey,
  type Segment,
  type Separators,
} from '../edifact/index.js';
import {
  addRecordLocators,
  readExcessBaggage,
  readHistoryLine,
  readOriginator,
  readRecordLocators,
} from './pnrgov-header.js';
import { readHistorySegment, startHistoryEntry } from './pnrgov-history.js';
import { readLegSegment } from './pnrgov-itinerary.js';
import type { PnrReservation } from './pnrgov-model.js';
import {
  inLeg,
  inTravellerGroup,
  misplaced,
  readAddressSegment,
  readDateSegment,
  readFreeTextSegment,
  readPaymentSegment,
  readTicketSegment,
  readTravellerInformation,
  readTravellerSegment,
  readTravelSegment,
} from './pnrgov-reservation-segments.js';
import { readCheckInSegment, type ReservationBuilder } from './pnrgov-reservation-state.js';
import { newTicket } from './pnrgov-traveller.js';

/** Segments PNRGOV defines that carry nothing the model holds; read without a warning. */
const SILENT_TAGS = new Set(['EQD', 'PDI', 'ERC', 'SRC']);

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
