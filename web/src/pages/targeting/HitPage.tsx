import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { flightDesignator, formatInstant, formatUtc } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { HitDetail } from '../../targeting-types.js';
import { PnrText } from '../../components/PnrWithheld.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { Countdown, useNow } from './Countdown.js';
import { HitExplanationView } from './HitExplanationView.js';
import { HitHistory, OtherReviews } from './HitHistory.js';
import { HitReviewActions } from './HitReviewActions.js';
import { HitSubject } from './HitSubject.js';
import { RecordHitsPanel } from './RecordHits.js';
import { HitStatusBadge, NoLongerMatching } from './labels.js';

function BackToQueue() {
  return (
    <Link to="/targeting" className="back-link">
      ← {t('hit.back')}
    </Link>
  );
}

export function HitPage() {
  const { id = '' } = useParams();
  const loaded = useApi<HitDetail>(`/hits/${encodeURIComponent(id)}`);
  const [updated, setUpdated] = useState<HitDetail | null>(null);
  const now = useNow();
  if (loaded.error)
    return (
      <div className="page">
        <BackToQueue />
        <ErrorBanner error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  const hit = updated?.id === id ? updated : loaded.data;
  if (!hit || hit.id !== id) return <Loading />;
  const { flight } = hit;

  return (
    <div className="page" data-testid="hit-page" data-hit-id={hit.id}>
      <BackToQueue />
      <header className="page-header page-header-row">
        <div>
          <h1 data-testid="hit-subject-name">
            <PnrText value={hit.subjectName} />
          </h1>
          <div className="badge-row">
            <SeverityBadge severity={hit.severity} />{' '}
            <HitStatusBadge status={hit.review.status} outcome={hit.review.outcome} />{' '}
            {!hit.stillMatching && <NoLongerMatching />}{' '}
            <span className="badge badge-info">{hit.category}</span>{' '}
            <span className="muted small">{t('hit.raised', { at: formatInstant(hit.createdAt) })}</span>
          </div>
        </div>
        {flight && (
          <div className="hit-flight" data-testid="hit-flight">
            <Link to={`/flights/${flight.id}`} className="strong-link">
              {flightDesignator(flight)}
            </Link>{' '}
            {flight.origin ?? '?'} → {flight.destination ?? '?'}
            <span className="muted small block">
              {formatUtc(flight.departureUtc)} → {formatUtc(flight.arrivalUtc)}
            </span>
            <Countdown dueAt={hit.dueAt} inbound={flight.direction === 'inbound'} now={now} />
          </div>
        )}
      </header>
      <HitReviewActions hit={hit} onChanged={setUpdated} />
      <div className="hit-columns">
        <HitSubject hit={hit} />
        <HitExplanationView hit={hit} />
      </div>
      {hit.otherHits.length > 0 && <RecordHitsPanel hits={hit.otherHits} title={t('hit.otherHits')} />}
      <OtherReviews hit={hit} />
      <HitHistory hit={hit} />
    </div>
  );
}
