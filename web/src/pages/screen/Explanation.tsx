import { TableFrame } from '../../components/Table.js';
import { formatNumber } from '../../format.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type { MatchExplanation } from '../../watchlist-types.js';
import { percent } from '../watchlists/labels.js';

/** Why a candidate came up: aligned name parts, parts left over, and what else moved the score. */
export function Explanation({ explanation }: { explanation: MatchExplanation }) {
  const { parts, unmatchedQueryParts, unmatchedCandidateParts, adjustments } = explanation;
  return (
    <details className="explanation" open data-testid="explanation">
      <summary>{t('screen.explanation')}</summary>
      <p className="explanation-name">
        <span className="muted">{t('screen.bestName')}:</span>{' '}
        <strong dir="auto" data-testid="explanation-candidate-name">
          {explanation.candidateName}
        </strong>{' '}
        <span className="muted small" data-testid="explanation-name-score">
          {t('screen.nameScore', { percent: percent(explanation.nameScore) })}
        </span>
      </p>
      <div className="explanation-grid">
        <div>
          <h4 className="subsection-title">{t('screen.parts')}</h4>
          {parts.length === 0 ? (
            <p className="muted small">{t('screen.noParts')}</p>
          ) : (
            <TableFrame label={t('screen.parts')}>
              <thead>
                <tr>
                  <th scope="col">{t('screen.part.query')}</th>
                  <th scope="col" aria-hidden="true" />
                  <th scope="col">{t('screen.part.candidate')}</th>
                  <th scope="col">{t('screen.part.method')}</th>
                  <th scope="col" className="numeric">
                    {t('screen.part.similarity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {parts.map((part, index) => (
                  <tr key={index} data-testid="explanation-part" data-method={part.method}>
                    <td dir="auto">{part.query}</td>
                    <td aria-hidden="true" className="muted">
                      ↔
                    </td>
                    <td dir="auto">{part.candidate}</td>
                    <td>
                      <span className={`method method-${part.method}`}>{methodLabel(part.method)}</span>
                    </td>
                    <td className="numeric">{percent(part.similarity)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          )}
          <Unmatched
            label={t('screen.unmatchedQuery')}
            parts={unmatchedQueryParts}
            testId="unmatched-query"
          />
          <Unmatched
            label={t('screen.unmatchedCandidate')}
            parts={unmatchedCandidateParts}
            testId="unmatched-candidate"
          />
        </div>
        <div>
          <h4 className="subsection-title">{t('screen.adjustments')}</h4>
          {adjustments.length === 0 ? (
            <p className="muted small">{t('screen.noAdjustments')}</p>
          ) : (
            <ul className="adjustments">
              {adjustments.map((adjustment, index) => (
                <li
                  key={index}
                  className={`adjustment ${adjustment.delta >= 0 ? 'adjustment-up' : 'adjustment-down'}`}
                  data-testid="explanation-adjustment"
                  data-reason={adjustment.reason}
                >
                  <span className="adjustment-delta">{formatDelta(adjustment.delta)}</span>
                  <span className="adjustment-reason">{adjustmentLabel(adjustment.reason)}</span>
                  <span className="adjustment-detail">{adjustment.detail}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </details>
  );
}

function Unmatched({ label, parts, testId }: { label: string; parts: string[]; testId: string }) {
  if (parts.length === 0) return null;
  return (
    <p className="small unmatched" data-testid={testId}>
      <span className="muted">{label}:</span>{' '}
      {parts.map((part) => (
        <span key={part} className="unmatched-part" dir="auto">
          {part}
        </span>
      ))}
    </p>
  );
}

function methodLabel(method: string): string {
  const key = `screen.method.${method}` as CatalogueKey;
  const label = t(key);
  return label === key ? method : label;
}

function adjustmentLabel(reason: string): string {
  const key = `screen.adjustment.${reason}` as CatalogueKey;
  const label = t(key);
  return label === key ? reason : label;
}

/** +0.06 -> "+6 pts" (percentage points of the score); negative deltas with a true minus sign. */
export function formatDelta(delta: number): string {
  const points = Math.round(Math.abs(delta) * 1000) / 10;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return t('screen.delta', { delta: `${sign}${formatNumber(points)}` });
}
