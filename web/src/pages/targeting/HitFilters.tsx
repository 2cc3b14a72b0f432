import { useEffect, useState } from 'react';
import {
  CheckboxFilter,
  FilterActions,
  optionsOf,
  SelectFilter,
  TextFilter,
} from '../../components/Filters.js';
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
  referred: '',
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
      <SelectFilter
        id="hits-status"
        label={t('hits.filter.status')}
        value={query.status}
        first={[
          { value: 'open', label: t('hits.filter.open') },
          { value: 'all', label: t('common.all') },
        ]}
        options={optionsOf(HIT_STATUSES, statusLabel)}
        onChange={(status) => setQuery({ status })}
      />
      <SelectFilter
        id="hits-source"
        label={t('hits.filter.source')}
        value={query.source}
        options={optionsOf(['rule', 'watchlist'], (source) => t(`hits.source.${source}`))}
        onChange={(source) => setQuery({ source })}
      />
      <SelectFilter
        id="hits-severity"
        label={t('hits.filter.severity')}
        value={query.severity}
        options={optionsOf(SEVERITIES, severityLabel)}
        onChange={(severity) => setQuery({ severity })}
      />
      <TextFilter
        id="hits-category"
        label={t('hits.filter.category')}
        className="input-medium"
        value={category}
        maxLength={100}
        placeholder={t('hits.filter.categoryPlaceholder')}
        onChange={setCategory}
      />
      <TextFilter
        id="hits-airport"
        label={t('hits.filter.airport')}
        className="input-short"
        value={airport}
        maxLength={4}
        placeholder="BEG"
        onChange={setAirport}
      />
      <CheckboxFilter
        label={t('hits.filter.mine')}
        value={query.mine}
        onChange={(mine) => setQuery({ mine })}
      />
      <CheckboxFilter
        label={t('hits.filter.assignedToMe')}
        value={query.assigned}
        onChange={(assigned) => setQuery({ assigned })}
      />
      <CheckboxFilter
        label={t('hits.filter.referredToMe')}
        value={query.referred}
        onChange={(referred) => setQuery({ referred })}
      />
      <FilterActions
        filtered={filtered}
        submitLabel={t('actions.apply')}
        onClear={() => {
          const { page: _page, ...rest } = HIT_FILTER_DEFAULTS;
          void _page;
          setQuery(rest);
        }}
      />
    </FilterBar>
  );
}
