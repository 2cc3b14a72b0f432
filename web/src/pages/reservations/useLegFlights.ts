import { useMemo } from 'react';
import { useApi } from '../../hooks/useApi.js';
import type { ItineraryLeg } from '../../reservation-types.js';
import type { FlightSummary, Page } from '../../types.js';

const bareNumber = (flightNumber: string | null | undefined) => (flightNumber ?? '').replace(/^0+(?=\d)/, '');

/**
 * The flights of the system that the reservation's legs belong to, by leg sequence. The server
 * gives the flight ids; the legs are matched to them through the flight list of the itinerary's
 * dates (which reads no manifest, so opening a reservation reads no passenger list).
 */
export function useLegFlights(legs: ItineraryLeg[], flightIds: string[]): Map<number, string> {
  const dates = legs
    .map((leg) => leg.departure?.local?.slice(0, 10))
    .filter((date): date is string => Boolean(date && /^\d{4}-\d{2}-\d{2}$/.test(date)))
    .sort();
  const wanted = flightIds.length > 0 && dates.length > 0;
  const flights = useApi<Page<FlightSummary>>(
    wanted ? '/flights' : null,
    wanted ? { from: dates[0], to: dates[dates.length - 1], pageSize: 500 } : undefined,
  );
  const items = flights.data?.items;

  return useMemo(() => {
    const byLeg = new Map<number, string>();
    const known = new Set(flightIds);
    const candidates = (items ?? []).filter((flight) => known.has(flight.id));
    for (const leg of legs) {
      const match = candidates.find(
        (flight) =>
          flight.carrier === leg.marketingCarrier &&
          bareNumber(flight.flightNumber) === bareNumber(leg.flightNumber) &&
          (!leg.departureAirport || flight.departureAirport === leg.departureAirport),
      );
      if (match) byLeg.set(leg.sequence, match.id);
    }
    return byLeg;
  }, [items, legs, flightIds]);
}
