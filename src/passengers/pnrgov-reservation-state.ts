/**
 * The state of a reservation being read, and the leg-level groups that PNRGOV nests under a
 * TVL: check-in (TRI, TIF, SSD seat, TBD bags) and non-air services (MSG, TVL).
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  type DayKey,
  type Segment,
} from '../edifact/index.js';
import { expandBagTags } from './paxlst-bags.js';
import { readPnrDateTime } from './pnrgov-dates.js';
import { readTravelProduct } from './pnrgov-itinerary.js';
import type {
  CheckedBags,
  HistoryEntry,
  ItineraryLeg,
  PnrPayment,
  PnrReservation,
  PnrTicket,
  PnrTraveller,
} from './pnrgov-model.js';
import { normaliseSeat } from './pnrgov-ssr.js';

/** Which group the last opening segment started. */
export type Context =
  'header' | 'traveller' | 'ticket' | 'payment' | 'leg' | 'check-in' | 'split' | 'non-air' | 'history';

export interface PendingServiceRequest {
  segment: Segment;
  /** The traveller whose group the SSR was in (Gr.2), if any. */
  traveller: PnrTraveller | null;
  leg: ItineraryLeg | null;
}

/** A check-in group (TRI, TIF, SSD, TBD) of a leg, matched to a traveller at the end. */
export interface PendingCheckIn {
  leg: ItineraryLeg;
  segment: Segment;
  sequence: string | null;
  checkedInAt: string | null;
  travellerReference: string | null;
  surname: string | null;
  givenNames: string | null;
  seat: string | null;
  cabinClass: string | null;
  bags: CheckedBags[];
}

export interface ReservationBuilder {
  reservation: PnrReservation;
  /** The SRC (or RCI) that opened the reservation. */
  start: Segment;
  reference: DayKey;
  context: Context;
  traveller: PnrTraveller | null;
  ticket: PnrTicket | null;
  /** The payments of the last FOP, which a following sponsor (IFT 43) or ADD describes. */
  payments: PnrPayment[];
  leg: ItineraryLeg | null;
  /** DAT+2 of the current leg: when its travellers checked in. */
  legCheckedInAt: string | null;
  checkIn: PendingCheckIn | null;
  history: HistoryEntry | null;
  /** MSG business function of the non-air items that follow (8 hotel). */
  businessFunction: string | null;
  serviceRequests: PendingServiceRequest[];
  checkIns: PendingCheckIn[];
  /** Adults whose TIF says an infant travels with them. */
  adultsWithInfant: Set<PnrTraveller>;
  /** Each traveller's TIF, for warnings found once the reservation is complete. */
  travellerSegments: Map<PnrTraveller, Segment>;
}

const POUNDS_TO_KILOGRAMS = 0.45359237;

/** TBD++count:weight:unit++pool:reference+carrier:tag:consecutive:destination+... */
function readBags(segment: Segment, legSequence: number, warnings: PnrReservation['warnings']): CheckedBags {
  const weightText = componentValue(segment, 1, 1).trim();
  const weight = /^\d+(?:\.\d+)?$/.test(weightText) ? Number(weightText) : null;
  const unitCode = componentValue(segment, 1, 2).trim();
  const weightUnit = unitCode === '700' ? 'kg' : unitCode === '701' ? 'lb' : null;
  const poolCode = componentValue(segment, 3, 0).trim().toUpperCase();
  const bags: CheckedBags = {
    legSequence,
    count: parseCount(componentValue(segment, 1, 0)),
    weight,
    weightUnit,
    weightKg:
      weight === null || weightUnit === null
        ? null
        : weightUnit === 'kg'
          ? weight
          : Math.round(weight * POUNDS_TO_KILOGRAMS * 10) / 10,
    pool: poolCode === 'HP' ? 'head' : poolCode === 'MP' ? 'member' : null,
    poolReference: optionalValue(segment, 3, 1),
    tags: [],
  };
  const tagElements = segment.elements.slice(4).filter((composite) => (composite[1] ?? '').trim()).length;
  // Some systems send one tag per bag with another number in the count's place: a range is
  // only expanded when the tags sent are fewer than the bags and the range fits in them.
  const onePerBag = bags.count !== null && tagElements >= bags.count;
  for (let i = 4; i < segment.elements.length; i++) {
    const number = componentValue(segment, i, 1).trim();
    if (!number) continue;
    const consecutiveText = componentValue(segment, i, 2).trim();
    const consecutive = parseCount(consecutiveText);
    let numbers = [number];
    if (!onePerBag && consecutive !== null && consecutive > 1) {
      if (bags.count !== null && consecutive > bags.count) {
        warnings.push(
          issueAt(
            segment,
            'invalid-bag-tag',
            `TBD bag tag ${number}: ${consecutive} consecutive tags for ${bags.count} bags; range not expanded`,
          ),
        );
      } else {
        const { tags, problem } = expandBagTags(number, consecutiveText);
        if (problem) warnings.push(issueAt(segment, 'invalid-bag-tag', `TBD bag tag ${number}: ${problem}`));
        numbers = tags;
      }
    }
    const destination = optionalValue(segment, i, 3);
    if (destination && !/^[A-Z]{3}$/.test(destination)) {
      warnings.push(
        issueAt(
          segment,
          'invalid-bag-tag',
          `TBD bag tag ${number}: destination "${destination}" is not an airport code`,
        ),
      );
    }
    bags.tags.push({ carrier: optionalValue(segment, i, 0), number, consecutive, destination, numbers });
  }
  return bags;
}

