/**
 * TVL and the segments of an itinerary leg (PNRGOV Gr.5): TRA and the second TVL of a codeshare,
 * RPI status, APD aircraft. TVL dates and times are local to the airports.
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  type DayKey,
  type ParseIssue,
  type Segment,
} from '../edifact/index.js';
import { airportLocalToUtc } from '../reference/airports-time.js';
import { readPnrDateTime } from './pnrgov-dates.js';
import type { DateTimeValue, ItineraryLeg, PushFlight } from './pnrgov-model.js';

/** TVL as sent: date:time:date:time+from:name+to:name+carrier:operating carrier+flight:class. */
export interface TravelProduct {
  departureDate: string;
  departureTime: string;
  arrivalDate: string;
  arrivalTime: string;
  departureAirport: string | null;
  departureName: string | null;
  arrivalAirport: string | null;
  arrivalName: string | null;
  carrier: string | null;
  operatingCarrier: string | null;
  flightNumber: string | null;
  bookingClass: string | null;
}

export function readTravelProduct(segment: Segment): TravelProduct {
  let arrivalDate = componentValue(segment, 0, 2).trim();
  let arrivalTime = componentValue(segment, 0, 3).trim();
  // "280918:1220:1505": some senders give the arrival time in the arrival date's place.
  if (arrivalDate.length === 4 && !arrivalTime) {
    arrivalTime = arrivalDate;
    arrivalDate = '';
  }
  const departureDate = componentValue(segment, 0, 0).trim();
  return {
    departureDate,
    departureTime: componentValue(segment, 0, 1).trim(),
    // "121210:0915::1230": an arrival time without a date is on the departure day.
    arrivalDate: arrivalDate || (arrivalTime ? departureDate : ''),
    arrivalTime,
    departureAirport: optionalValue(segment, 1, 0),
    departureName: optionalValue(segment, 1, 1),
    arrivalAirport: optionalValue(segment, 2, 0),
    arrivalName: optionalValue(segment, 2, 1),
    carrier: optionalValue(segment, 3, 0),
    operatingCarrier: optionalValue(segment, 3, 1),
    flightNumber: optionalValue(segment, 4, 0),
    bookingClass: optionalValue(segment, 4, 1),
  };
}

/** "TVL+++++624:M": the operating flight of the codeshare leg before it. */
export function isOperatingFlightOnly(product: TravelProduct): boolean {
  return (
    !product.departureDate &&
    !product.departureAirport &&
    !product.arrivalAirport &&
    !product.carrier &&
    product.flightNumber !== null
  );
}

function dateTimeAt(local: string | null, airport: string | null): DateTimeValue | null {
  if (local === null) return null;
  const utc = airport && local.length > 10 ? airportLocalToUtc(local, airport) : null;
  return utc ? { local, utc } : { local };
}

export function readProductTimes(
  product: TravelProduct,
  segment: Segment,
  reference: DayKey,
  warnings: ParseIssue[],
): { departure: DateTimeValue | null; arrival: DateTimeValue | null } {
  const read = (date: string, time: string, what: string) => {
    const reading = readPnrDateTime(date, time, 'near', reference);
    if (reading.problem) warnings.push(issueAt(segment, 'invalid-date', `TVL ${what}: ${reading.problem}`));
    return reading.value;
  };
  return {
    departure: dateTimeAt(
      read(product.departureDate, product.departureTime, 'departure'),
      product.departureAirport,
    ),
    arrival: dateTimeAt(read(product.arrivalDate, product.arrivalTime, 'arrival'), product.arrivalAirport),
  };
}

export function readPushFlight(segment: Segment, reference: DayKey, warnings: ParseIssue[]): PushFlight {
  const product = readTravelProduct(segment);
  return {
    carrier: product.carrier,
    flightNumber: product.flightNumber,
    departureAirport: product.departureAirport,
    arrivalAirport: product.arrivalAirport,
    ...readProductTimes(product, segment, reference, warnings),
  };
}

export function startLeg(
  segment: Segment,
  sequence: number,
  reference: DayKey,
  warnings: ParseIssue[],
): ItineraryLeg {
  const product = readTravelProduct(segment);
  const operating =
    product.operatingCarrier && product.operatingCarrier !== product.carrier
      ? product.operatingCarrier
      : null;
  if (!product.departureAirport || !product.arrivalAirport || !product.flightNumber) {
    warnings.push(
      issueAt(
        segment,
        'leg-incomplete',
        'TVL without departure airport, arrival airport or flight number: the leg is kept as far as it was read',
      ),
    );
  }
  return {
    sequence,
    marketingCarrier: product.carrier,
    flightNumber: product.flightNumber,
    operatingCarrier: operating,
    operatingFlightNumber: null,
    codeshare: operating !== null,
    departureAirport: product.departureAirport,
    arrivalAirport: product.arrivalAirport,
    ...readProductTimes(product, segment, reference, warnings),
    bookingClass: product.bookingClass,
    status: null,
    seatCount: null,
    aircraftType: null,
    isPushFlight: false,
  };
}

/** The operating flight of a codeshare, from a flight-only TVL or from TRA+carrier+flight:class. */
export function setOperatingFlight(
  leg: ItineraryLeg,
  carrier: string | null,
  flightNumber: string | null,
): void {
  if (carrier) leg.operatingCarrier = carrier;
  if (flightNumber) leg.operatingFlightNumber = flightNumber;
  leg.codeshare = leg.operatingCarrier !== null || leg.operatingFlightNumber !== null;
}

/** RPI+quantity+status and APD+aircraft type. */
export function readLegSegment(leg: ItineraryLeg, segment: Segment): boolean {
  if (segment.tag === 'RPI') {
    leg.seatCount = parseCount(componentValue(segment, 0));
    leg.status = optionalValue(segment, 1);
    return true;
  }
  if (segment.tag === 'APD') {
    leg.aircraftType = optionalValue(segment, 0);
    return true;
  }
  if (segment.tag === 'TRA') {
    setOperatingFlight(leg, optionalValue(segment, 0), optionalValue(segment, 1, 0));
    return true;
  }
  return false;
}

const flightKey = (carrier: string | null, number: string | null) =>
  carrier && number ? `${carrier}${Number.parseInt(number, 10) || number}` : null;

/** Marks the legs that carry the flight of the push, marketed or operated, on its day. */
export function markPushFlight(legs: ItineraryLeg[], flight: PushFlight | null): void {
  const pushed = flight ? flightKey(flight.carrier, flight.flightNumber) : null;
  if (!flight || !pushed) return;
  const day = flight.departure?.local.slice(0, 10) ?? null;
  for (const leg of legs) {
    const operated = flightKey(leg.operatingCarrier ?? leg.marketingCarrier, leg.operatingFlightNumber);
    const sameFlight = flightKey(leg.marketingCarrier, leg.flightNumber) === pushed || operated === pushed;
    const legDay = leg.departure?.local.slice(0, 10) ?? null;
    leg.isPushFlight = sameFlight && (day === null || legDay === null || day === legDay);
  }
}

/** A one-line reading of a TVL for history: "DL324 LHR-JFK 101210 0915 B". */
export function describeTravelProduct(product: TravelProduct): string {
  const flight = `${product.carrier ?? ''}${product.operatingCarrier ? `/${product.operatingCarrier}` : ''}${product.flightNumber ?? ''}`;
  const route = [product.departureAirport, product.arrivalAirport].filter(Boolean).join('-');
  const when = [product.departureDate, product.departureTime].filter(Boolean).join(' ');
  return [flight, route, when, product.bookingClass].filter(Boolean).join(' ');
}
