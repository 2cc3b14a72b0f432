import { Link } from 'react-router-dom';
import { StatusBadge } from '../../components/StatusBadge.js';
import { SortHeader, TableFrame } from '../../components/Table.js';
import { flightDesignator, formatLocalDateTime, formatUtc } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { FlightSummary } from '../../types.js';
import { HitCountBadge } from '../targeting/RecordHits.js';

/** Flights in a table; with sort and onSort, the sortable columns get clickable headers. */
export function FlightTable({
  flights,
  sort,
  onSort,
  busy,
  label,
}: {
  flights: FlightSummary[];
  sort?: string;
  onSort?: (sort: string) => void;
  busy?: boolean;
  label: string;
}) {
  const header = (labelText: string, sortKey?: string, firstDescending = false, numeric = false) =>
    sort !== undefined && onSort && sortKey ? (
      <SortHeader
        label={labelText}
        sortKey={sortKey}
        sort={sort}
        onSort={onSort}
        firstDescending={firstDescending}
        className={numeric ? 'numeric' : undefined}
      />
    ) : (
      <th scope="col" className={numeric ? 'numeric' : undefined}>
        {labelText}
      </th>
    );

  return (
    <TableFrame label={label} busy={busy}>
      <thead>
        <tr>
          {header(t('flights.column.flight'), 'carrier')}
          {header(t('flights.column.route'))}
          {header(t('flights.column.departure'), 'departure', true)}
          {header(t('flights.column.arrival'), 'arrival', true)}
          {header(t('flights.column.direction'))}
          {header(t('flights.column.passengers'), 'travellers', true, true)}
          {header(t('flights.column.crew'), undefined, false, true)}
        </tr>
      </thead>
      <tbody>
        {flights.map((flight) => (
          <tr key={flight.id} data-testid="flight-row">
            <td className="nowrap">
              <Link to={`/flights/${flight.id}`}>{flightDesignator(flight)}</Link>{' '}
              <HitCountBadge counts={flight} />
            </td>
            <td className="nowrap">
              <Route flight={flight} />
            </td>
            <td className="nowrap" title={formatUtc(flight.scheduledDepartureUtc)}>
              {formatLocalDateTime(flight.scheduledDepartureLocal)}
            </td>
            <td className="nowrap" title={formatUtc(flight.scheduledArrivalUtc)}>
              {formatLocalDateTime(flight.scheduledArrivalLocal)}
            </td>
            <td>
              <StatusBadge status={flight.direction} />
            </td>
            <td className="numeric">{flight.passengerCount}</td>
            <td className="numeric">{flight.crewCount}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

export function Route({ flight }: { flight: Pick<FlightSummary, 'departureAirport' | 'arrivalAirport'> }) {
  return (
    <span className="route">
      <abbr title={t('flights.departureAirport')}>{flight.departureAirport ?? '???'}</abbr>
      <span aria-label={t('flights.to')}> → </span>
      <abbr title={t('flights.arrivalAirport')}>{flight.arrivalAirport ?? '???'}</abbr>
    </span>
  );
}
