import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { ReservationListItem } from '../../reservation-types.js';
import type { Page } from '../../types.js';
import { ReservationTable } from './ReservationTable.js';

const SHOWN = 20;

/** The flight page's section on the reservations (PNR) that include the flight. */
export function FlightReservations({ flightId }: { flightId: string }) {
  const reservations = useApi<Page<ReservationListItem>>('/reservations', {
    flight: flightId,
    pageSize: SHOWN,
  });
  const total = reservations.data?.total ?? 0;
  return (
    <section
      className="panel"
      aria-labelledby="flight-reservations-heading"
      data-testid="flight-reservations"
    >
      <div className="panel-title-row">
        <h2 id="flight-reservations-heading" className="panel-title">
          {reservations.data
            ? t('flights.reservations.titleCount', { count: total })
            : t('flights.reservations.title')}
        </h2>
        {total > 0 && (
          <Link
            to={`/reservations?flight=${encodeURIComponent(flightId)}`}
            data-testid="flight-reservations-all"
          >
            {t('flights.reservations.all', { count: total })}
          </Link>
        )}
      </div>
      <ErrorBanner error={reservations.error} onRetry={reservations.reload} />
      {reservations.loading && !reservations.data && <Loading />}
      {reservations.data && total === 0 && <p className="muted">{t('flights.reservations.none')}</p>}
      {reservations.data && total > 0 && (
        <>
          <ReservationTable
            items={reservations.data.items}
            busy={reservations.loading}
            label={t('flights.reservations.title')}
          />
          {total > SHOWN && (
            <p className="muted small">
              {t('flights.reservations.more', { shown: SHOWN, count: total })}{' '}
              <Link to={`/reservations?flight=${encodeURIComponent(flightId)}`}>
                {t('flights.reservations.all', { count: total })}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
