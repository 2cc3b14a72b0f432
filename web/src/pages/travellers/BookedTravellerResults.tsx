import { Link } from 'react-router-dom';
import { TableFrame } from '../../components/Table.js';
import { formatDate, formatLocalDateTime } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { BookedTraveller } from '../../types.js';
import { HitCountBadge } from '../targeting/RecordHits.js';

/** Travellers found in reservations and on no passenger list: each opens its reservation. */
export function BookedTravellerResults({ booked }: { booked: BookedTraveller[] }) {
  return (
    <div className="booked-results" data-testid="booked-results">
      <h2 className="panel-title">{t('travellers.booked.title', { count: booked.length })}</h2>
      <p className="hint">{t('travellers.booked.lead')}</p>
      <TableFrame label={t('travellers.booked.title', { count: booked.length })}>
        <thead>
          <tr>
            <th scope="col">{t('manifest.column.name')}</th>
            <th scope="col">{t('manifest.column.dateOfBirth')}</th>
            <th scope="col">{t('manifest.column.document')}</th>
            <th scope="col">{t('travellers.booked.reservation')}</th>
            <th scope="col">{t('flights.column.departure')}</th>
          </tr>
        </thead>
        <tbody>
          {booked.map((traveller) => (
            <tr key={`${traveller.reservationId}-${traveller.sequence}`} data-testid="booked-result">
              <td>
                {traveller.surname}, {traveller.givenNames}
              </td>
              <td className="nowrap">{formatDate(traveller.dateOfBirth)}</td>
              <td className="nowrap">{traveller.documentNumber ?? '—'}</td>
              <td className="nowrap">
                <Link to={`/reservations/${traveller.reservationId}`} className="locator">
                  {traveller.owningCarrier} {traveller.recordLocator}
                </Link>{' '}
                <HitCountBadge counts={traveller} />
              </td>
              <td className="nowrap">{formatLocalDateTime(traveller.firstDepartureLocal)}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
    </div>
  );
}
