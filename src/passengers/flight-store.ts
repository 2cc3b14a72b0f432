import { sql } from 'kysely';
import { PREPARED } from '../db/database.js';
import type { StoreContext } from '../messages/model.js';
import { findAirport } from '../reference/airports.js';
import type { FlightLeg } from './paxlst-model.js';

const airportCountry = (iata: string) => findAirport(iata)?.countryAlpha2;

export function flightDirection(leg: FlightLeg, jurisdictionCode: string): 'inbound' | 'outbound' | 'other' {
  if (leg.arrivalAirport && airportCountry(leg.arrivalAirport) === jurisdictionCode) return 'inbound';
  if (leg.departureAirport && airportCountry(leg.departureAirport) === jurisdictionCode) return 'outbound';
  return 'other';
}

const departureDateOf = (leg: FlightLeg) =>
  (leg.scheduledDeparture?.local ?? leg.scheduledArrival?.local)?.slice(0, 10) ?? null;

/** The identity of a flight: one row however many messages and legs report it. */
const identity = (carrier: string, number: string, from: string, to: string, date: string | null) =>
  `${carrier}|${number}|${from}|${to}|${date ?? ''}`;

/**
 * Creates the flights of these legs, or finds those already reported, in one statement. Returns the
 * flight id of each leg, in the order given.
 */
export async function upsertFlights(context: StoreContext, legs: FlightLeg[]): Promise<string[]> {
  if (legs.length === 0) return [];
  const distinct = new Map<string, FlightLeg>();
  for (const leg of legs)
    distinct.set(
      identity(
        leg.carrier,
        leg.flightNumber,
        leg.departureAirport ?? '',
        leg.arrivalAirport ?? '',
        departureDateOf(leg),
      ),
      leg,
    );
  const rows = [...distinct.values()].map(
    (
      leg,
    ) => sql`(${context.jurisdictionCode}, ${leg.carrier}, ${leg.flightNumber}, ${leg.departureAirport ?? ''},
      ${leg.arrivalAirport ?? ''}, ${departureDateOf(leg)}::date, ${leg.scheduledDeparture?.local ?? null}::timestamp,
      ${leg.scheduledDeparture?.utc ?? null}::timestamptz, ${leg.scheduledArrival?.local ?? null}::timestamp,
      ${leg.scheduledArrival?.utc ?? null}::timestamptz, ${flightDirection(leg, context.jurisdictionCode)})`,
  );
  const result = await sql<{
    id: string;
    carrier: string;
    flight_number: string;
    departure_airport: string;
    arrival_airport: string;
    departure_date: string | null;
  }>`${sql.raw(PREPARED)}
    insert into flights (jurisdiction_code, carrier, flight_number, departure_airport, arrival_airport, departure_date,
      scheduled_departure_local, scheduled_departure_utc, scheduled_arrival_local, scheduled_arrival_utc, direction)
    values ${sql.join(rows)}
    on conflict (jurisdiction_code, carrier, flight_number, departure_airport, arrival_airport,
      coalesce(departure_date, '0001-01-01'::date))
    do update set updated_at = now(),
      scheduled_departure_local = coalesce(excluded.scheduled_departure_local, flights.scheduled_departure_local),
      scheduled_departure_utc = coalesce(excluded.scheduled_departure_utc, flights.scheduled_departure_utc),
      scheduled_arrival_local = coalesce(excluded.scheduled_arrival_local, flights.scheduled_arrival_local),
      scheduled_arrival_utc = coalesce(excluded.scheduled_arrival_utc, flights.scheduled_arrival_utc)
    returning id, carrier, flight_number, departure_airport, arrival_airport, departure_date`.execute(
    context.trx,
  );
  const ids = new Map(
    result.rows.map((row) => [
      identity(
        row.carrier,
        row.flight_number,
        row.departure_airport,
        row.arrival_airport,
        row.departure_date,
      ),
      row.id,
    ]),
  );
  return legs.map((leg) =>
    ids.get(
      identity(
        leg.carrier,
        leg.flightNumber,
        leg.departureAirport ?? '',
        leg.arrivalAirport ?? '',
        departureDateOf(leg),
      ),
    )!,
  );
}
