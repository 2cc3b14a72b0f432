import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TableFrame } from '../../components/Table.js';
import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { CoTraveller, ReservationChange, ReservationVersionSummary } from '../../reservation-types.js';
import { Text } from './pnr-format.js';

/** Every version received, newest first, with what each changed from the one before. */
export function VersionsPanel({
  versions,
  current,
  viewing,
  loadingVersion,
  onView,
}: {
  versions: ReservationVersionSummary[];
  current: number;
  /** The version on screen when it is not the current one. */
  viewing: number | null;
  loadingVersion: number | null;
  onView: (version: number | null) => void;
}) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="panel" aria-labelledby="versions-heading" data-testid="reservation-versions">
      <h2 id="versions-heading" className="panel-title">
        {t('reservation.versions.title', { count: versions.length })}
      </h2>
      <ol className="timeline">
        {newestFirst.map((version) => {
          const isCurrent = version.version === current;
          const isViewing = viewing === null ? isCurrent : viewing === version.version;
          return (
            <li
              key={version.version}
              className={`timeline-item${isViewing ? ' timeline-item-viewing' : ''}`}
              data-testid="reservation-version"
              data-version={version.version}
            >
              <div className="timeline-head">
                <strong>{t('reservation.versions.version', { version: version.version })}</strong>
                {isCurrent && (
                  <span className="badge badge-success">{t('reservation.versions.current')}</span>
                )}
                <span className="muted">{formatInstant(version.receivedAt)}</span>
                {version.messageId && (
                  <Link to={`/messages/${version.messageId}`} className="small">
                    {t('reservation.versions.message')}
                  </Link>
                )}
                <span className="timeline-action">
                  {isViewing ? (
                    <span className="muted small">{t('reservation.versions.onScreen')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={loadingVersion !== null}
                      onClick={() => onView(isCurrent ? null : version.version)}
                      aria-label={t('reservation.versions.viewNamed', { version: version.version })}
                    >
                      {loadingVersion === version.version
                        ? t('common.loading')
                        : t('reservation.versions.view')}
                    </button>
                  )}
                </span>
              </div>
              <Changes version={version} first={version.version === versions[0]?.version} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Changes shown before "Show all": a re-sent booking can change dozens of values at once. */
const FIRST_CHANGES = 8;

function Changes({ version, first }: { version: ReservationVersionSummary; first: boolean }) {
  const [expanded, setExpanded] = useState(false);
  if (first) return <p className="muted small">{t('reservation.versions.first')}</p>;
  const { changes } = version;
  if (changes.length === 0) return <p className="muted small">{t('reservation.versions.noChanges')}</p>;
  const added = changes.filter((change) => change.change === 'added').length;
  const shown = expanded ? changes : changes.slice(0, FIRST_CHANGES);
  return (
    <>
      <p className="muted small change-summary">
        {t('reservation.versions.summary', { added, removed: changes.length - added })}
      </p>
      <ul className="change-list">
        {shown.map((change, index) => (
          <ChangeLine key={index} change={change} />
        ))}
      </ul>
      {changes.length > FIRST_CHANGES && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded
            ? t('reservation.versions.showFewer')
            : t('reservation.versions.showAll', { count: changes.length })}
        </button>
      )}
    </>
  );
}

function ChangeLine({ change }: { change: ReservationChange }) {
  const added = change.change === 'added';
  return (
    <li className={`change change-${change.change}`} data-testid="version-change" data-change={change.change}>
      <span className="change-sign" aria-hidden="true">
        {added ? '+' : '−'}
      </span>
      <span className="visually-hidden">
        {added ? t('reservation.versions.added') : t('reservation.versions.removed')}:{' '}
      </span>
      <span className="change-area">{t(`reservation.changeArea.${change.area}`)}</span>{' '}
      {added ? (
        <ins>
          <Text value={change.value} />
        </ins>
      ) : (
        <del>
          <Text value={change.value} />
        </del>
      )}
    </li>
  );
}

/** Other reservations that share a phone number, an e-mail address or a card with this one. */
export function CoTravellersPanel({ coTravellers }: { coTravellers: CoTraveller[] }) {
  // One row per other reservation, with everything it shares.
  const byReservation = new Map<string, { recordLocator: string; shared: CoTraveller[] }>();
  for (const other of coTravellers) {
    const entry = byReservation.get(other.reservationId) ?? {
      recordLocator: other.recordLocator,
      shared: [],
    };
    entry.shared.push(other);
    byReservation.set(other.reservationId, entry);
  }
  const count = byReservation.size;
  return (
    <section className="panel" aria-labelledby="co-travellers-heading" data-testid="co-travellers">
      <h2 id="co-travellers-heading" className="panel-title">
        {t('reservation.coTravellers.title', { count })}
      </h2>
      {count === 0 ? (
        <p className="muted">{t('reservation.coTravellers.none')}</p>
      ) : (
        <TableFrame label={t('reservation.coTravellers.title', { count })}>
          <thead>
            <tr>
              <th scope="col">{t('reservations.column.locator')}</th>
              <th scope="col">{t('reservation.coTravellers.shares')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byReservation].map(([reservationId, entry]) => (
              <tr key={reservationId} data-testid="co-traveller">
                <td>
                  <Link to={`/reservations/${reservationId}`} className="locator">
                    {entry.recordLocator}
                  </Link>
                </td>
                <td>
                  {entry.shared.map((other, index) => (
                    <span key={index} className="block">
                      <span className="muted">{t(`reservation.sharedBy.${other.sharedBy}`)}:</span>{' '}
                      <code className="break-anywhere">
                        <Text value={other.value} />
                      </code>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </section>
  );
}
