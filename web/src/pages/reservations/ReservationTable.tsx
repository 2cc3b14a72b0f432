import { Link } from 'react-router-dom';
import { useUser } from '../../auth.js';
import { TableFrame } from '../../components/Table.js';
import { formatDate, formatInstant, formatLocalDateTime } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ReservationListItem, ReservationSummary } from '../../reservation-types.js';
import { HitCountBadge } from '../targeting/RecordHits.js';
import { mayHoldPnr } from './access.js';
import { riskIndicators } from './pnr-format.js';

/**
 * Reservations in a table. The Passenger Information Unit sees locators, dates and risk
 * indicators; everyone else sees that a reservation exists, with its carrier, first departure
 * and number of travellers.
 */
export function ReservationTable({
  items,
  label,
  busy,
}: {
  items: ReservationListItem[];
  label: string;
  busy?: boolean;
}) {
  const detailed = items.some((item) => !item.restricted);
  return (
    <TableFrame label={label} busy={busy}>
      <thead>
        {detailed ? (
          <tr>
            <th scope="col">{t('reservations.column.locator')}</th>
            <th scope="col">{t('reservations.column.carrier')}</th>
            <th scope="col">{t('reservations.column.firstDeparture')}</th>
            <th scope="col">{t('reservations.column.lastFlight')}</th>
            <th scope="col" className="numeric">
              {t('reservations.column.travellers')}
            </th>
            <th scope="col">{t('reservations.column.booked')}</th>
            <th scope="col">{t('reservations.column.indicators')}</th>
            <th scope="col">{t('reservations.column.status')}</th>
            <th scope="col">{t('reservations.column.lastReceived')}</th>
          </tr>
        ) : (
          <tr>
            <th scope="col">{t('reservations.column.reservation')}</th>
            <th scope="col">{t('reservations.column.carrier')}</th>
            <th scope="col">{t('reservations.column.firstDeparture')}</th>
            <th scope="col" className="numeric">
              {t('reservations.column.travellers')}
            </th>
          </tr>
        )}
      </thead>
      <tbody>
        {items.map((item) =>
          item.restricted ? (
            <RestrictedRow key={item.id} item={item} detailed={detailed} />
          ) : (
            <SummaryRow key={item.id} item={item} />
          ),
        )}
      </tbody>
    </TableFrame>
  );
}

function SummaryRow({ item }: { item: ReservationSummary }) {
  const indicators = riskIndicators(item.facts);
  return (
    <tr data-testid="reservation-row" data-restricted="false">
      <td className="nowrap">
        <Link to={`/reservations/${item.id}`} className="locator">
          {item.recordLocator}
        </Link>{' '}
        <HitCountBadge counts={item} />
      </td>
      <td>{item.owningCarrier}</td>
      <td className="nowrap">{formatLocalDateTime(item.firstDepartureLocal)}</td>
      <td className="nowrap">{formatDate(item.lastFlightDate)}</td>
      <td className="numeric">{item.travellerCount}</td>
      <td className="nowrap">{formatLocalDateTime(item.bookedAt)}</td>
      <td>
        {indicators.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          indicators.map((indicator) => (
            <span key={indicator} className="badge badge-warning badge-spaced" data-indicator={indicator}>
              {t(`reservation.indicator.${indicator}`)}
            </span>
          ))
        )}
      </td>
      <td>
        <ReservationBadges reservation={item} />
      </td>
      <td className="nowrap muted">{formatInstant(item.lastReceivedAt)}</td>
    </tr>
  );
}

function RestrictedRow({
  item,
  detailed,
}: {
  item: Extract<ReservationListItem, { restricted: true }>;
  detailed: boolean;
}) {
  const user = useUser();
  const text = (
    <span className="restricted-note">
      <LockIcon />
      {t('reservations.restricted')}
    </span>
  );
  return (
    <tr data-testid="reservation-row" data-restricted="true">
      <td>
        {mayHoldPnr(user) ? <Link to={`/reservations/${item.id}`}>{text}</Link> : text}{' '}
        <HitCountBadge counts={item} />
      </td>
      <td>{item.owningCarrier}</td>
      <td className="nowrap">{formatLocalDateTime(item.firstDepartureLocal)}</td>
      {detailed && <td />}
      <td className="numeric">{item.travellerCount}</td>
      {detailed && <td colSpan={4} />}
    </tr>
  );
}

/** Depersonalised and held badges of a reservation. */
export function ReservationBadges({ reservation }: { reservation: ReservationSummary }) {
  if (!reservation.masked && !reservation.hold) return <span className="muted">—</span>;
  return (
    <>
      {reservation.masked && (
        <span
          className="badge badge-neutral badge-spaced"
          title={t('reservation.maskedOn', { date: formatDate(reservation.maskedAt) })}
          data-testid="badge-masked"
        >
          {t('reservation.badge.masked')}
        </span>
      )}
      {reservation.hold && (
        <span className="badge badge-info badge-spaced" title={reservation.hold} data-testid="badge-hold">
          {t('reservation.badge.hold')}
        </span>
      )}
    </>
  );
}

export function LockIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
      <path
        d="M7 11V8a5 5 0 0 1 10 0v3M5 11h14v9H5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}
