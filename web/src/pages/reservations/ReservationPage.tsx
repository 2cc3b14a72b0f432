import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api.js';
import { useUser } from '../../auth.js';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import { formatDate, formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type {
  ReservationAnswer,
  ReservationDetail,
  ReservationVersion,
  UnmaskedReservation,
} from '../../reservation-types.js';
import { mayHoldPnr, mayUnmaskPnr } from './access.js';
import { withDefaults } from './pnr-format.js';
import { ReservationContent } from './ReservationContent.js';
import { ReservationFactsPanel } from './ReservationFactsPanel.js';
import { BackToReservations, ReservationHeader } from './ReservationHeader.js';
import { RestrictedReservation } from './RestrictedReservation.js';
import { useHold } from './useHold.js';
import { CoTravellersPanel, VersionsPanel } from './Versions.js';
import { RecordHitsPanel } from '../targeting/RecordHits.js';

export function ReservationPage() {
  const { id = '' } = useParams();
  const answer = useApi<ReservationAnswer>(`/reservations/${encodeURIComponent(id)}`);

  if (answer.error) {
    return (
      <div className="page">
        <BackToReservations />
        <ErrorBanner error={answer.error} onRetry={answer.reload} />
      </div>
    );
  }
  // While another reservation loads (a co-traveller's), the previous one is not shown under its address.
  if (!answer.data || answer.data.reservation.id !== id) return <Loading />;
  const { reservation } = answer.data;
  if (reservation.restricted)
    return (
      <RestrictedReservation reservation={reservation} hits={answer.data.hits} onChanged={answer.reload} />
    );
  // A new id (a co-traveller's reservation) starts with the current version and masked data again.
  return <FullReservation key={id} detail={answer.data as ReservationDetail} reload={answer.reload} />;
}

const VIEW_BANNER_ID = 'reservation-view-banner';

/** What the content area shows: the current version, a past one, or the unmasked originals. */
type View =
  | { kind: 'current' }
  | { kind: 'version'; version: ReservationVersion }
  | { kind: 'unmasked'; versions: UnmaskedReservation['versions']; selected: number };

function FullReservation({ detail, reload }: { detail: ReservationDetail; reload: () => void }) {
  const user = useUser();
  const { reservation, versions, travellerLinks, flights, coTravellers } = detail;
  const [view, setView] = useState<View>({ kind: 'current' });
  const [loadingVersion, setLoadingVersion] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unmaskOpen, setUnmaskOpen] = useState(false);
  const [unmaskBusy, setUnmaskBusy] = useState(false);
  const [unmaskError, setUnmaskError] = useState<unknown>(null);
  const hold = useHold(reservation.id, reload);
  const path = `/reservations/${encodeURIComponent(reservation.id)}`;

  // A past version or the originals open where they begin, not at the button far below.
  const shownVersion = view.kind === 'version' ? view.version.version : null;
  useEffect(() => {
    if (shownVersion !== null || view.kind === 'unmasked')
      document.getElementById(VIEW_BANNER_ID)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [shownVersion, view.kind]);

  const apiTravellerOf = useMemo(
    () =>
      new Map(
        travellerLinks
          .filter((link): link is { sequence: number; travellerId: string } => Boolean(link.travellerId))
          .map((link) => [link.sequence, link.travellerId]),
      ),
    [travellerLinks],
  );

  const viewVersion = async (version: number | null) => {
    setError(null);
    if (version === null) {
      setView({ kind: 'current' });
      return;
    }
    setLoadingVersion(version);
    try {
      setView({ kind: 'version', version: await api.get<ReservationVersion>(`${path}/versions/${version}`) });
    } catch (cause) {
      setError(cause);
    } finally {
      setLoadingVersion(null);
    }
  };

  const unmask = async (reason: string) => {
    setUnmaskBusy(true);
    setUnmaskError(null);
    try {
      const answer = await api.post<UnmaskedReservation>(`${path}/unmask`, { reason });
      const newest = answer.versions[0]?.version ?? reservation.version;
      setView({ kind: 'unmasked', versions: answer.versions, selected: newest });
      setUnmaskOpen(false);
    } catch (cause) {
      setUnmaskError(cause);
    } finally {
      setUnmaskBusy(false);
    }
  };

  const unmasked =
    view.kind === 'unmasked' ? view.versions.find((v) => v.version === view.selected) : undefined;
  const data = withDefaults(
    view.kind === 'version' ? view.version.data : unmasked ? unmasked.data : reservation.data,
  );
  const showsMaskedData = reservation.masked && view.kind !== 'unmasked';
  const canUnmask = reservation.masked && mayUnmaskPnr(user) && view.kind !== 'unmasked';

  const actions = (
    <>
      {canUnmask && (
        <button
          type="button"
          className="button button-danger-outline"
          onClick={() => {
            setUnmaskError(null);
            setUnmaskOpen(true);
          }}
          data-testid="unmask-button"
        >
          {t('reservation.unmask.open')}
        </button>
      )}
      {mayHoldPnr(user) && !reservation.hold && (
        <button type="button" className="button" onClick={hold.openHold} data-testid="hold-button">
          {t('reservation.hold.open')}
        </button>
      )}
    </>
  );

  return (
    <div className="page">
      <BackToReservations />
      <ReservationHeader reservation={reservation} versionCount={versions.length} actions={actions} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <ErrorBanner error={hold.error} onDismiss={hold.clearError} />

      {reservation.masked && (
        <div className="banner banner-warning" role="note" data-testid="masked-banner">
          <div className="banner-text">
            <strong>{t('reservation.masked.banner', { date: formatDate(reservation.maskedAt) })}</strong>{' '}
            {t('reservation.masked.explanation')}
          </div>
        </div>
      )}
      {reservation.hold && (
        <div className="banner banner-info" role="note" data-testid="hold-banner">
          <div className="banner-text">
            <strong>{t('reservation.hold.banner')}</strong> {t('reservation.hold.reason')}:{' '}
            <q className="hold-reason">{reservation.hold}</q>
          </div>
          {mayHoldPnr(user) && (
            <div className="banner-actions">
              <button
                type="button"
                className="button button-small"
                onClick={hold.openRelease}
                data-testid="release-button"
              >
                {t('reservation.release.open')}
              </button>
            </div>
          )}
        </div>
      )}

      <RecordHitsPanel hits={detail.hits} showSubject />

      <ReservationFactsPanel facts={reservation.facts} />

      {view.kind === 'version' && (
        <div className="banner banner-info" role="status" id={VIEW_BANNER_ID} data-testid="version-banner">
          <div className="banner-text">
            {t('reservation.versions.viewingPast', {
              version: view.version.version,
              at: formatInstant(view.version.receivedAt),
              current: reservation.version,
            })}
          </div>
          <div className="banner-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => setView({ kind: 'current' })}
            >
              {t('reservation.versions.backToCurrent')}
            </button>
          </div>
        </div>
      )}
      {view.kind === 'unmasked' && (
        <div
          className="banner banner-unmasked"
          role="status"
          id={VIEW_BANNER_ID}
          data-testid="unmasked-banner"
        >
          <div className="banner-text">
            <strong>{t('reservation.unmask.banner', { version: view.selected })}</strong>{' '}
            {t('reservation.unmask.bannerBody')}
          </div>
          <div className="banner-actions">
            {view.versions.length > 1 && (
              <label className="inline-select">
                <span className="visually-hidden">{t('reservation.unmask.chooseVersion')}</span>
                <select
                  value={view.selected}
                  onChange={(event) => setView({ ...view, selected: Number(event.target.value) })}
                >
                  {view.versions.map((version) => (
                    <option key={version.version} value={version.version}>
                      {t('reservation.versions.version', { version: version.version })}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              className="button button-small"
              onClick={() => setView({ kind: 'current' })}
              data-testid="hide-unmasked"
            >
              {t('reservation.unmask.hide')}
            </button>
          </div>
        </div>
      )}

      <div
        className={view.kind === 'unmasked' ? 'unmasked-frame' : undefined}
        data-testid="reservation-content"
        data-view={view.kind}
      >
        {view.kind === 'unmasked' && (
          <div className="unmasked-stamp" aria-hidden="true">
            {t('reservation.unmask.stamp')}
          </div>
        )}
        <ReservationContent
          data={data}
          checks={view.kind === 'version' ? view.version.checks : unmasked ? unmasked.checks : detail.checks}
          masked={showsMaskedData}
          flightIds={flights}
          apiTravellerOf={apiTravellerOf}
        />
      </div>

      <CoTravellersPanel coTravellers={coTravellers} />
      <VersionsPanel
        versions={versions}
        current={reservation.version}
        viewing={view.kind === 'version' ? view.version.version : null}
        loadingVersion={loadingVersion}
        onView={(version) => void viewVersion(version)}
      />

      <ReasonDialog
        open={unmaskOpen}
        title={t('reservation.unmask.title')}
        message={t('reservation.unmask.message')}
        confirmLabel={t('reservation.unmask.confirm')}
        busy={unmaskBusy}
        error={unmaskError}
        danger
        testId="unmask-dialog"
        onConfirm={(reason) => void unmask(reason)}
        onCancel={() => setUnmaskOpen(false)}
      />
      {hold.dialogs}
    </div>
  );
}
