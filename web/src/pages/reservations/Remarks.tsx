import { TableFrame } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import type { PnrReservation } from '../../reservation-types.js';
import { TravellerRef } from './Contacts.js';
import { codeLabel, DateText, Text } from './pnr-format.js';

/** Free-text remarks (IFT) and special service requests (SSR) of the booking. */
export function RemarksPanel({ reservation, masked }: { reservation: PnrReservation; masked: boolean }) {
  const { remarks, serviceRequests } = reservation;
  return (
    <section className="panel" aria-labelledby="remarks-heading" data-testid="reservation-remarks">
      <h2 id="remarks-heading" className="panel-title">
        {t('reservation.remarks.title')}
      </h2>
      {remarks.length === 0 ? (
        <p className="muted">{masked ? t('reservation.remarks.masked') : t('reservation.remarks.none')}</p>
      ) : (
        <ul className="remark-list">
          {remarks.map((remark, index) => (
            <li key={index} className="remark" data-testid="remark">
              <div className="remark-meta">
                <span className="badge badge-neutral">{t(`reservation.remarkKind.${remark.kind}`)}</span>
                {remark.company && <span className="muted">{remark.company}</span>}
                <TravellerRef sequence={remark.travellerSequence} reservation={reservation} />
                {remark.legSequence !== null && (
                  <span className="muted">{t('reservation.onLeg', { leg: remark.legSequence })}</span>
                )}
              </div>
              <p className="remark-text">
                <Text value={remark.text} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {serviceRequests.length > 0 && (
        <>
          <h3 className="subsection-title">
            {t('reservation.ssr.title', { count: serviceRequests.length })}
          </h3>
          <TableFrame label={t('reservation.ssr.title', { count: serviceRequests.length })}>
            <thead>
              <tr>
                <th scope="col">{t('reservation.ssr.code')}</th>
                <th scope="col">{t('reservation.ssr.status')}</th>
                <th scope="col">{t('reservation.ssr.carrier')}</th>
                <th scope="col">{t('reservation.ssr.segment')}</th>
                <th scope="col">{t('reservation.contacts.traveller')}</th>
                <th scope="col">{t('reservation.ssr.text')}</th>
              </tr>
            </thead>
            <tbody>
              {serviceRequests.map((request, index) => (
                <tr key={index} data-testid="service-request">
                  <td className="nowrap">
                    <abbr title={codeLabel('reservation.ssrCode', request.code)}>{request.code}</abbr>
                    {request.quantity !== null && <span className="muted"> ×{request.quantity}</span>}
                  </td>
                  <td>
                    <Text value={request.status} />
                  </td>
                  <td>
                    <Text value={request.carrier} />
                  </td>
                  <td className="nowrap">
                    {request.boardPoint || request.offPoint ? (
                      `${request.boardPoint ?? '?'} → ${request.offPoint ?? '?'}`
                    ) : request.legSequence !== null ? (
                      t('reservation.onLeg', { leg: request.legSequence })
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <TravellerRef sequence={request.travellerSequence} reservation={reservation} />
                  </td>
                  <td className="break-anywhere">
                    <code>
                      <Text value={request.text} />
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        </>
      )}
    </section>
  );
}

const ACTION_TONES: Record<string, string> = {
  added: 'success',
  cancelled: 'danger',
  changed: 'info',
  other: 'neutral',
};

/** The booking's history as the carrier sent it (ABI who and when, SAC what). Shown only when sent. */
export function HistoryPanel({ reservation }: { reservation: PnrReservation }) {
  const { history, historyText } = reservation;
  if (history.length === 0 && historyText.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="history-heading" data-testid="reservation-history">
      <h2 id="history-heading" className="panel-title">
        {t('reservation.history.title')}
      </h2>
      {history.length > 0 && (
        <ol className="history-list">
          {history.map((entry, index) => (
            <li key={index} className="history-entry" data-testid="history-entry">
              <div className="history-meta">
                <strong>
                  <DateText value={entry.at} />
                </strong>
                {entry.agent && (
                  <span>
                    {t('reservation.history.agent')} <Text value={entry.agent} />
                  </span>
                )}
                {entry.location && <span className="muted">{entry.location}</span>}
                {entry.company && <span className="muted">{entry.company}</span>}
              </div>
              {entry.changes.length === 0 ? (
                <p className="muted small">{t('reservation.history.noChanges')}</p>
              ) : (
                <ul className="history-changes">
                  {entry.changes.map((change, changeIndex) => (
                    <li key={changeIndex}>
                      <span className={`badge badge-${ACTION_TONES[change.action ?? 'other'] ?? 'neutral'}`}>
                        {change.action
                          ? t(`reservation.history.action.${change.action}`)
                          : (change.actionCode ?? '?')}
                      </span>{' '}
                      {change.items.map((item, itemIndex) => (
                        <span key={itemIndex} className="history-item">
                          <span className="segment-tag">{item.tag}</span> <Text value={item.summary} />
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {historyText.length > 0 && (
        <>
          <h3 className="subsection-title">{t('reservation.history.text')}</h3>
          <pre className="history-text">{historyText.join('\n')}</pre>
        </>
      )}
    </section>
  );
}
