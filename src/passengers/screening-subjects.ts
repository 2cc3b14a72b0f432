/**
 * The passengers domain's screening subjects, registered with targeting (src/services.ts):
 * API travellers (with their flight, journey and latest linked reservation) and reservations
 * (facts, contacts, payment, first flight, and the travellers booked in them and reported on no
 * passenger list, screened as persons of the reservation).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type {
  FlightDirectory,
  FlightSummary,
  MemberName,
  PersonQuery,
  SubjectProvider,
} from '../targeting/index.js';
import {
  bookedTravellerSubject,
  reservationSubject,
  travellerSubject,
  type ReservationRow,
  type TravellerRow,
} from './screening-subject-fields.js';
import { ScreeningSubjectStore } from './screening-subject-store.js';

const flightLabel = (flight: Pick<TravellerRow, 'carrier' | 'flightNumber' | 'origin' | 'destination'>) =>
  `${flight.carrier}${flight.flightNumber} ${flight.origin}-${flight.destination}`;

/** Departure for an outbound flight, arrival for an inbound one: when the hit must have been seen. */
const dueAt = (flight: { direction: string; departureUtc: string | null; arrivalUtc: string | null }) =>
  flight.direction === 'inbound'
    ? (flight.arrivalUtc ?? flight.departureUtc)
    : (flight.departureUtc ?? flight.arrivalUtc);

export class TravellerSubjects implements SubjectProvider<TravellerRow> {
  readonly kind = 'traveller';
  readonly ruleSubject = 'traveller';

  constructor(private readonly store: ScreeningSubjectStore) {}

  load(ids: readonly string[]) {
    return this.store.travellers(ids);
  }

  summary(row: TravellerRow) {
    return {
      id: row.id,
      jurisdictionCode: row.jurisdictionCode,
      name: `${row.givenNames} ${row.surname}`.trim(),
      dueAt: dueAt(row),
      flightId: row.flightId,
      links: { reservation: row.reservation?.id ?? null },
    };
  }

  fields(row: TravellerRow) {
    return travellerSubject(row);
  }

  person(row: TravellerRow): PersonQuery {
    return {
      name: `${row.givenNames} ${row.surname}`.trim(),
      ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}),
      ...(row.nationality ? { nationality: row.nationality } : {}),
      ...(row.sex === 'M' || row.sex === 'F' ? { sex: row.sex } : {}),
      documents: row.documents
        .filter((d) => d.number)
        .map((d) => ({
          number: d.number!,
          ...(d.type ? { type: d.type } : {}),
          ...(d.issuingState ? { issuingState: d.issuingState } : {}),
        })),
    };
  }

  label(row: TravellerRow) {
    return { flight: flightLabel(row), day: (row.departureLocal ?? row.departureUtc ?? '').slice(0, 10) };
  }

  ofMessage(messageId: string) {
    return this.store.travellersOfMessage(messageId);
  }

  dueBetween(from: string, to: string) {
    return this.store.travellersOnFlightsBetween(from, to);
  }

  idsOfPeriod(page: Parameters<SubjectProvider['idsOfPeriod']>[0]) {
    return this.store.travellersOfPeriod(page);
  }
}

export class ReservationSubjects implements SubjectProvider<ReservationRow> {
  readonly kind = 'reservation';
  readonly ruleSubject = 'reservation';

  constructor(private readonly store: ScreeningSubjectStore) {}

  load(ids: readonly string[]) {
    return this.store.reservations(ids);
  }

  summary(row: ReservationRow) {
    return {
      id: row.id,
      jurisdictionCode: row.jurisdictionCode,
      name: `${row.owningCarrier} ${row.recordLocator}`.trim(),
      dueAt: row.flight
        ? row.flight.direction === 'inbound'
          ? (row.flight.arrivalUtc ?? row.flight.departureUtc)
          : row.flight.departureUtc
        : null,
      flightId: row.firstFlightId ?? null,
    };
  }

  fields(row: ReservationRow) {
    return reservationSubject(row);
  }

  /** A reservation is no person: its booked travellers are screened as its members. */
  person(): null {
    return null;
  }

  members(row: ReservationRow) {
    return (row.bookedTravellers ?? []).map((booked) => ({
      sequence: booked.sequence,
      name: `${booked.givenNames} ${booked.surname}`.trim(),
      ruleSubject: 'traveller' as const,
      fields: bookedTravellerSubject(row, booked),
      person: {
        name: `${booked.givenNames} ${booked.surname}`.trim(),
        ...(booked.dateOfBirth ? { dateOfBirth: booked.dateOfBirth } : {}),
        ...(booked.documentNumber ? { documents: [{ number: booked.documentNumber }] } : {}),
      },
    }));
  }

  label(row: ReservationRow) {
    return {
      flight: row.flight ? flightLabel(row.flight) : '',
      day: (row.flight?.departureUtc ?? '').slice(0, 10),
    };
  }

  reference(row: ReservationRow) {
    return { owningCarrier: row.owningCarrier, recordLocator: row.recordLocator };
  }

  ofMessage(messageId: string) {
    return this.store.reservationsOfMessage(messageId);
  }

  dueBetween(from: string, to: string) {
    return this.store.reservationsOnFlightsBetween(from, to);
  }

  idsOfPeriod(page: Parameters<SubjectProvider['idsOfPeriod']>[0]) {
    return this.store.reservationsOfPeriod(page);
  }

  async memberNames(ids: readonly string[]): Promise<Map<string, MemberName[]>> {
    const found = new Map<string, MemberName[]>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    for (const id of unique) found.set(id, []);
    for (const row of await this.store.bookedTravellers(unique))
      found.get(row.reservation_id)!.push({
        sequence: row.sequence,
        name: `${row.given_names} ${row.surname}`.trim(),
        linkedId: row.traveller_id,
      });
    return found;
  }

  /** Reservations a record locator (and carrier) names, in these jurisdictions (null: all). */
  async findByReference(recordLocator: string, carrier: string | undefined, jurisdictions: string[] | null) {
    const rows = await this.store.reservationsByLocator(recordLocator, carrier, jurisdictions);
    return rows.map((row) => ({
      id: row.id,
      owningCarrier: row.owning_carrier,
      recordLocator: row.record_locator,
      firstDepartureLocal: row.first_departure_local,
    }));
  }
}

/** The flights hits name (their flight in the queue and on the hit page). */
export class HitFlights implements FlightDirectory {
  constructor(private readonly store: ScreeningSubjectStore) {}

  async summaries(ids: readonly string[]): Promise<Map<string, FlightSummary>> {
    const rows = await this.store.flightSummaries([...new Set(ids)]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          carrier: row.carrier,
          flightNumber: row.flight_number,
          origin: row.departure_airport,
          destination: row.arrival_airport,
          direction: row.direction,
          departureUtc: row.scheduled_departure_utc,
          arrivalUtc: row.scheduled_arrival_utc,
        },
      ]),
    );
  }

  atAirport(airport: string): Promise<string[]> {
    return this.store.flightsAt(airport);
  }
}

/** The passengers domain's providers, over one store. */
export function passengerSubjects(db: Kysely<Database>) {
  const store = new ScreeningSubjectStore(db);
  return {
    travellers: new TravellerSubjects(store),
    reservations: new ReservationSubjects(store),
    flights: new HitFlights(store),
  };
}
