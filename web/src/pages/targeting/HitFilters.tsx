import { useEffect, useState } from 'react';
import { FilterBar } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import { HIT_STATUSES, SEVERITIES } from '../../targeting-types.js';
import { severityLabel } from '../watchlists/labels.js';
import { statusLabel } from './labels.js';

export const HIT_FILTER_DEFAULTS = {
  status: 'open',
  source: '',
  category: '',
  severity: '',
  flight: '',
  airport: '',
  rule: '',
  mine: '',
  assigned: '',
  page: '1',
};
export type HitFilterValues = typeof HIT_FILTER_DEFAULTS;

/** The queue's filters; text filters apply on submit, the others at once. */
export function HitFilters({
  query,
  setQuery,
}: {
  query: HitFilterValues;
  setQuery: (changes: Partial<HitFilterValues>) => void;
}) {
  const [category, setCategory] = useState(query.category);
  const [airport, setAirport] = useState(query.airport);
  useEffect(() => setCategory(query.category), [query.category]);
  useEffect(() => setAirport(query.airport), [query.airport]);
  const filtered = Object.entries(query).some(
    ([key, value]) => key !== 'page' && value !== HIT_FILTER_DEFAULTS[key as keyof HitFilterValues],
  );
  return (
    <FilterBar
      label={t('hits.filters')}
      onSubmit={() => setQuery({ category: category.trim(), airport: airport.trim().toUpperCase() })}
    >
      <div className="field field-inline">
        <label htmlFor="hits-status">{t('hits.filter.status')}</label>
        <select id="hits-status" value={query.status} onChange={(e) => setQuery({ status: e.target.value })}>
          <option value="open">{t('hits.filter.open')}</option>
          <option value="all">{t('common.all')}</option>
          {HIT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="hits-source">{t('hits.filter.source')}</label>
        <select id="hits-source" value={query.source} onChange={(e) => setQuery({ source: e.target.value })}>
          <option value="">{t('common.all')}</option>
          <option value="rule">{t('hits.source.rule')}</option>
          <option value="watchlist">{t('hits.source.watchlist')}</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="hits-severity">{t('hits.filter.severity')}</label>
        <select
          id="hits-severity"
          value={query.severity}
          onChange={(e) => setQuery({ severity: e.target.value })}
        >
          <option value="">{t('common.all')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severityLabel(severity)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="hits-category">{t('hits.filter.category')}</label>
        <input
          id="hits-category"
          className="input-medium"
          value={category}
          maxLength={100}
          placeholder={t('hits.filter.categoryPlaceholder')}
          onChange={(e) => setCategory(e.target.value)}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor="hits-airport">{t('hits.filter.airport')}</label>
        <input
          id="hits-airport"
          className="input-short"
          value={airport}
          maxLength={4}
          placeholder="BEG"
          onChange={(e) => setAirport(e.target.value)}
        />
      </div>
      <label className="checkbox filter-checkbox">
        <input
          type="checkbox"
          checked={query.mine === 'yes'}
          onChange={(e) => setQuery({ mine: e.target.checked ? 'yes' : '' })}
        />
        {t('hits.filter.mine')}
      </label>
      <label className="checkbox filter-checkbox">
        <input
          type="checkbox"
          checked={query.assigned === 'yes'}
          onChange={(e) => setQuery({ assigned: e.target.checked ? 'yes' : '' })}
        />
        {t('hits.filter.assignedToMe')}
      </label>
      <button type="submit" className="button">
        {t('actions.apply')}
      </button>
      {filtered && (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            const { page: _page, ...rest } = HIT_FILTER_DEFAULTS;
            void _page;
            setQuery(rest);
          }}
        >
          {t('actions.clearFilters')}
        </button>
      )}
    </FilterBar>
  );
}
