import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { PeriodFilter } from '../../components/Filters.js';
import { FilterBar, parseSort, SortHeader, TableFrame } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { EffectivenessItem } from '../../targeting-types.js';
import { percent, SeverityBadge } from '../watchlists/labels.js';
import { RuleStateBadge } from './labels.js';
import { RulesNav } from './RulesNav.js';

type NumericKey = 'hits' | 'referrals' | 'positives' | 'negatives' | 'notEncountered' | 'precision';
const COLUMNS: NumericKey[] = ['hits', 'referrals', 'positives', 'negatives', 'notEncountered', 'precision'];

/** Per rule over a period: hits, referrals, outcomes and precision; noisy rules stand out. */
export function EffectivenessPage() {
  const [query, setQuery] = useQueryState({ from: '', to: '', sort: '-hits' });
  const periodError =
    query.from && query.to && query.to < query.from ? t('effectiveness.periodInvalid') : null;
  const report = useApi<{ items: EffectivenessItem[] }>(periodError ? null : '/rules/effectiveness', {
    from: query.from,
    to: query.to,
  });
  const sorted = useMemo(() => sortItems(report.data?.items ?? [], query.sort), [report.data, query.sort]);
  const noisy = sorted.filter((item) => item.noisy).length;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('effectiveness.title')}</h1>
        <p className="page-lead">{t('effectiveness.lead')}</p>
      </header>
      <RulesNav />
      <section className="panel">
        <FilterBar label={t('effectiveness.period')}>
          <PeriodFilter
            idPrefix="effectiveness"
            fromLabel={t('effectiveness.from')}
            toLabel={t('effectiveness.to')}
            from={query.from}
            to={query.to}
            invalid={Boolean(periodError)}
            onChange={setQuery}
          />
          {(query.from || query.to) && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setQuery({ from: '', to: '' })}
            >
              {t('effectiveness.allTime')}
            </button>
          )}
        </FilterBar>
        {periodError && (
          <p className="field-error" role="alert">
            {periodError}
          </p>
        )}
        <ErrorBanner error={report.error} onRetry={report.reload} />
        {report.loading && !report.data && <Loading />}
        {noisy > 0 && (
          <div className="banner banner-warning" role="note" data-testid="noisy-note">
            <div className="banner-text">{t('effectiveness.noisyNote', { count: noisy })}</div>
          </div>
        )}
        {report.data && sorted.length === 0 && (
          <EmptyState title={t('effectiveness.empty.title')}>
            <p>{t('effectiveness.empty.body')}</p>
          </EmptyState>
        )}
        {sorted.length > 0 && (
          <TableFrame label={t('effectiveness.title')} busy={report.loading}>
            <thead>
              <tr>
                <SortHeader
                  label={t('effectiveness.column.rule')}
                  sortKey="name"
                  sort={query.sort}
                  onSort={(sort) => setQuery({ sort })}
                />
                <th scope="col">{t('effectiveness.column.state')}</th>
                <th scope="col">{t('effectiveness.column.severity')}</th>
                {COLUMNS.map((key) => (
                  <SortHeader
                    key={key}
                    label={t(`effectiveness.column.${key}`)}
                    sortKey={key}
                    sort={query.sort}
                    onSort={(sort) => setQuery({ sort })}
                    firstDescending
                    className="numeric"
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((item) => (
                <tr
                  key={item.ruleId}
                  data-testid="effectiveness-row"
                  data-rule-id={item.ruleId}
                  className={item.noisy ? 'row-noisy' : undefined}
                >
                  <td>
                    <Link to={`/rules/${item.ruleId}`} className="strong-link">
                      {item.name}
                    </Link>{' '}
                    <span className="muted small">{item.category}</span>
                    {item.noisy && (
                      <span
                        className="badge badge-warning badge-spaced-left"
                        title={t('effectiveness.noisyHint')}
                        data-testid="noisy-badge"
                      >
                        {t('effectiveness.noisy')}
                      </span>
                    )}
                  </td>
                  <td>
                    <RuleStateBadge state={item.state} />
                  </td>
                  <td>
                    <SeverityBadge severity={item.severity} />
                  </td>
                  {COLUMNS.map((key) => (
                    <td key={key} className="numeric" data-count={key}>
                      {key === 'precision'
                        ? item.precision === null
                          ? '—'
                          : percent(item.precision)
                        : item[key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
        <p className="hint">{t('effectiveness.precisionHint')}</p>
      </section>
    </div>
  );
}

function sortItems(items: EffectivenessItem[], sort: string): EffectivenessItem[] {
  const { key, descending } = parseSort(sort);
  const value = (item: EffectivenessItem) =>
    key === 'name' ? item.name : ((item[key as NumericKey] as number | null) ?? -1);
  const sorted = [...items].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : String(left).localeCompare(String(right));
    return order || a.name.localeCompare(b.name);
  });
  return descending ? sorted.reverse() : sorted;
}
