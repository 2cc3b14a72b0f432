import { useEffect, useState } from 'react';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import {
  FilterActions,
  optionsOf,
  SelectFilter,
  TextFilter,
  SearchFilter,
} from '../../components/Filters.js';
import { FilterBar, Pagination, SortHeader, TableFrame } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { Page } from '../../types.js';
import { SEVERITIES, type EntryListItem, type Watchlist } from '../../watchlist-types.js';
import { EntryForm } from './EntryForm.js';
import { EntryRow } from './EntryRow.js';
import { severityLabel } from './labels.js';

const PAGE_SIZE = 50;
const STATUSES = ['active', 'inactive', 'all'] as const;

/** The entries of a list: search, status, severity and category filters, sorting and pages. */
export function EntriesPanel({
  list,
  canManage,
  refresh,
  onChanged,
}: {
  list: Watchlist;
  canManage: boolean;
  /** Changes when an import or a new entry changed the list. */
  refresh: number;
  onChanged: () => void;
}) {
  const [query, setQuery] = useQueryState({
    q: '',
    status: 'active',
    severity: '',
    category: '',
    sort: 'name',
    page: '1',
  });
  const [q, setQ] = useState(query.q);
  const [category, setCategory] = useState(query.category);
  useEffect(() => setQ(query.q), [query.q]);
  useEffect(() => setCategory(query.category), [query.category]);
  const [adding, setAdding] = useState(false);
  const page = Math.max(1, Number(query.page) || 1);
  const entries = useApi<Page<EntryListItem>>(`/watchlists/${list.id}/entries`, {
    q: query.q,
    status: query.status,
    severity: query.severity,
    category: query.category,
    sort: query.sort,
    page,
    pageSize: PAGE_SIZE,
  });
  const { reload } = entries;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  const filtered =
    query.q !== '' || query.status !== 'active' || query.severity !== '' || query.category !== '';
  const sortHeader = (label: string, sortKey: string, firstDescending = false) => (
    <SortHeader
      label={label}
      sortKey={sortKey}
      sort={query.sort}
      onSort={(sort) => setQuery({ sort })}
      firstDescending={firstDescending}
    />
  );

  return (
    <section className="panel" aria-labelledby="entries-heading" data-testid="entries-panel">
      <div className="panel-title-row">
        <h2 id="entries-heading" className="panel-title">
          {t('entries.title', { count: entries.data?.total ?? 0 })}
        </h2>
        {canManage && !adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            data-testid="add-entry-button"
          >
            {t('entries.add')}
          </button>
        )}
      </div>
      {adding && (
        <EntryForm
          kind={list.kind}
          listId={list.id}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onChanged();
          }}
        />
      )}

      <FilterBar
        label={t('entries.filters')}
        onSubmit={() => setQuery({ q: q.trim(), category: category.trim() })}
      >
        <SearchFilter
          id="entries-q"
          label={t('entries.filter.q')}
          placeholder={t('entries.filter.qPlaceholder')}
          value={q}
          onChange={setQ}
        />
        <SelectFilter
          id="entries-status"
          label={t('entries.filter.status')}
          value={query.status}
          first={[]}
          options={optionsOf(STATUSES, (status) => t(`entries.status.${status}`))}
          onChange={(status) => setQuery({ status })}
        />
        <SelectFilter
          id="entries-severity"
          label={t('entries.filter.severity')}
          value={query.severity}
          options={optionsOf(SEVERITIES, severityLabel)}
          onChange={(severity) => setQuery({ severity })}
        />
        <TextFilter
          id="entries-category"
          label={t('entries.filter.category')}
          className="input-medium"
          value={category}
          maxLength={100}
          onChange={setCategory}
        />
        <FilterActions
          filtered={filtered}
          onClear={() => {
            setQ('');
            setCategory('');
            setQuery({ q: '', status: 'active', severity: '', category: '' });
          }}
        />
      </FilterBar>

      <ErrorBanner error={entries.error} onRetry={entries.reload} />
      {entries.loading && !entries.data && <Loading />}
      {entries.data && entries.data.items.length === 0 && (
        <EmptyState
          title={filtered ? t('entries.empty.filteredTitle') : t('entries.empty.title')}
          icon={filtered ? 'search' : 'inbox'}
          testId="entries-empty"
        >
          <p>{filtered ? t('entries.empty.filteredBody') : t('entries.empty.body')}</p>
        </EmptyState>
      )}
      {entries.data && entries.data.items.length > 0 && (
        <>
          <TableFrame label={t('entries.title', { count: entries.data.total })} busy={entries.loading}>
            <thead>
              <tr>
                {sortHeader(t('entries.column.name'), 'name')}
                <th scope="col">{t('entries.column.id')}</th>
                {list.kind === 'person' && <th scope="col">{t('entries.column.dob')}</th>}
                {list.kind !== 'organisation' && <th scope="col">{t('entries.column.nationalities')}</th>}
                <th scope="col">{t('entries.column.documents')}</th>
                <th scope="col">{t('entries.column.category')}</th>
                {sortHeader(t('entries.column.severity'), 'severity', true)}
                <th scope="col">{t('entries.column.valid')}</th>
                {sortHeader(t('entries.column.updated'), 'updated', true)}
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((entry) => (
                <EntryRow key={entry.id} entry={entry} kind={list.kind} />
              ))}
            </tbody>
          </TableFrame>
          <Pagination
            page={entries.data.page}
            pageSize={entries.data.pageSize}
            total={entries.data.total}
            onPage={(next) => setQuery({ page: String(next) })}
          />
        </>
      )}
    </section>
  );
}
