import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { PeriodPage } from '../targeting/index.js';
import { parseLink } from './reservation-store.js';
import type { BookedTravellerRow, ReservationRow, TravellerRow } from './screening-subject-fields.js';

const CHUNK = 1000;

async function chunked<T>(ids: readonly string[], load: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK)
    rows.push(...(await load(ids.slice(start, start + CHUNK))));
  return rows;
}

interface ReservationExtras {
  phones: string[];
  emails: string[];
  paymentKinds: string[];
  agency: string | null;
  remarks: string[];
  coTravellerCount: number;
}

/**
 * Reads what screening needs of travellers and reservations, a thousand at a time, in few queries
 * (the screening subjects of the passengers domain, screening-subjects.ts).
 */
export class ScreeningSubjectStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The travellers a message reported, then the API travellers booked in the reservations it
   * brought (their reservation fields changed): one statement.
   */
  async travellersOfMessage(messageId: string): Promise<string[]> {
    const { rows } = await sql<{ traveller_id: string }>`
      select traveller_id from traveller_messages where message_id = ${messageId}
      union all
      select rt.traveller_id from reservation_travellers rt
      where rt.traveller_id is not null
        and rt.reservation_id in (select reservation_id from reservation_versions where message_id = ${messageId})`.execute(
      this.db,
    );
    return [...new Set(rows.map((r) => r.traveller_id))];
  }

  reservationsOfMessage(messageId: string): Promise<string[]> {
    return this.db
      .selectFrom('reservation_versions')
      .select('reservation_id')
      .distinct()
      .where('message_id', '=', messageId)
      .execute()
      .then((rows) => rows.map((r) => r.reservation_id));
  }

  /** Flights departing or arriving between two instants. */
  private flightsBetween(from: string, to: string) {
    return this.db
      .selectFrom('flights')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('scheduled_departure_utc', '>=', from), eb('scheduled_departure_utc', '<=', to)]),
          eb.and([eb('scheduled_arrival_utc', '>=', from), eb('scheduled_arrival_utc', '<=', to)]),
        ]),
      );
  }

  /** Flights by id, as a hit shows them. */
  async flightSummaries(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('flights')
      .select([
        'id',
        'carrier',
        'flight_number',
        'departure_airport',
        'arrival_airport',
        'direction',
        'scheduled_departure_utc',
        'scheduled_arrival_utc',
      ])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Flights departing from or arriving at an airport. */
  async flightsAt(airport: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('flights')
      .select('id')
      .where((eb) => eb.or([eb('departure_airport', '=', airport), eb('arrival_airport', '=', airport)]))
      .execute();
    return rows.map((r) => r.id);
  }

  /** Travellers on flights departing or arriving between two instants. */
  async travellersOnFlightsBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('flight_travellers')
      .select('traveller_id')
      .distinct()
      .where('flight_id', 'in', this.flightsBetween(from, to))
      .execute();
    return rows.map((r) => r.traveller_id);
  }

  /** Reservations with a flight departing or arriving between two instants. */
  async reservationsOnFlightsBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reservation_flights')
      .select('reservation_id')
      .distinct()
      .where('flight_id', 'in', this.flightsBetween(from, to))
      .execute();
    return rows.map((r) => r.reservation_id);
  }

  /** Travellers of the jurisdiction whose flight departs in the period, a page after `after`. */
  async travellersOfPeriod(page: PeriodPage): Promise<string[]> {
    const rows = await this.db
      .selectFrom('travellers as t')
      .innerJoin('flights as f', 'f.id', 't.primary_flight_id')
      .select('t.id')
      .where('t.jurisdiction_code', '=', page.jurisdictionCode)
      .where(sql`coalesce(f.departure_date, f.scheduled_departure_local::date)`, '>=', page.from)
      .where(sql`coalesce(f.departure_date, f.scheduled_departure_local::date)`, '<=', page.to)
      .where('t.id', '>', page.after)
      .orderBy('t.id')
      .limit(page.limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Reservations of the jurisdiction first departing in the period, a page after `after`; with
   * `withMembersOnly`, those with a booked traveller on no passenger list.
   */
  async reservationsOfPeriod(page: PeriodPage): Promise<string[]> {
    let query = this.db
      .selectFrom('reservations as r')
      .select('r.id')
      .where('r.jurisdiction_code', '=', page.jurisdictionCode)
      .where(sql`r.first_departure_local::date`, '>=', page.from)
      .where(sql`r.first_departure_local::date`, '<=', page.to)
      .where('r.id', '>', page.after);
    if (page.withMembersOnly)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('reservation_travellers as rt')
            .select('rt.reservation_id')
            .whereRef('rt.reservation_id', '=', 'r.id')
            .where('rt.traveller_id', 'is', null),
        ),
      );
    const rows = await query.orderBy('r.id').limit(page.limit).execute();
    return rows.map((r) => r.id);
  }

  /** The booked travellers of reservations, in order (who a reservation hit is about). */
  bookedTravellers(reservationIds: readonly string[]) {
    return this.db
      .selectFrom('reservation_travellers')
      .select(['reservation_id', 'sequence', 'given_names', 'surname', 'traveller_id'])
      .where('reservation_id', 'in', [...reservationIds])
      .orderBy('reservation_id')
      .orderBy('sequence')
      .execute();
  }

  private async extras(reservationIds: readonly string[]): Promise<Map<string, ReservationExtras>> {
    const found = new Map<string, ReservationExtras>();
    if (reservationIds.length === 0) return found;
    for (const id of reservationIds)
      found.set(id, {
        phones: [],
        emails: [],
        paymentKinds: [],
        agency: null,
        remarks: [],
        coTravellerCount: 0,
      });
    const rows = await chunked(reservationIds, async (ids) => {
      const { rows } = await sql<{
        id: string;
        links: string[];
        shared: number;
        payment_kinds: string[] | null;
        remarks: string[] | null;
        agency: string | null;
      }>`
        select r.id, r.links,
          -- Other reservations sharing a phone, e-mail address or card (the GIN index on links).
          (select count(*)::integer from reservations other
            where other.links && r.links and other.id <> r.id) as shared,
          jsonb_path_query_array(d.data, '$.payments[*] ? (@.previous != true).kind') as payment_kinds,
          jsonb_path_query_array(d.data, '$.remarks[*].text') as remarks,
          coalesce(d.data #>> '{bookingOffice,iataNumber}', d.data #>> '{bookingOffice,officeId}') as agency
        from reservations r
        left join reservation_versions v on v.reservation_id = r.id and v.version = r.version
        -- Versions are kept as JSON text: read into jsonb once for the three lookups.
        left join lateral (select v.data::jsonb as data) d on true
        where r.id in (${sql.join(ids)})`.execute(this.db);
      return rows;
    });
    for (const row of rows) {
      const extras = found.get(row.id)!;
      extras.coTravellerCount = row.shared;
      for (const link of row.links) {
        const { kind, value } = parseLink(link);
        if (kind === 'phone') extras.phones.push(value);
        else if (kind === 'email') extras.emails.push(value);
      }
      extras.paymentKinds = [...new Set(row.payment_kinds ?? [])];
      extras.remarks = row.remarks ?? [];
      extras.agency = row.agency;
    }
    return found;
  }

  /** Reservations by record locator (and carrier), in these jurisdictions (null: all). */
  reservationsByLocator(recordLocator: string, carrier: string | undefined, jurisdictions: string[] | null) {
    let query = this.db
      .selectFrom('reservations')
      .select(['id', 'owning_carrier', 'record_locator', 'first_departure_local', 'jurisdiction_code'])
      .where('record_locator', '=', recordLocator);
    if (carrier) query = query.where('owning_carrier', '=', carrier);
    if (jurisdictions) query = query.where('jurisdiction_code', 'in', jurisdictions);
    return query.orderBy('first_departure_local', 'desc').limit(20).execute();
  }

  async reservations(reservationIds: readonly string[]): Promise<ReservationRow[]> {
    const rows = await chunked(reservationIds, (ids) =>
      this.db
        .selectFrom('reservations as r')
        .select(['r.id', 'r.jurisdiction_code', 'r.record_locator', 'r.owning_carrier', 'r.facts'])
        .select((eb) => [
          eb
            .selectFrom('reservation_flights as rf')
            .innerJoin('flights as f', 'f.id', 'rf.flight_id')
            .whereRef('rf.reservation_id', '=', 'r.id')
            .select(
              sql<unknown>`json_agg(json_build_object('id', f.id, 'carrier', f.carrier, 'flightNumber', f.flight_number, 'origin', f.departure_airport, 'destination', f.arrival_airport, 'departureUtc', f.scheduled_departure_utc, 'arrivalUtc', f.scheduled_arrival_utc, 'direction', f.direction) order by f.scheduled_departure_utc nulls last)`.as(
                'x',
              ),
            )
            .as('flights'),
          eb
            .selectFrom('reservation_travellers as rt')
            .whereRef('rt.reservation_id', '=', 'r.id')
            .where('rt.traveller_id', 'is', null)
            .select(
              sql<unknown>`json_agg(json_build_object('sequence', rt.sequence, 'surname', rt.surname, 'givenNames', rt.given_names, 'dateOfBirth', rt.date_of_birth, 'documentNumber', rt.document_number) order by rt.sequence)`.as(
                'x',
              ),
            )
            .as('booked'),
        ])
        .where('r.id', 'in', ids)
        .execute(),
    );
    const extras = await this.extras(rows.map((r) => r.id));
    return rows.map((row) => {
      const flights = (row.flights ?? []) as {
        id: string;
        carrier: string;
        flightNumber: string;
        origin: string;
        destination: string;
        departureUtc: string | null;
        arrivalUtc: string | null;
        direction: string;
      }[];
      const first = flights[0] ?? null;
      return {
        id: row.id,
        jurisdictionCode: row.jurisdiction_code,
        recordLocator: row.record_locator,
        owningCarrier: row.owning_carrier,
        facts: (row.facts ?? {}) as ReservationRow['facts'],
        ...extras.get(row.id)!,
        firstFlightId: first?.id ?? null,
        flight: first,
        bookedTravellers: (row.booked ?? []) as BookedTravellerRow[],
        airports: flights
          .flatMap((f) => [f.origin, f.destination])
          .filter((a, i, all) => a && a !== all[i - 1]),
      };
    });
  }

  async travellers(travellerIds: readonly string[]): Promise<TravellerRow[]> {
    // One statement text whatever the number of ids (an array, not a list of parameters), so
    // that it is prepared once per connection. The legs and the latest linked reservation are
    // lateral subqueries read by index per traveller: every screening job runs this, under ingest,
    // when the tables grow faster than their statistics (see jit=off in src/db/database.ts).
    const rows = await chunked(travellerIds, async (ids) => {
      const { rows } = await sql<{
        id: string;
        jurisdiction_code: string;
        primary_flight_id: string;
        role: string;
        surname: string;
        given_names: string;
        sex: string | null;
        date_of_birth: string | null;
        nationality: string | null;
        country_of_residence: string | null;
        place_of_birth: string | null;
        embarkation: string | null;
        debarkation: string | null;
        seat: string | null;
        bags: unknown;
        documents: unknown;
        carrier: string;
        flight_number: string;
        departure_airport: string;
        arrival_airport: string;
        scheduled_departure_utc: string | null;
        scheduled_arrival_utc: string | null;
        scheduled_departure_local: string | null;
        direction: 'inbound' | 'outbound' | 'other';
        legs: string[] | null;
        reservation_id: string | null;
      }>`${sql.raw(PREPARED)}
        select t.id, t.jurisdiction_code, t.primary_flight_id, t.role, t.surname, t.given_names, t.sex,
          t.date_of_birth, t.nationality, t.country_of_residence, t.place_of_birth, t.embarkation,
          t.debarkation, t.seat, t.bags, t.documents,
          f.carrier, f.flight_number, f.departure_airport, f.arrival_airport, f.scheduled_departure_utc,
          f.scheduled_arrival_utc, f.scheduled_departure_local, f.direction,
          journey.legs, booked.reservation_id
        from travellers t
        join flights f on f.id = t.primary_flight_id
        left join lateral (
          select array_agg(leg.departure_airport || ' ' || leg.arrival_airport
            order by leg.scheduled_departure_local nulls last) as legs
          from flight_travellers ft join flights leg on leg.id = ft.flight_id
          where ft.traveller_id = t.id
        ) journey on true
        left join lateral (
          select r.id as reservation_id
          from reservation_travellers rt join reservations r on r.id = rt.reservation_id
          where rt.traveller_id = t.id
          order by r.last_received_at desc
          limit 1
        ) booked on true
        where t.id = any(${ids}::uuid[])`.execute(this.db);
      return rows;
    });
    const reservationIds = [...new Set(rows.map((r) => r.reservation_id).filter((id): id is string => !!id))];
    const reservations = new Map((await this.reservations(reservationIds)).map((r) => [r.id, r]));
    return rows.map((row) => {
      const airports: string[] = [];
      for (const leg of row.legs ?? [])
        for (const airport of leg.split(' '))
          if (airport && airports[airports.length - 1] !== airport) airports.push(airport);
      return {
        id: row.id,
        jurisdictionCode: row.jurisdiction_code,
        flightId: row.primary_flight_id,
        role: row.role,
        surname: row.surname,
        givenNames: row.given_names,
        sex: row.sex,
        dateOfBirth: row.date_of_birth,
        nationality: row.nationality,
        residence: row.country_of_residence,
        placeOfBirth: row.place_of_birth,
        embarkation: row.embarkation,
        debarkation: row.debarkation,
        seat: row.seat,
        bags: row.bags as TravellerRow['bags'],
        documents: (row.documents ?? []) as TravellerRow['documents'],
        carrier: row.carrier,
        flightNumber: row.flight_number,
        origin: row.departure_airport,
        destination: row.arrival_airport,
        departureUtc: row.scheduled_departure_utc,
        arrivalUtc: row.scheduled_arrival_utc,
        departureLocal: row.scheduled_departure_local,
        direction: row.direction,
        journeyAirports: airports,
        reservation: row.reservation_id ? (reservations.get(row.reservation_id) ?? null) : null,
      };
    });
  }
}
