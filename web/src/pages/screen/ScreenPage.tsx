import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { ScreeningResult, ScreeningStatus } from '../../watchlist-types.js';
import { percent } from '../watchlists/labels.js';
import { CandidateCard } from './CandidateCard.js';
import { ScreenForm, SCREEN_DEFAULTS, screenRequest, type ScreenQuery } from './ScreenForm.js';

/**
 * Screens a person or an organisation against the watchlists the user may see. The question
 * lives in the address bar, so that the results come back after opening an entry.
 */
export function ScreenPage() {
  const [query, setQuery] = useQueryState<keyof ScreenQuery>(SCREEN_DEFAULTS);
  const status = useApi<ScreeningStatus>('/screen/status');
  const [result, setResult] = useState<{ key: string; data: ScreeningResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const request = screenRequest(query);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!key) return;
    const { path, body } = JSON.parse(key) as NonNullable<ReturnType<typeof screenRequest>>;
    const controller = new AbortController();
    setRunning(true);
    setError(null);
    api.post<ScreeningResult>(path, body, { signal: controller.signal }).then(
      (data) => {
        setResult({ key, data });
        setRunning(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, 'unexpected', String(cause)));
        setResult(null);
        setRunning(false);
      },
    );
    return () => controller.abort();
  }, [key]);

  const shown = result && result.key === key ? result.data : null;
  const matches = shown ? shown.candidates.filter((candidate) => candidate.match).length : 0;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.screen')}</h1>
        <p className="page-lead">{t('screen.lead')}</p>
      </header>
      <ScreenForm
        query={query}
        running={running}
        onScreen={(next) => setQuery(next)}
        onClear={() => {
          setResult(null);
          setError(null);
          setQuery(SCREEN_DEFAULTS);
        }}
      />
      {status.data && (
        <p className="muted small screen-status" data-testid="screen-status">
          {t('screen.status', { count: status.data.entries, revision: status.data.revision })}
        </p>
      )}
      <ErrorBanner error={error} />
      {!key && (
        <section className="panel">
          <EmptyState title={t('screen.startTitle')} icon="search">
            <p>{t('screen.startBody')}</p>
          </EmptyState>
        </section>
      )}
      {key && running && !shown && <Loading label={t('screen.screening')} />}
      {shown && (
        <section
          className={`screen-results${running ? ' table-busy' : ''}`}
          aria-labelledby="screen-results-heading"
          data-testid="screen-results"
        >
          {shown.candidates.length === 0 ? (
            <div className="panel">
              <EmptyState title={t('screen.noneTitle')} icon="search" testId="screen-empty">
                <p>{t('screen.noneBody', { name: query.name })}</p>
              </EmptyState>
            </div>
          ) : (
            <>
              <div className="screen-results-head">
                <h2 id="screen-results-heading">
                  {t('screen.results', { count: shown.candidates.length, name: query.name })}
                </h2>
                <span
                  className={`badge ${matches > 0 ? 'badge-danger' : 'badge-neutral'}`}
                  data-testid="screen-matches"
                >
                  {t('screen.matches', { count: matches })}
                </span>
                <span className="muted small">
                  {t('screen.threshold', { percent: percent(shown.threshold) })}
                </span>
              </div>
              <ol className="candidate-list">
                {shown.candidates.map((candidate, index) => (
                  <CandidateCard
                    key={`${candidate.entry.id}-${index}`}
                    candidate={candidate}
                    rank={index + 1}
                    threshold={shown.threshold}
                  />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </div>
  );
}
