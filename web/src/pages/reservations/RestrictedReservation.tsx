import { useUser } from '../../auth.js';
import { EmptyState, ErrorBanner } from '../../components/Feedback.js';
import { formatLocalDateTime } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { RestrictedReservation as RestrictedReservationData } from '../../reservation-types.js';
import type { RecordHit } from '../../targeting-types.js';
import { RecordHitsPanel } from '../targeting/RecordHits.js';
import { mayHoldPnr } from './access.js';
import { BackToReservations } from './ReservationHeader.js';
import { useHold } from './useHold.js';

/**
 * A reservation for an officer outside the Passenger Information Unit: that it exists, and what
 * may be known without PNR data. A supervisor may still keep it beyond its retention period.
 */
export function RestrictedReservation({
  reservation,
  hits,
  onChanged,
}: {
  reservation: RestrictedReservationData;
  hits?: RecordHit[];
  onChanged: () => void;
}) {
  const user = useUser();
  const hold = useHold(reservation.id, onChanged);
  return (
    <div className="page">
      <BackToReservations />
      <header className="page-header">
        <h1>{t('reservation.restricted.heading')}</h1>
        <p className="page-lead">
          {t('reservation.restricted.lead', {
            carrier: reservation.owningCarrier,
            departure: formatLocalDateTime(reservation.firstDepartureLocal),
            count: reservation.travellerCount,
          })}
        </p>
      </header>
      <RecordHitsPanel hits={hits} showSubject />
      <section className="panel">
        <EmptyState title={t('reservation.restricted.title')} icon="lock" testId="reservation-restricted">
          <p>{t('reservation.restricted.body')}</p>
        </EmptyState>
      </section>
      {mayHoldPnr(user) && (
        <section className="panel" aria-labelledby="restricted-hold-heading">
          <h2 id="restricted-hold-heading" className="panel-title">
            {t('reservation.restricted.holdTitle')}
          </h2>
          <ErrorBanner error={hold.error} onDismiss={hold.clearError} />
          {hold.done && (
            <div className="banner banner-success" role="status" data-testid="hold-done">
              <div className="banner-text">
                {hold.done === 'held' ? t('reservation.hold.done') : t('reservation.release.done')}
              </div>
            </div>
          )}
          <p>{t('reservation.restricted.holdBody')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={hold.openHold}>
              {t('reservation.hold.open')}
            </button>
            <button type="button" className="button button-danger-outline" onClick={hold.openRelease}>
              {t('reservation.release.open')}
            </button>
          </div>
        </section>
      )}
      {hold.dialogs}
    </div>
  );
}