function startCheckIn(builder: ReservationBuilder, segment: Segment): PendingCheckIn {
  const checkIn: PendingCheckIn = {
    leg: builder.leg!,
    segment,
    sequence: null,
    checkedInAt: builder.legCheckedInAt,
    travellerReference: null,
    surname: null,
    givenNames: null,
    seat: null,
    cabinClass: null,
    bags: [],
  };
  builder.checkIns.push(checkIn);
  builder.checkIn = checkIn;
  builder.context = 'check-in';
  return checkIn;
}

/** TRI, TIF, SSD and TBD inside a leg. */
export function readCheckInSegment(builder: ReservationBuilder, segment: Segment): void {
  const warnings = builder.reservation.warnings;
  let checkIn = builder.context === 'check-in' ? builder.checkIn : null;
  switch (segment.tag) {
    case 'TRI':
      checkIn = startCheckIn(builder, segment);
      checkIn.sequence = optionalValue(segment, 1, 0);
      checkIn.travellerReference = optionalValue(segment, 1, 3);
      return;
    case 'TIF':
      if (!checkIn || checkIn.surname !== null) checkIn = startCheckIn(builder, segment);
      checkIn.surname = componentValue(segment, 0, 0).trim();
      checkIn.givenNames = componentValue(segment, 1, 0).trim();
      checkIn.travellerReference = optionalValue(segment, 1, 2) ?? checkIn.travellerReference;
      return;
    case 'SSD':
      if (!checkIn) {
        warnings.push(
          issueAt(
            segment,
            'unexpected-segment',
            'SSD (seat) before the traveller it is for (TRI, TIF); ignored',
          ),
        );
        return;
      }
      checkIn.seat = normaliseSeat(componentValue(segment, 0, 0));
      checkIn.cabinClass = optionalValue(segment, 4);
      return;
    case 'TBD':
      if (!checkIn) {
        warnings.push(
          issueAt(
            segment,
            'unexpected-segment',
            'TBD (bags) before the traveller they are for (TRI, TIF); ignored',
          ),
        );
        return;
      }
      checkIn.bags.push(readBags(segment, checkIn.leg.sequence, warnings));
  }
}

/** TVL after MSG: a hotel (business function 8) or another non-air item. */
export function readOtherService(builder: ReservationBuilder, segment: Segment): void {
  const product = readTravelProduct(segment);
  const read = (date: string, time: string) => {
    const reading = readPnrDateTime(date, time, 'near', builder.reference);
    if (reading.problem)
      builder.reservation.warnings.push(issueAt(segment, 'invalid-date', `TVL: ${reading.problem}`));
    return reading.value;
  };
  builder.reservation.otherServices.push({
    businessFunction: builder.businessFunction,
    kind: builder.businessFunction === '8' ? 'hotel' : 'other',
    start: read(product.departureDate, product.departureTime),
    end: read(product.arrivalDate, product.arrivalTime),
    location: product.departureAirport,
    name: product.departureName,
    provider: product.carrier,
    product: [product.flightNumber, product.bookingClass].filter(Boolean).join(' ') || null,
  });
}
