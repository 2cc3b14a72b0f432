import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { t } from '../../i18n/index.js';
import type { RuleTestResult, Subject } from '../../targeting-types.js';
import { ConditionExplanation } from './ConditionExplanation.js';
import { TravellerPicker } from './TravellerPicker.js';
import type { Converted } from './tree.js';

/** The condition as written now, tried on one traveller (or reservation), with every value seen. */
export function RuleTestPanel({ subject, converted }: { subject: Subject; converted: Converted }) {
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const [reservationId, setReservationId] = useState('');
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (id: string, label: string) => {
    setTarget({ id, label });
    setResult(null);
    setError(null);
    if (converted.missing.size > 0) return setError(new Error(t('ruleTest.incomplete')));
    setBusy(true);
    try {
      const body = {
        subject,
        condition: converted.tree,
        ...(subject === 'traveller' ? { travellerId: id } : { reservationId: id }),
      };
      setResult(await api.post<RuleTestResult>('/rules/test', body));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="rule-test-heading" data-testid="rule-test">
      <h2 id="rule-test-heading" className="panel-title">
        {subject === 'traveller' ? t('ruleTest.titleTraveller') : t('ruleTest.titleReservation')}
      </h2>
      <p className="hint">{t('ruleTest.lead')}</p>
      {subject === 'traveller' ? (
        <TravellerPicker onPick={(id, label) => void run(id, label)} />
      ) : (
        <div className="form form-row">
          <div className="field field-grow">
            <label htmlFor="rule-test-reservation">{t('ruleTest.reservation')}</label>
            <input
              id="rule-test-reservation"
              value={reservationId}
              onChange={(e) => setReservationId(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="button"
            disabled={!reservationId.trim()}
            onClick={() => void run(reservationId.trim(), reservationId.trim())}
          >
            {t('ruleTest.run')}
          </button>
        </div>
      )}
      {busy && <p className="muted">{t('common.working')}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {result && !result.valid && (
        <ul className="builder-issues" role="alert" data-testid="rule-test-issues">
          {result.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`} className="field-error">
              {issue.path || t('ruleTest.rule')}: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {result && result.valid && target && (
        <div className="rule-test-result" data-testid="rule-test-result" data-fired={result.fired}>
          <p className={`banner ${result.fired ? 'banner-warning' : 'banner-info'}`}>
            <span className="banner-text">
              {result.fired ? t('ruleTest.fired') : t('ruleTest.notFired')}{' '}
              {subject === 'traveller' ? (
                <Link to={`/travellers/${target.id}`}>{target.label}</Link>
              ) : (
                <Link to={`/reservations/${target.id}`}>{target.label}</Link>
              )}
            </span>
          </p>
          <ConditionExplanation explanation={result.explanation} />
        </div>
      )}
    </section>
  );
}
