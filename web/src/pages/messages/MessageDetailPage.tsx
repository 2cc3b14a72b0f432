import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { Fact, Facts } from '../../components/Facts.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatBytes, formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { Issue, MessageDetail } from '../../types.js';
import { isPnrWithheld } from '../../components/PnrWithheld.js';
import { IssueList } from './IssueList.js';
import { RawMessage, rawPieceId } from './RawMessage.js';
import { looksLikeEdifact } from './segments.js';

export function MessageDetailPage() {
  const { id = '' } = useParams();
  const message = useApi<MessageDetail>(`/messages/${encodeURIComponent(id)}`);
  const [selected, setSelected] = useState<number | null>(null);

  if (message.error) {
    return (
      <div className="page">
        <BackLink />
        <ErrorBanner error={message.error} onRetry={message.reload} />
      </div>
    );
  }
  if (!message.data) return <Loading />;
  const data = message.data;
  const content = isPnrWithheld(data.content) ? null : data.content;
  const bySegments = content === null || looksLikeEdifact(content);

  const select = (issue: Issue) => {
    const target = bySegments ? issue.segment : issue.line;
    setSelected(target);
    document.getElementById(rawPieceId(target))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <div className="page">
      <BackLink />
      <header className="page-header page-header-row">
        <div>
          <h1 className="break-anywhere">{data.filename || t('messages.untitled')}</h1>
          <p className="page-lead">
            {data.format === 'unknown' ? t('messages.format.unknown') : data.format} ·{' '}
            {t('messages.detail.receivedAtBy', { at: formatInstant(data.receivedAt), by: data.receivedBy })}
          </p>
        </div>
        <StatusBadge status={data.status} />
      </header>

      <section className="panel">
        <Facts>
          <Fact label={t('messages.column.size')}>{formatBytes(data.sizeBytes)}</Fact>
          <Fact label={t('messages.column.travellers')}>{data.travellers}</Fact>
          <Fact label={t('messages.column.errors')}>{data.errors.length}</Fact>
          <Fact label={t('messages.column.warnings')}>{data.warnings.length}</Fact>
          <Fact label={t('messages.detail.sha256')} wide>
            <code className="break-anywhere">{data.sha256}</code>
          </Fact>
          <Fact label={t('messages.column.flights')} wide>
            {data.flights.length === 0 ? (
              <span className="muted">{t('messages.detail.noFlights')}</span>
            ) : (
              data.flights.map((flightId, index) => (
                <span key={flightId}>
                  {index > 0 && ', '}
                  <Link to={`/flights/${flightId}`}>{t('messages.detail.flightLink', { n: index + 1 })}</Link>
                </span>
              ))
            )}
          </Fact>
        </Facts>
      </section>

      <section className="panel" aria-labelledby="issues-heading">
        <h2 id="issues-heading" className="panel-title">
          {t('messages.detail.issues', { errors: data.errors.length, warnings: data.warnings.length })}
        </h2>
        <IssueList errors={data.errors} warnings={data.warnings} onSelect={select} />
      </section>

      <section className="panel" aria-labelledby="raw-heading">
        <h2 id="raw-heading" className="panel-title">
          {bySegments ? t('messages.detail.rawSegments') : t('messages.detail.rawLines')}
        </h2>
        {content === null ? (
          <p className="muted" data-testid="pnr-withheld">
            {t('pnr.withheldMessage')}
          </p>
        ) : (
          <RawMessage content={content} errors={data.errors} warnings={data.warnings} selected={selected} />
        )}
      </section>
    </div>
  );
}

function BackLink() {
  return (
    <Link className="back-link" to="/messages">
      ← {t('messages.detail.back')}
    </Link>
  );
}
