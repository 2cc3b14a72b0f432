import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { containsPattern } from '../db/like.js';
import type { Database, FlightTable, TravellerTable } from '../db/schema.js';
import type { Issue } from '../messages/model.js';
import type { FlightListQuery, FlightSummary, TravellerSearch, TravellerSummary } from './model.js';
import { nameMatches } from './name-search.js';

type FlightRow = Selectable<FlightTable>;

const flightSort = {
  departure: 'scheduled_departure_local',
  arrival: 'scheduled_arrival_local',
  carrier: 'carrier',
  travellers: 'passenger_count',
} as const;

export function toFlightSummary(row: FlightRow): FlightSummary {
  return {
    id: row.id,
    carrier: row.carrier,
    flightNumber: row.flight_number,
    departureAirport: row.departure_airport,
    arrivalAirport: row.arrival_airport,
    scheduledDepartureLocal: row.scheduled_departure_local,
    scheduledDepartureUtc: row.scheduled_departure_utc,
    scheduledArrivalLocal: row.scheduled_arrival_local,
    scheduledArrivalUtc: row.scheduled_arrival_utc,
    direction: row.direction,
    passengerCount: row.passenger_count,
    crewCount: row.crew_count,
  };
}

type TravellerRow = Selectable<TravellerTable>;

export function toTravellerSummary(row: TravellerRow): TravellerSummary {
  return {
    id: row.id,
    role: row.role,
    surname: row.surname,
    givenNames: row.given_names,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    nationality: row.nationality,
    documentNumber: row.document_number,
    documentType: row.document_type,
    embarkation: row.embarkation,
    debarkation: row.debarkation,
    seat: row.seat,
    reservationReference: row.reservation_reference,
    warningCount: (row.warnings as unknown as Issue[]).length,
  };
}

/** All SQL for flights and travellers. `jurisdictions` null means no restriction. */
export class PassengerStore {
  constructor(private readonly db: Kysely<Database>) {}

  private scoped<T extends SelectQueryBuilder<Database, 'flights', object>>(
    query: T,
    jurisdictions: string[] | null,
  ): T {
    return jurisdictions ? (query.where('flights.jurisdiction_code', 'in', jurisdictions) as T) : query;
  }

  async listFlights(query: FlightListQuery, jurisdictions: string[] | null) {
    let base = this.scoped(this.db.selectFrom('flights'), jurisdictions);
    // A flight belongs to a day by its local departure, or by its arrival when departure is unknown.
    const day = sql<string>`coalesce(scheduled_departure_local, scheduled_arrival_local)::date`;
    if (query.from) base = base.where(day, '>=', query.from);
    if (query.to) base = base.where(day, '<=', query.to);
    if (query.airport) {
      const airport = query.airport;
      base = base.where((eb) =>
        eb.or([eb('departure_airport', '=', airport), eb('arrival_airport', '=', airport)]),
      );
    }
    if (query.carrier) base = base.where('carrier', '=', query.carrier);
    if (query.flightNumber) base = base.where('flight_number', 'like', containsPattern(query.flightNumber));
    if (query.direction) base = base.where('direction', '=', query.direction);
    const descending = query.sort.startsWith('-');
    const column = flightSort[query.sort.replace('-', '') as keyof typeof flightSort];
    const [rows, total] = await Promise.all([
      base
        .selectAll()
        .orderBy(column, (ob) => (descending ? ob.desc().nullsLast() : ob.asc().nullsLast()))
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toFlightSummary), total: Number(total.n) };
  }

  async getFlight(id: string, jurisdictions: string[] | null) {
    const row = await this.scoped(this.db.selectFrom('flights').selectAll(), jurisdictions)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toFlightSummary(row) : undefined;
  }

  manifest = async (flightId: string) =>
    (
      await this.db
        .selectFrom('flight_travellers')
        .innerJoin('travellers', 'travellers.id', 'flight_travellers.traveller_id')
        .selectAll('travellers')
        .where('flight_travellers.flight_id', '=', flightId)
        .orderBy('travellers.surname')
        .orderBy('travellers.given_names')
        .execute()
    ).map(toTravellerSummary);

  async searchTravellers(search: TravellerSearch, jurisdictions: string[] | null) {
    let base = this.db
      .selectFrom('travellers')
      .innerJoin('flights', 'flights.id', 'travellers.primary_flight_id');
    if (jurisdictions) base = base.where('travellers.jurisdiction_code', 'in', jurisdictions);
    // Every word typed must appear in the name, in any order ("ahmed ali" finds "ALI AHMED"), in
    // any script ("Ђорђевић" finds "DJORDJEVIC").
    if (search.name)
      for (const match of nameMatches(sql.ref('travellers.search_name'), search.name))
        base = base.where(match);
    // Passenger lists carry no phone or e-mail: such a search finds booked travellers only.
    if (search.phone || search.email) base = base.where(sql<boolean>`false`);
    if (search.dob) base = base.where('travellers.date_of_birth', '=', search.dob);
    if (search.document) base = base.where('travellers.document_number', '=', search.document.toUpperCase());
    const [rows, total] = await Promise.all([
      base
        .selectAll('travellers')
        .select([
          'flights.carrier',
          'flights.flight_number',
          'flights.departure_airport',
          'flights.arrival_airport',
          'flights.scheduled_departure_local',
          'flights.scheduled_departure_utc',
          'flights.scheduled_arrival_local',
          'flights.scheduled_arrival_utc',
          'flights.direction',
          'flights.passenger_count',
          'flights.crew_count',
        ])
        .orderBy('travellers.search_name')
        .orderBy('travellers.id')
        .limit(search.pageSize)
        .offset((search.page - 1) * search.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const items = rows.map((row) => ({
      ...toTravellerSummary(row),
      flight: toFlightSummary({ ...row, id: row.primary_flight_id } as unknown as FlightRow),
    }));
    return { items, total: Number(total.n) };
  }

  getTraveller = (id: string, jurisdictions: string[] | null) => {
    let query = this.db.selectFrom('travellers').selectAll().where('id', '=', id);
    if (jurisdictions) query = query.where('jurisdiction_code', 'in', jurisdictions);
    return query.executeTakeFirst();
  };

  flightsOfTraveller = async (travellerId: string) =>
    (
      await this.db
        .selectFrom('flight_travellers')
        .innerJoin('flights', 'flights.id', 'flight_travellers.flight_id')
        .selectAll('flights')
        .where('flight_travellers.traveller_id', '=', travellerId)
        .orderBy('flights.scheduled_departure_local')
        .execute()
    ).map(toFlightSummary);

  messagesOfTraveller = (travellerId: string) =>
    this.db
      .selectFrom('traveller_messages')
      .innerJoin('messages', 'messages.id', 'traveller_messages.message_id')
      .select(['messages.id', 'messages.filename', 'messages.received_at as receivedAt'])
      .where('traveller_messages.traveller_id', '=', travellerId)
      .orderBy('messages.received_at')
      .execute();
}
