import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateInput } from '../../components/DateInput.js';
import { Fact, Facts } from '../../components/Facts.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { formatNumber } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { RetentionPolicy, RetentionResult, RetentionRun } from '../../reservation-types.js';
import { RetentionRuns } from './RetentionRuns.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * PNR data retention (EU PNR directive, Article 12): what the policy does, and running it now or
 * as of another day. The server also runs it every hour by itself.
 */
export function RetentionPanel() {
  const [asOf, setAsOf] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<RetentionResult | null>(null);
  const policy = useApi<RetentionPolicy>('/retention/policy');
  const runs = useApi<{ items: RetentionRun[] }>('/retention/runs');
  const pnr = policy.data?.pnr;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.post<RetentionResult>('/retention/run', asOf ? { asOf } : {}));
      runs.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setRunning(false);
      setConfirming(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };

  return (
    <>
      <section className="panel" aria-labelledby="retention-heading" data-testid="retention-panel">
        <h2 id="retention-heading" className="panel-title">
          {t('retention.title')}
        </h2>
        <div className="prose">
          <p>{t('retention.intro')}</p>
          <ErrorBanner error={policy.error} onRetry={policy.reload} />
          {pnr && (
            <ul className="plain-list" data-testid="retention-policy">
              <li>
                <strong>{t('retention.maskTitle', { count: pnr.maskAfterMonths })}</strong>{' '}
                {t('retention.maskBody')}
              </li>
              <li>
                <strong>{t('retention.deleteTitle', { count: pnr.deleteAfterYears })}</strong>{' '}
                {t('retention.deleteBody')}
              </li>
              <li>
                <strong>{t('retention.holdTitle')}</strong> {t('retention.holdBody')}
              </li>
            </ul>
          )}
          {pnr && <p>{pnr.appliesOnArrival ? t('retention.onArrival') : t('retention.onArrivalOff')}</p>}
          <p className="muted small">{t('retention.schedule')}</p>
        </div>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <form className="form form-row" onSubmit={onSubmit} aria-labelledby="retention-heading">
          <div className="field">
            <label htmlFor="retention-as-of">{t('retention.asOf')}</label>
            <DateInput
              id="retention-as-of"
              value={asOf}
              onChange={setAsOf}
              describedBy="retention-as-of-hint"
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={running}
            data-testid="retention-run"
          >
            {running ? t('retention.running') : t('retention.run')}
          </button>
          <span id="retention-as-of-hint" className="hint form-row-hint">
            {t('retention.asOfHint')}
          </span>
        </form>
      </section>

      {result && (
        <section
          className="panel"
          aria-labelledby="retention-result-heading"
          role="status"
          data-testid="retention-result"
        >
          <h2 id="retention-result-heading" className="panel-title">
            {t('retention.result.title', { asOf: result.asOf })}
          </h2>
          <Facts>
            <Fact label={t('retention.result.masked')}>
              <span data-testid="retention-masked">{formatNumber(result.masked.length)}</span>
            </Fact>
            <Fact label={t('retention.result.deleted')}>
              <span data-testid="retention-deleted">{formatNumber(result.deleted.length)}</span>
            </Fact>
            <Fact label={t('retention.result.held')}>{formatNumber(result.held)}</Fact>
            <Fact label={t('retention.result.messagesSealed')}>{formatNumber(result.messagesSealed)}</Fact>
            <Fact label={t('retention.result.messagesDeleted')}>{formatNumber(result.messagesDeleted)}</Fact>
            <Fact label={t('retention.result.maskedBefore')}>{result.maskedBefore}</Fact>
            <Fact label={t('retention.result.deletedBefore')}>{result.deletedBefore}</Fact>
          </Facts>
        </section>
      )}

      <RetentionRuns runs={runs} />

      <ConfirmDialog
        open={confirming}
        title={t('retention.confirm.title')}
        message={t('retention.confirm.message', { asOf: asOf || today() })}
        confirmLabel={t('retention.run')}
        tone="danger"
        busy={running}
        onConfirm={() => void run()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
