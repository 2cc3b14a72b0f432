import { useState } from 'react';
import { api } from '../../api.js';
import { Fact, Facts } from '../../components/Facts.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { TableFrame } from '../../components/Table.js';
import { formatInstant, formatNumber } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t, type CatalogueKey } from '../../i18n/index.js';

type JobState = 'pending' | 'running' | 'done' | 'dead';

/** GET /api/v1/admin/jobs (src/jobs/service.ts, jobsOverviewSchema). */
interface JobsOverview {
  counts: Record<JobState, number>;
  dead: {
    id: number;
    /** What the job is, in its kind's words: a catalogue key under jobs.kind (message, travellers ...). */
    kind: string;
    summary: string;
    attempts: number;
    error: string | null;
    createdAt: string;
    lastAttemptAt: string | null;
    diedAt: string | null;
    lastWorker: string | null;
  }[];
  leaseSeconds: number;
  maxAttempts: number;
}

const STATES: JobState[] = ['pending', 'running', 'done', 'dead'];

/**
 * The screening queue: how many jobs are in each state, and the dead ones (failed at every
 * attempt, or their worker stopped each time) with their last error, each sent back by "Retry".
 */
export function JobsPanel() {
  const jobs = useApi<JobsOverview>('/admin/jobs');
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const retry = async (id: number) => {
    setBusy(id);
    setError(null);
    setDone(null);
    try {
      await api.post(`/admin/jobs/${id}/retry`, {});
      setDone(t('jobs.retried', { id }));
      jobs.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const overview = jobs.data;
  return (
    <>
      <section className="panel" aria-labelledby="jobs-heading" data-testid="jobs-panel">
        <h2 id="jobs-heading" className="panel-title">
          {t('jobs.title')}
        </h2>
        <ErrorBanner error={jobs.error} onRetry={jobs.reload} />
        {jobs.loading && !overview && <Loading />}
        {overview && (
          <>
            <p className="prose">
              {t('jobs.intro', { lease: overview.leaseSeconds, attempts: overview.maxAttempts })}
            </p>
            <Facts label={t('jobs.title')}>
              {STATES.map((state) => (
                <Fact key={state} label={t(`jobs.state.${state}` as CatalogueKey)}>
                  <span data-testid={`jobs-count-${state}`}>{formatNumber(overview.counts[state])}</span>
                </Fact>
              ))}
            </Facts>
            <button type="button" className="button" onClick={jobs.reload} disabled={jobs.loading}>
              {t('jobs.refresh')}
            </button>
          </>
        )}
      </section>

      {overview && (
        <section className="panel" aria-labelledby="dead-jobs-heading">
          <h2 id="dead-jobs-heading" className="panel-title">
            {t('jobs.dead.title')}
          </h2>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
          {done && (
            <div className="banner banner-success" role="status">
              {done}
            </div>
          )}
          {overview.dead.length === 0 ? (
            <EmptyState title={t('jobs.dead.empty')}>
              <p>{t('jobs.dead.emptyBody')}</p>
            </EmptyState>
          ) : (
            <TableFrame label={t('jobs.dead.title')} busy={jobs.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.kind')}</th>
                  <th scope="col">{t('jobs.summary')}</th>
                  <th scope="col">{t('jobs.attempts')}</th>
                  <th scope="col">{t('jobs.error')}</th>
                  <th scope="col">{t('jobs.created')}</th>
                  <th scope="col">{t('jobs.lastAttempt')}</th>
                  <th scope="col">{t('jobs.died')}</th>
                  <th scope="col">{t('jobs.worker')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('jobs.retry')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.dead.map((job) => (
                  <tr key={job.id} data-testid="dead-job-row">
                    <td>{t(`jobs.kind.${job.kind}` as CatalogueKey)}</td>
                    <td>
                      <code>{job.summary}</code>
                    </td>
                    <td>{formatNumber(job.attempts)}</td>
                    <td>{job.error ?? '—'}</td>
                    <td>{formatInstant(job.createdAt)}</td>
                    <td>{formatInstant(job.lastAttemptAt)}</td>
                    <td>{formatInstant(job.diedAt)}</td>
                    <td>{job.lastWorker ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={busy !== null}
                        aria-label={t('jobs.retryNamed', { id: job.id })}
                        onClick={() => void retry(job.id)}
                      >
                        {t('jobs.retry')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
          )}
        </section>
      )}
    </>
  );
}
