import { sql } from 'kysely';
import type { StoreContext } from '../messages/model.js';
import { findAirport } from '../reference/airports.js';
import type { FlightLeg } from './paxlst-model.js';

const airportCountry = (iata: string) => findAirport(iata)?.countryAlpha2;

export function flightDirection(leg: FlightLeg, jurisdictionCode: string): 'inbound' | 'outbound' | 'other' {
  if (leg.arrivalAirport && airportCountry(leg.arrivalAirport) === jurisdictionCode) return 'inbound';
  if (leg.departureAirport && airportCountry(leg.departureAirport) === jurisdictionCode) return 'outbound';
  return 'other';
}

/** Creates the flight of a leg, or finds the one already reported by an earlier message. */
export async function upsertFlight(context: StoreContext, leg: FlightLeg): Promise<string> {
  const departureDate = (leg.scheduledDeparture?.local ?? leg.scheduledArrival?.local)?.slice(0, 10) ?? null;
  const result = await sql<{ id: string }>`
    insert into flights (jurisdiction_code, carrier, flight_number, departure_airport, arrival_airport, departure_date,
      scheduled_departure_local, scheduled_departure_utc, scheduled_arrival_local, scheduled_arrival_utc, direction)
    values (${context.jurisdictionCode}, ${leg.carrier}, ${leg.flightNumber}, ${leg.departureAirport ?? ''},
      ${leg.arrivalAirport ?? ''}, ${departureDate}, ${leg.scheduledDeparture?.local ?? null},
      ${leg.scheduledDeparture?.utc ?? null}, ${leg.scheduledArrival?.local ?? null},
      ${leg.scheduledArrival?.utc ?? null}, ${flightDirection(leg, context.jurisdictionCode)})
    on conflict (jurisdiction_code, carrier, flight_number, departure_airport, arrival_airport,
      coalesce(departure_date, '0001-01-01'::date))
    do update set updated_at = now(),
      scheduled_departure_local = coalesce(excluded.scheduled_departure_local, flights.scheduled_departure_local),
      scheduled_departure_utc = coalesce(excluded.scheduled_departure_utc, flights.scheduled_departure_utc),
      scheduled_arrival_local = coalesce(excluded.scheduled_arrival_local, flights.scheduled_arrival_local),
      scheduled_arrival_utc = coalesce(excluded.scheduled_arrival_utc, flights.scheduled_arrival_utc)
    returning id`.execute(context.trx);
  return result.rows[0]!.id;
}
