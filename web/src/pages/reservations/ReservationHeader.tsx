import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatInstant, formatLocalDateTime } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ReservationSummary } from '../../reservation-types.js';
import { ReservationBadges } from './ReservationTable.js';

export function BackToReservations() {
  return (
    <Link className="back-link" to="/reservations">
      ← {t('reservation.back')}
    </Link>
  );
}

/** Locator, owning carrier, version, dates and status badges; the actions on the right. */
export function ReservationHeader({
  reservation,
  versionCount,
  actions,
}: {
  reservation: ReservationSummary;
  versionCount: number;
  actions: ReactNode;
}) {
  return (
    <header className="page-header page-header-row">
      <div>
        <h1 data-testid="reservation-locator">
          {t('reservation.title')} <span className="locator">{reservation.recordLocator}</span>
        </h1>
        <dl className="header-facts">
          <HeaderFact label={t('reservation.header.carrier')}>{reservation.owningCarrier}</HeaderFact>
          <HeaderFact label={t('reservation.header.version')}>
            {t('reservation.header.versionOf', { version: reservation.version, count: versionCount })}
          </HeaderFact>
          <HeaderFact label={t('reservation.header.booked')}>
            {formatLocalDateTime(reservation.bookedAt)}
          </HeaderFact>
          <HeaderFact label={t('reservation.header.firstDeparture')}>
            {formatLocalDateTime(reservation.firstDepartureLocal)}
          </HeaderFact>
          <HeaderFact label={t('reservation.header.lastFlight')}>
            {formatDate(reservation.lastFlightDate)}
          </HeaderFact>
          <HeaderFact label={t('reservation.header.lastReceived')}>
            {formatInstant(reservation.lastReceivedAt)}
          </HeaderFact>
        </dl>
        {(reservation.masked || reservation.hold) && (
          <div className="badge-row">
            <ReservationBadges reservation={reservation} />
          </div>
        )}
      </div>
      <div className="header-actions">{actions}</div>
    </header>
  );
}

function HeaderFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
