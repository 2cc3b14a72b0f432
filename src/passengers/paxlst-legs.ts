import {
  componentValue,
  issueAt,
  optionalValue,
  readEdifactDate,
  type DayKey,
  type ParseIssue,
  type Segment,
} from '../edifact/index.js';
import { airportLocalToUtc } from '../reference/airports-time.js';
import type { DateTimeValue, FlightLeg } from './paxlst-model.js';

/** A flight leg being read: TDT, then its LOC and DTM segments (PAXLST segment groups 2-3). */
export interface LegBuilder {
  leg: FlightLeg;
  /** Local times until the airports are known, then converted with their time zones. */
  departureLocal: string | null;
  arrivalLocal: string | null;
  /** What the last LOC set, so that the DTM after it can confirm or correct it. */
  lastLocation: 'departure' | 'arrival' | null;
  lastQualifier: string;
}

/** IATA (two characters, not both digits) or ICAO (three letters) designator, then 1-4 digits and a suffix. */
const FLIGHT_IDENTIFIER = /^(?:([A-Z0-9]{2})|([A-Z]{3}))\s?(\d{1,4}[A-Z]?)$/;

/** Splits "UA0989" into carrier "UA" and number "0989"; the carrier element wins when present. */
export function splitFlightIdentifier(
  identifier: string,
  carrierElement: string,
): { carrier: string; flightNumber: string } {
  const id = identifier.trim().toUpperCase();
  const carrier = carrierElement.trim().toUpperCase();
  if (carrier && id.startsWith(carrier) && id.length > carrier.length) {
    return { carrier, flightNumber: id.slice(carrier.length).trim() };
  }
  const match = FLIGHT_IDENTIFIER.exec(id);
  if (match) {
    const designator = match[1] ?? match[2];
    if (!/^\d\d$/.test(designator)) return { carrier: carrier || designator, flightNumber: match[3] };
  }
  return { carrier, flightNumber: id };
}

export function startLeg(segment: Segment, sequence: number, warnings: ParseIssue[]): LegBuilder {
  const identifier = componentValue(segment, 1);
  const carrierElement = componentValue(segment, 4);
  const { carrier, flightNumber } = splitFlightIdentifier(identifier, carrierElement);
  if (!identifier.trim()) {
    warnings.push(
      issueAt(segment, 'flight-missing', 'TDT without a flight: expected the flight identifier in element 2'),
    );
  } else if (!carrier) {
    warnings.push(
      issueAt(
        segment,
        'carrier-unknown',
        `carrier of flight "${identifier}" unknown: expected it in element 5 or as a prefix`,
      ),
    );
  }
  return {
    leg: {
      sequence,
      carrier,
      flightNumber,
      departureAirport: null,
      arrivalAirport: null,
      scheduledDeparture: null,
      scheduledArrival: null,
      crossesBorder: false,
    },
    departureLocal: null,
    arrivalLocal: null,
    lastLocation: null,
    lastQualifier: '',
  };
}

/**
 * LOC in a leg. 125: last airport before the border, 87: first airport after it; 92: an
 * airport of a progressive (multi-sector) flight, departure or arrival as its DTM tells;
 * 130: final destination.
 */
export function readLegLocation(builder: LegBuilder, segment: Segment, warnings: ParseIssue[]): void {
  const qualifier = componentValue(segment, 0).trim();
  const airport = optionalValue(segment, 1);
  const leg = builder.leg;
  builder.lastQualifier = qualifier;
  switch (qualifier) {
    case '125':
      leg.departureAirport = airport;
      leg.crossesBorder = true;
      builder.lastLocation = 'departure';
      return;
    case '87':
      leg.arrivalAirport = airport;
      leg.crossesBorder = true;
      builder.lastLocation = 'arrival';
      return;
    case '92':
    case '130':
      if (qualifier === '92' && leg.departureAirport === null) {
        leg.departureAirport = airport;
        builder.lastLocation = 'departure';
      } else {
        leg.arrivalAirport = airport;
        builder.lastLocation = 'arrival';
      }
      return;
    default:
      builder.lastLocation = null;
      warnings.push(
        issueAt(
          segment,
          'unexpected-qualifier',
          `LOC+${qualifier} in a flight leg: expected 125, 87, 92 or 130`,
        ),
      );
  }
}

/** DTM in a leg: 189 scheduled departure, 232 scheduled arrival (local times). */
export function readLegDateTime(
  builder: LegBuilder,
  segment: Segment,
  reference: DayKey,
  warnings: ParseIssue[],
): void {
  const qualifier = componentValue(segment, 0, 0).trim();
  if (qualifier !== '189' && qualifier !== '232') {
    warnings.push(
      issueAt(segment, 'unexpected-qualifier', `DTM+${qualifier} in a flight leg: expected 189 or 232`),
    );
    return;
  }
  const leg = builder.leg;
  // A routing airport (92) is a departure or an arrival according to the time that follows it.
  if (builder.lastQualifier === '92') {
    if (qualifier === '232' && builder.lastLocation === 'departure' && leg.arrivalAirport === null) {
      leg.arrivalAirport = leg.departureAirport;
      leg.departureAirport = null;
      builder.lastLocation = 'arrival';
    } else if (qualifier === '189' && builder.lastLocation === 'arrival' && leg.departureAirport === null) {
      leg.departureAirport = leg.arrivalAirport;
      leg.arrivalAirport = null;
      builder.lastLocation = 'departure';
    }
  }
  const reading = readEdifactDate(
    componentValue(segment, 0, 1),
    componentValue(segment, 0, 2),
    'near',
    reference,
  );
  if (reading.problem) {
    warnings.push(issueAt(segment, 'invalid-date', `DTM+${qualifier}: ${reading.problem}`));
    return;
  }
  if (qualifier === '189') builder.departureLocal = reading.value;
  else builder.arrivalLocal = reading.value;
}

function dateTimeAt(local: string | null, airport: string | null): DateTimeValue | null {
  if (local === null) return null;
  const utc = airport ? airportLocalToUtc(local, airport) : null;
  return utc ? { local, utc } : { local };
}

/** Completes a leg once all its segments are read: local times get their UTC instants. */
export function finishLeg(builder: LegBuilder, header: Segment, warnings: ParseIssue[]): FlightLeg {
  const leg = builder.leg;
  leg.scheduledDeparture = dateTimeAt(builder.departureLocal, leg.departureAirport);
  leg.scheduledArrival = dateTimeAt(builder.arrivalLocal, leg.arrivalAirport);
  if (leg.departureAirport === null || leg.arrivalAirport === null) {
    warnings.push(
      issueAt(
        header,
        'leg-incomplete',
        `flight ${leg.carrier}${leg.flightNumber}: expected a departure (LOC+125/92) and an arrival (LOC+87/92) airport`,
      ),
    );
  }
  return leg;
}
