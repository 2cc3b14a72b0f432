import { Link, useParams } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { TableFrame } from '../../components/Table.js';
import { flightDesignator, formatLocalDateTime, formatUtc } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { FlightDetail, FlightSummary } from '../../types.js';
import { FlightReservations } from '../reservations/FlightReservations.js';
import { Route } from './FlightTable.js';
import { Manifest } from './Manifest.js';

export function FlightPage() {
  const { id = '' } = useParams();
  const detail = useApi<FlightDetail>(`/flights/${encodeURIComponent(id)}`);

  if (detail.error) {
    return (
      <div className="page">
        <BackLink />
        <ErrorBanner error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  const { flight, travellers } = detail.data;
  const legs = detail.data.legs && detail.data.legs.length > 0 ? detail.data.legs : [flight];

  return (
    <div className="page">
      <BackLink />
      <header className="page-header page-header-row">
        <div>
          <h1>
            {t('flights.title', { flight: flightDesignator(flight) })} <Route flight={flight} />
          </h1>
          <p className="page-lead">
            {formatLocalDateTime(flight.scheduledDepartureLocal)} ·{' '}
            {t('flights.counts', { passengers: flight.passengerCount, crew: flight.crewCount })}
          </p>
        </div>
        <StatusBadge status={flight.direction} />
      </header>

      <section className="panel" aria-labelledby="legs-heading">
        <h2 id="legs-heading" className="panel-title">
          {t('flights.legs', { count: legs.length })}
        </h2>
        <LegsTable legs={legs} />
      </section>

      <section className="panel" aria-labelledby="manifest-heading">
        <h2 id="manifest-heading" className="panel-title">
          {t('manifest.title')}
        </h2>
        <Manifest travellers={travellers} />
      </section>

      <FlightReservations flightId={flight.id} />
    </div>
  );
}

function LegsTable({ legs }: { legs: FlightSummary[] }) {
  return (
    <TableFrame label={t('flights.legs', { count: legs.length })}>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('flights.column.flight')}</th>
          <th scope="col">{t('flights.departureAirport')}</th>
          <th scope="col">{t('flights.column.departureLocal')}</th>
          <th scope="col">{t('flights.column.departureUtc')}</th>
          <th scope="col">{t('flights.arrivalAirport')}</th>
          <th scope="col">{t('flights.column.arrivalLocal')}</th>
          <th scope="col">{t('flights.column.arrivalUtc')}</th>
        </tr>
      </thead>
      <tbody>
        {legs.map((leg, index) => (
          <tr key={leg.id} data-testid="flight-leg">
            <td>{index + 1}</td>
            <td className="nowrap">{flightDesignator(leg)}</td>
            <td>{leg.departureAirport ?? '—'}</td>
            <td className="nowrap">{formatLocalDateTime(leg.scheduledDepartureLocal)}</td>
            <td className="nowrap muted">{formatUtc(leg.scheduledDepartureUtc) || '—'}</td>
            <td>{leg.arrivalAirport ?? '—'}</td>
            <td className="nowrap">{formatLocalDateTime(leg.scheduledArrivalLocal)}</td>
            <td className="nowrap muted">{formatUtc(leg.scheduledArrivalUtc) || '—'}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

function BackLink() {
  return (
    <Link className="back-link" to="/flights">
      ← {t('flights.back')}
    </Link>
  );
}
