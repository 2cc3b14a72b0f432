import { Link } from 'react-router-dom';
import { CountryCode } from '../../components/Jurisdiction.js';
import { t } from '../../i18n/index.js';
import type { ScreeningCandidate } from '../../watchlist-types.js';
import { percent, SeverityBadge, sourceLabel } from '../watchlists/labels.js';
import { Explanation } from './Explanation.js';

/** One ranked candidate: score and bar, match or not, the listed entry and why it came up. */
export function CandidateCard({
  candidate,
  rank,
  threshold,
}: {
  candidate: ScreeningCandidate;
  rank: number;
  threshold: number;
}) {
  const { entry, list, score, match } = candidate;
  return (
    <li
      className={`candidate panel${match ? ' candidate-match' : ''}`}
      data-testid="candidate"
      data-match={match}
      data-score={score}
      data-entry-id={entry.id}
      aria-label={t('screen.rank', { rank })}
    >
      <div className="candidate-head">
        <span className="candidate-rank" aria-hidden="true">
          {rank}
        </span>
        <div className="candidate-title">
          <Link
            to={`/watchlists/entries/${entry.id}`}
            dir="auto"
            className="candidate-name"
            data-testid="candidate-entry-link"
          >
            {entry.primaryName}
          </Link>
          <span className="muted small">
            {t('screen.list')}:{' '}
            <Link to={`/watchlists/${list.id}`} data-testid="candidate-list-link">
              {list.name}
            </Link>{' '}
            ({sourceLabel(list.source)}) · <span className="mono">{entry.externalId}</span>
          </span>
        </div>
        <div className="candidate-score" data-testid="candidate-score">
          <ScoreBar score={score} threshold={threshold} />
          <div className="badge-row">
            <span
              className={`badge ${match ? 'badge-danger' : 'badge-neutral'}`}
              data-testid="candidate-verdict"
            >
              {match ? t('screen.match') : t('screen.belowThreshold')}
            </span>{' '}
            <span className="badge badge-info" data-testid="candidate-matched-by">
              {t(`screen.matchedBy.${candidate.matchedBy}`)}
            </span>{' '}
            <SeverityBadge severity={entry.severity} />
          </div>
        </div>
      </div>
      <dl className="header-facts candidate-facts" aria-label={t('screen.entryFacts')}>
        {entry.datesOfBirth.length > 0 && (
          <div>
            <dt>{t('entry.datesOfBirth')}</dt>
            <dd>{entry.datesOfBirth.join(', ')}</dd>
          </div>
        )}
        {entry.nationalities.length > 0 && (
          <div>
            <dt>{t('entry.nationalities')}</dt>
            <dd>
              {entry.nationalities.map((code, index) => (
                <span key={code}>
                  {index > 0 && ', '}
                  <CountryCode code={code} />
                </span>
              ))}
            </dd>
          </div>
        )}
        {entry.sex && (
          <div>
            <dt>{t('entry.sex')}</dt>
            <dd>{t(`entryForm.sex.${entry.sex}`)}</dd>
          </div>
        )}
        {entry.documents.length > 0 && (
          <div>
            <dt>{t('entry.documents')}</dt>
            <dd className="mono">{entry.documents.map((document) => document.number).join(', ')}</dd>
          </div>
        )}
        {entry.originalScriptNames.length > 0 && (
          <div>
            <dt>{t('entry.originalScript')}</dt>
            <dd dir="auto">{entry.originalScriptNames.join(' · ')}</dd>
          </div>
        )}
        {entry.category && (
          <div>
            <dt>{t('entry.category')}</dt>
            <dd>{entry.category}</dd>
          </div>
        )}
        {entry.reason && (
          <div className="candidate-reason">
            <dt>{t('entry.reason')}</dt>
            <dd>{entry.reason}</dd>
          </div>
        )}
      </dl>
      <Explanation explanation={candidate.explanation} />
    </li>
  );
}

/** The score as a percentage and a bar, with the threshold marked on it. */
function ScoreBar({ score, threshold }: { score: number; threshold: number }) {
  const clamped = Math.max(0, Math.min(1, score));
  return (
    <div className="score">
      <span className="score-value" data-testid="candidate-percent">
        {percent(score)}
      </span>
      <div
        className="score-bar"
        role="meter"
        aria-label={t('screen.score')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)}
        aria-valuetext={percent(score)}
      >
        <span
          className={`score-fill${score >= threshold ? ' score-fill-match' : ''}`}
          style={{ width: `${clamped * 100}%` }}
        />
        <span
          className="score-threshold"
          style={{ left: `${threshold * 100}%` }}
          title={t('screen.threshold', { percent: percent(threshold) })}
        />
      </div>
    </div>
  );
}
