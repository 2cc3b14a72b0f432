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
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import { WATCHLIST_KINDS, WATCHLIST_SOURCES, type Watchlist } from '../../watchlist-types.js';
import { mayManageWatchlists } from './access.js';
import { ImportPanel } from './ImportPanel.js';
import { kindLabel, sourceLabel } from './labels.js';
import { NewListForm } from './NewListForm.js';
import { WatchlistRow } from './WatchlistRow.js';

type Panel = 'new' | 'un' | null;

export function WatchlistsPage() {
  const user = useUser();
  const canManage = mayManageWatchlists(user);
  const [query, setQuery] = useQueryState({ q: '', kind: '', source: '', inactive: '', sort: 'name' });
  const [q, setQ] = useState(query.q);
  useEffect(() => setQ(query.q), [query.q]);
  const [panel, setPanel] = useState<Panel>(null);
  const lists = useApi<{ items: Watchlist[] }>('/watchlists', {
    q: query.q,
    kind: query.kind,
    source: query.source,
    // The server reads any value as "yes": the parameter is sent only to include them.
    includeInactive: query.inactive === 'yes' ? 'true' : undefined,
  });
  const filtered = query.q !== '' || query.kind !== '' || query.source !== '' || query.inactive !== '';
  const sorted = useMemo(() => sortLists(lists.data?.items ?? [], query.sort), [lists.data, query.sort]);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('nav.watchlists')}</h1>
          <p className="page-lead">{t('watchlists.lead')}</p>
        </div>
        <div className="header-actions">
          <Link to="/screen" className="button">
            {t('watchlists.screenLink')}
          </Link>
          {canManage && (
            <>
              <Link to="/watchlists/rejected-imports" className="button" data-testid="rejected-imports-link">
                {t('watchlists.rejectedImports')}
              </Link>
              <button
                type="button"
                className="button"
                aria-expanded={panel === 'un'}
                onClick={() => toggle('un')}
                data-testid="import-un-button"
              >
                {t('watchlists.importUn')}
              </button>
              <button
                type="button"
                className="button button-primary"
                aria-expanded={panel === 'new'}
                onClick={() => toggle('new')}
                data-testid="new-list-button"
              >
                {t('watchlists.newList')}
              </button>
            </>
          )}
        </div>
      </header>

      {panel === 'new' && <NewListForm onCancel={() => setPanel(null)} />}
      {panel === 'un' && <ImportPanel target={{ format: 'un' }} onApplied={lists.reload} />}

      <section className="panel" aria-labelledby="watchlists-heading">
        <h2 id="watchlists-heading" className="visually-hidden">
          {t('watchlists.table')}
        </h2>
        <FilterBar label={t('watchlists.filters')} onSubmit={() => setQuery({ q: q.trim() })}>
          <SearchFilter
            id="watchlists-q"
            label={t('watchlists.filter.q')}
            placeholder={t('watchlists.filter.qPlaceholder')}
            value={q}
            onChange={setQ}
          />
          <SelectFilter
            id="watchlists-kind"
            label={t('watchlists.filter.kind')}
            value={query.kind}
            options={optionsOf(WATCHLIST_KINDS, kindLabel)}
            onChange={(kind) => setQuery({ kind })}
          />
          <SelectFilter
            id="watchlists-source"
            label={t('watchlists.filter.source')}
            value={query.source}
            options={optionsOf(WATCHLIST_SOURCES, sourceLabel)}
            onChange={(source) => setQuery({ source })}
          />
          <CheckboxFilter
            label={t('watchlists.filter.includeInactive')}
            value={query.inactive}
            onChange={(inactive) => setQuery({ inactive })}
          />
          <FilterActions
            filtered={filtered}
            onClear={() => {
              setQ('');
              setQuery({ q: '', kind: '', source: '', inactive: '' });
            }}
          />
        </FilterBar>

        <ErrorBanner error={lists.error} onRetry={lists.reload} />
        {lists.loading && !lists.data && <Loading />}
        {lists.data && sorted.length === 0 && (
          <EmptyState
            title={filtered ? t('watchlists.empty.filteredTitle') : t('watchlists.empty.title')}
            icon={filtered ? 'search' : 'inbox'}
          >
            <p>
              {filtered
                ? t('watchlists.empty.filteredBody')
                : canManage
                  ? t('watchlists.empty.body')
                  : t('watchlists.empty.bodyReadOnly')}
            </p>
          </EmptyState>
        )}
        {sorted.length > 0 && (
          <TableFrame label={t('watchlists.table')} busy={lists.loading}>
            <thead>
              <tr>
                <SortHeader
                  label={t('watchlists.column.name')}
                  sortKey="name"
                  sort={query.sort}
                  onSort={(sort) => setQuery({ sort })}
                />
                <th scope="col">{t('watchlists.column.kind')}</th>
                <th scope="col">{t('watchlists.column.source')}</th>
                <th scope="col">{t('watchlists.column.owner')}</th>
                <th scope="col">{t('watchlists.column.sharing')}</th>
                <SortHeader
                  label={t('watchlists.column.activeEntries')}
                  sortKey="entries"
                  sort={query.sort}
                  onSort={(sort) => setQuery({ sort })}
                  firstDescending
                  className="numeric"
                />
                <SortHeader
                  label={t('watchlists.column.lastImport')}
                  sortKey="lastImport"
                  sort={query.sort}
                  onSort={(sort) => setQuery({ sort })}
                  firstDescending
                />
                <th scope="col">{t('watchlists.column.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((list) => (
                <WatchlistRow key={list.id} list={list} />
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
    </div>
  );
}

/** The server lists by name; the few lists of an installation are ordered here. */
function sortLists(items: Watchlist[], sort: string): Watchlist[] {
  const { key, descending } = parseSort(sort);
  const value = (list: Watchlist): string | number =>
    key === 'entries' ? list.activeEntries : key === 'lastImport' ? (list.lastImportAt ?? '') : list.name;
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
