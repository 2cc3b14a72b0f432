import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import {
  CheckboxFilter,
  FilterActions,
  optionsOf,
  SelectFilter,
  SearchFilter,
} from '../../components/Filters.js';
import { FilterBar, parseSort, SortHeader, TableFrame } from '../../components/Table.js';
import { formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import { RULE_STATES, SUBJECTS, type Rule } from '../../targeting-types.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { changeRefusal, mayWriteRules, RuleStateBadge, stateLabel, subjectLabel } from './labels.js';
import { RulesNav } from './RulesNav.js';

const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;

export function RulesPage() {
  const user = useUser();
  const mayWrite = mayWriteRules(user);
  const [query, setQuery] = useQueryState({ state: '', subject: '', q: '', mine: '', sort: '-updated' });
  const [q, setQ] = useState(query.q);
  useEffect(() => setQ(query.q), [query.q]);
  const rules = useApi<{ items: Rule[] }>('/rules', {
    state: query.state,
    subject: query.subject,
    q: query.q,
    mine: query.mine === 'yes' ? 'true' : undefined,
  });
  const filtered = Boolean(query.state || query.subject || query.q || query.mine);
  const sorted = useMemo(() => sortRules(rules.data?.items ?? [], query.sort), [rules.data, query.sort]);
  const header = (label: string, key: string, firstDescending = false) => (
    <SortHeader
      label={label}
      sortKey={key}
      sort={query.sort}
      onSort={(sort) => setQuery({ sort })}
      firstDescending={firstDescending}
    />
  );

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('nav.rules')}</h1>
          <p className="page-lead">{t('rules.lead')}</p>
        </div>
        {mayWriteRules(user) && (
          <div className="header-actions">
            <Link to="/rules/new" className="button button-primary" data-testid="new-rule">
              {t('rules.new')}
            </Link>
          </div>
        )}
      </header>
      <RulesNav />
      <section className="panel">
        <FilterBar label={t('rules.filters')} onSubmit={() => setQuery({ q: q.trim() })}>
          <SearchFilter
            id="rules-q"
            label={t('rules.filter.q')}
            placeholder={t('rules.filter.qPlaceholder')}
            value={q}
            onChange={setQ}
          />
          <SelectFilter
            id="rules-state"
            label={t('rules.filter.state')}
            value={query.state}
            options={optionsOf(RULE_STATES, stateLabel)}
            onChange={(state) => setQuery({ state })}
          />
          <SelectFilter
            id="rules-subject"
            label={t('rules.filter.subject')}
            value={query.subject}
            options={optionsOf(SUBJECTS, subjectLabel)}
            onChange={(subject) => setQuery({ subject })}
          />
          <CheckboxFilter
            label={t('rules.filter.mine')}
            value={query.mine}
            onChange={(mine) => setQuery({ mine })}
          />
          <FilterActions
            filtered={filtered}
            onClear={() => {
              setQ('');
              setQuery({ state: '', subject: '', q: '', mine: '' });
            }}
          />
        </FilterBar>
        <ErrorBanner error={rules.error} onRetry={rules.reload} />
        {rules.loading && !rules.data && <Loading />}
        {rules.data && sorted.length === 0 && (
          <EmptyState
            title={filtered ? t('rules.empty.filteredTitle') : t('rules.empty.title')}
            icon={filtered ? 'search' : 'inbox'}
          >
            <p>{filtered ? t('rules.empty.filteredBody') : t('rules.empty.body')}</p>
          </EmptyState>
        )}
        {sorted.length > 0 && (
          <TableFrame label={t('nav.rules')} busy={rules.loading}>
            <thead>
              <tr>
                {header(t('rules.column.name'), 'name')}
                <th scope="col">{t('rules.column.subject')}</th>
                {header(t('rules.column.state'), 'state')}
                {header(t('rules.column.severity'), 'severity', true)}
                {header(t('rules.column.category'), 'category')}
                <th scope="col" className="numeric">
                  {t('rules.column.version')}
                </th>
                <th scope="col">{t('rules.column.owner')}</th>
                {header(t('rules.column.updated'), 'updated', true)}
              </tr>
            </thead>
            <tbody>
              {sorted.map((rule) => (
                <tr key={rule.id} data-testid="rule-row">
                  <td>
                    <Link to={`/rules/${rule.id}`} className="strong-link">
                      {rule.name}
                    </Link>
                    {mayWrite && !rule.change.allowed && (
                      <span
                        className="muted small block"
                        title={changeRefusal(rule) ?? undefined}
                        data-testid="rule-read-only"
                      >
                        {t('rules.readOnly')}
                      </span>
                    )}
                  </td>
                  <td>{subjectLabel(rule.subject)}</td>
                  <td>
                    <RuleStateBadge state={rule.state} />
                  </td>
                  <td>
                    <SeverityBadge severity={rule.severity} />
                  </td>
                  <td>{rule.category}</td>
                  <td className="numeric">{rule.version}</td>
                  <td>
                    {rule.createdBy}
                    <span className="muted small block">
                      {rule.owner.unitName ?? rule.owner.jurisdiction}
                    </span>
                  </td>
                  <td>{formatInstant(rule.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
    </div>
  );
}

function sortRules(items: Rule[], sort: string): Rule[] {
  const { key, descending } = parseSort(sort);
  const value = (rule: Rule): string | number =>
    key === 'severity'
      ? SEVERITY_RANK[rule.severity]
      : key === 'updated'
        ? rule.updatedAt
        : key === 'state'
          ? rule.state
          : key === 'category'
            ? rule.category
            : rule.name;
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
