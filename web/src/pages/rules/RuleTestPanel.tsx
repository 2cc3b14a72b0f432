import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api.js';
import { formatLocalDateTime } from '../../format.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { t } from '../../i18n/index.js';
import type { RuleTestResult, Subject } from '../../targeting-types.js';
import { ConditionExplanation } from './ConditionExplanation.js';
import { TravellerPicker } from './TravellerPicker.js';
import type { Converted } from './tree.js';

/** A reservation a record locator may name (several: the server answers 409 with them). */
interface LocatorCandidate {
  reservationId: string;
  owningCarrier: string;
  recordLocator: string;
  firstDepartureLocal: string | null;
}

/** The condition as written now, tried on one traveller (or reservation), with every value seen. */
export function RuleTestPanel({ subject, converted }: { subject: Subject; converted: Converted }) {
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const [locator, setLocator] = useState('');
  const [carrier, setCarrier] = useState('');
  const [candidates, setCandidates] = useState<LocatorCandidate[]>([]);
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** A traveller by id; a reservation by id (a candidate chosen) or by record locator and carrier. */
  const run = async (id: string, label: string, byLocator?: { recordLocator: string; carrier?: string }) => {
    setTarget({ id, label });
    setResult(null);
    setError(null);
    setCandidates([]);
    if (converted.missing.size > 0) return setError(new Error(t('ruleTest.incomplete')));
    setBusy(true);
    try {
      const body = {
        subject,
        condition: converted.tree,
        ...(subject === 'traveller' ? { travellerId: id } : byLocator ? byLocator : { reservationId: id }),
      };
      const answer = await api.post<RuleTestResult>('/rules/test', body);
      // The server says which reservation the locator named.
      if (answer.valid && answer.reservation)
        setTarget({
          id: answer.reservation.reservationId,
          label: `${answer.reservation.owningCarrier} ${answer.reservation.recordLocator}`,
        });
      setResult(answer);
    } catch (cause) {
      const ambiguous =
        cause instanceof ApiError && cause.code === 'ambiguous_record_locator'
          ? (cause.details as { candidates?: LocatorCandidate[] } | undefined)?.candidates
          : undefined;
      if (ambiguous) setCandidates(ambiguous);
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const runLocator = () => {
    const recordLocator = locator.trim().toUpperCase();
    const owningCarrier = carrier.trim().toUpperCase();
    void run('', recordLocator, { recordLocator, ...(owningCarrier ? { carrier: owningCarrier } : {}) });
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
        <form
          className="form form-row"
          onSubmit={(event) => {
            event.preventDefault();
            if (locator.trim()) runLocator();
          }}
        >
          <div className="field field-grow">
            <label htmlFor="rule-test-reservation">{t('ruleTest.reservation')}</label>
            <input
              id="rule-test-reservation"
              value={locator}
              placeholder="06A9FD"
              maxLength={8}
              aria-describedby="rule-test-reservation-hint"
              onChange={(e) => setLocator(e.target.value)}
            />
            <span id="rule-test-reservation-hint" className="hint">
              {t('ruleTest.reservationHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="rule-test-carrier">{t('ruleTest.carrier')}</label>
            <input
              id="rule-test-carrier"
              className="input-short"
              value={carrier}
              placeholder="UA"
              maxLength={3}
              onChange={(e) => setCarrier(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={!locator.trim()} data-testid="rule-test-run">
            {t('ruleTest.run')}
          </button>
        </form>
      )}
      {busy && <p className="muted">{t('common.working')}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {candidates.length > 0 && (
        <div data-testid="rule-test-candidates">
          <p>{t('ruleTest.chooseReservation')}</p>
          <ul className="plain-list">
            {candidates.map((candidate) => (
              <li key={candidate.reservationId}>
                <button
                  type="button"
                  className="link-button"
                  data-testid="rule-test-candidate-reservation"
                  onClick={() =>
                    void run(candidate.reservationId, `${candidate.owningCarrier} ${candidate.recordLocator}`)
                  }
                >
                  {candidate.owningCarrier} {candidate.recordLocator}
                </button>{' '}
                <span className="muted small">{formatLocalDateTime(candidate.firstDepartureLocal)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
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
