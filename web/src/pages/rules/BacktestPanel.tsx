import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { TableFrame } from '../../components/Table.js';
import { formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { BacktestResult, BacktestVersion, RuleDetail } from '../../targeting-types.js';
import { percent } from '../watchlists/labels.js';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const FIELDS = ['from', 'to', 'version', 'compareWith'] as const;

/** The rule (a version, or two compared) over the stored data of a period: would-be hits, per day, precision. */
export function BacktestPanel({ rule }: { rule: RuleDetail }) {
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [version, setVersion] = useState(String(rule.version));
  const [compareWith, setCompareWith] = useState('');
  const [result, setResult] = useState<BacktestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const periodError = from && to && to < from ? t('backtest.periodInvalid') : null;
  const problems = fieldErrorsOf(error, FIELDS);
  const toError = periodError ?? problems.to;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to || periodError) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api.post<BacktestResult>(`/rules/${rule.id}/backtest`, {
          from,
          to,
          version: Number(version),
          ...(compareWith ? { compareWith: Number(compareWith) } : {}),
        }),
      );
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const versions = rule.versions.map((v) => v.version);

  return (
    <section className="panel" aria-labelledby="backtest-heading" data-testid="backtest">
      <h2 id="backtest-heading" className="panel-title">
        {t('backtest.title')}
      </h2>
      <p className="hint">{t('backtest.lead')}</p>
      <form className="form form-row" onSubmit={onSubmit} noValidate aria-labelledby="backtest-heading">
        <div className="field">
          <label htmlFor="backtest-from">{t('backtest.from')}</label>
          <DateInput
            id="backtest-from"
            value={from}
            max={to}
            invalid={Boolean(problems.from)}
            describedBy="backtest-from-error"
            onChange={setFrom}
          />
          <FieldError id="backtest-from-error" message={problems.from} />
        </div>
        <div className="field">
          <label htmlFor="backtest-to">{t('backtest.to')}</label>
          <DateInput
            id="backtest-to"
            value={to}
            min={from}
            invalid={Boolean(toError)}
            describedBy="backtest-to-error"
            onChange={setTo}
          />
          <FieldError id="backtest-to-error" message={toError} />
        </div>
        <div className="field">
          <label htmlFor="backtest-version">{t('backtest.version')}</label>
          <select id="backtest-version" value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {t('rules.versionOf', { version: v })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="backtest-compare">{t('backtest.compareWith')}</label>
          <select id="backtest-compare" value={compareWith} onChange={(e) => setCompareWith(e.target.value)}>
            <option value="">{t('backtest.noComparison')}</option>
            {versions
              .filter((v) => String(v) !== version)
              .map((v) => (
                <option key={v} value={v}>
                  {t('rules.versionOf', { version: v })}
                </option>
              ))}
          </select>
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || Boolean(periodError)}
          data-testid="backtest-run"
        >
          {busy ? t('common.working') : t('backtest.run')}
        </button>
      </form>
      <ErrorBanner error={error} fields={FIELDS} onDismiss={() => setError(null)} />
      {result && (
        <div data-testid="backtest-result">
          <p className="muted">
            {t('backtest.evaluated', { count: result.evaluated, seconds: result.seconds.toFixed(1) })}
          </p>
          {result.comparison && (
            <p data-testid="backtest-comparison">
              {t('backtest.comparison', {
                both: result.comparison.both,
                onlyFirst: result.comparison.onlyFirst,
                onlySecond: result.comparison.onlySecond,
                first: version,
                second: compareWith,
              })}
            </p>
          )}
          <div className="backtest-versions">
            {result.versions.map((v) => (
              <VersionResult
                key={v.version}
                result={v}
                base={rule.subject === 'traveller' ? '/travellers' : '/reservations'}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function VersionResult({ result, base }: { result: BacktestVersion; base: string }) {
  const max = Math.max(1, ...result.perDay.map((d) => d.count));
  const { outcomes } = result;
  return (
    <div className="backtest-version" data-testid="backtest-version" data-version={result.version}>
      <h3 className="subsection-title">
        {t('rules.versionOf', { version: result.version })}: {t('backtest.hits', { count: result.hits })}
      </h3>
      <p className="small">
        {outcomes.precision === null
          ? t('backtest.noOutcomes')
          : t('backtest.precision', {
              precision: percent(outcomes.precision),
              positives: outcomes.positives,
              known: outcomes.known,
            })}
      </p>
      {result.perDay.length > 0 && (
        <div className="bar-chart" role="img" aria-label={t('backtest.perDay')}>
          {result.perDay.map((day) => (
            <div key={day.day} className="bar" title={`${day.day}: ${formatNumber(day.count)}`}>
              <span className="bar-fill" style={{ height: `${(day.count / max) * 100}%` }} />
              <span className="bar-label">{day.day.slice(5)}</span>
            </div>
          ))}
        </div>
      )}
      {result.sample.length > 0 && (
        <TableFrame label={t('backtest.sample')}>
          <thead>
            <tr>
              <th scope="col">{t('backtest.sampleName')}</th>
              <th scope="col">{t('backtest.sampleFlight')}</th>
              <th scope="col">{t('backtest.sampleDay')}</th>
            </tr>
          </thead>
          <tbody>
            {result.sample.slice(0, 20).map((s) => (
              <tr key={s.subjectId}>
                <td>
                  <Link to={`${base}/${s.subjectId}`}>{s.name}</Link>
                </td>
                <td>{s.flight}</td>
                <td>{s.day}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </div>
  );
}
