import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { CarrierFilter, FilterActions, PeriodFilter, TextFilter } from '../../components/Filters.js';
import { FilterBar, Pagination } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { ReservationListItem } from '../../reservation-types.js';
import type { Page } from '../../types.js';
import { mayReadPnr } from './access.js';
import { ReservationTable } from './ReservationTable.js';

const PAGE_SIZE = 50;

export function ReservationsPage() {
  const user = useUser();
  const mayRead = mayReadPnr(user);
  const [query, setQuery] = useQueryState({
    flight: '',
    locator: '',
    name: '',
    carrier: '',
    from: '',
    to: '',
    page: '1',
  });
  const page = Math.max(1, Number(query.page) || 1);
  const reservations = useApi<Page<ReservationListItem>>('/reservations', {
    flight: query.flight,
    locator: mayRead ? query.locator : '',
    // A booked name is PNR data: the filter is for PNR-cleared roles.
    name: mayRead ? query.name : '',
    carrier: query.carrier,
    from: query.from,
    to: query.to,
    page,
    pageSize: PAGE_SIZE,
  });
  // Text fields apply on Enter or "Apply", not on every keystroke.
  const [locator, setLocator] = useState(query.locator);
  const [carrier, setCarrier] = useState(query.carrier);
  const [name, setName] = useState(query.name);
  useEffect(() => setName(query.name), [query.name]);
  useEffect(() => setLocator(query.locator), [query.locator]);
  useEffect(() => setCarrier(query.carrier), [query.carrier]);
  const filtered = Boolean(
    query.flight || query.locator || query.name || query.carrier || query.from || query.to,
  );

  const applyText = () =>
    setQuery({
      locator: locator.trim().toUpperCase(),
      name: name.trim(),
      carrier: carrier.trim().toUpperCase(),
    });
  const clear = () => {
    setLocator('');
    setName('');
    setCarrier('');
    setQuery({ flight: '', locator: '', name: '', carrier: '', from: '', to: '' });
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.reservations')}</h1>
        <p className="page-lead">{t('reservations.lead')}</p>
      </header>
      {!mayRead && (
        <div className="banner banner-info" role="note" data-testid="reservations-restricted-note">
          <div className="banner-text">{t('reservations.restrictedNote')}</div>
        </div>
      )}
      <section className="panel">
        <FilterBar label={t('reservations.filters')} onSubmit={applyText}>
          {mayRead && (
            <TextFilter
              id="reservations-locator"
              label={t('reservations.filter.locator')}
              className="input-medium"
              value={locator}
              placeholder="06A9FD"
              maxLength={12}
              title={t('reservations.filter.locatorHint')}
              onChange={setLocator}
            />
          )}
          {mayRead && (
            <TextFilter
              id="reservations-name"
              label={t('reservations.filter.name')}
              type="search"
              value={name}
              placeholder={t('reservations.filter.namePlaceholder')}
              maxLength={200}
              onChange={setName}
            />
          )}
          <CarrierFilter
            id="reservations-carrier"
            label={t('reservations.filter.carrier')}
            value={carrier}
            onChange={setCarrier}
          />
          <PeriodFilter
            idPrefix="reservations"
            fromLabel={t('reservations.filter.from')}
            toLabel={t('reservations.filter.to')}
            from={query.from}
            to={query.to}
            onChange={setQuery}
          />
          <FilterActions filtered={filtered} submitLabel={t('actions.apply')} onClear={clear} />
        </FilterBar>
        {query.flight && (
          <p className="filter-note" data-testid="reservations-flight-filter">
            {t('reservations.filter.onFlight')}{' '}
            <Link to={`/flights/${encodeURIComponent(query.flight)}`}>
              {t('reservations.filter.openFlight')}
            </Link>
            {' · '}
            <button type="button" className="link-button" onClick={() => setQuery({ flight: '' })}>
              {t('reservations.filter.allFlights')}
            </button>
          </p>
        )}

        <ErrorBanner error={reservations.error} onRetry={reservations.reload} />
        {reservations.loading && !reservations.data && <Loading />}
        {reservations.data && reservations.data.items.length === 0 && (
          <EmptyState
            title={filtered ? t('reservations.empty.filteredTitle') : t('reservations.empty.title')}
            icon={filtered ? 'search' : 'inbox'}
          >
            <p>{filtered ? t('reservations.empty.filteredBody') : t('reservations.empty.body')}</p>
          </EmptyState>
        )}
        {reservations.data && reservations.data.items.length > 0 && (
          <>
            <ReservationTable
              items={reservations.data.items}
              busy={reservations.loading}
              label={t('nav.reservations')}
            />
            <Pagination
              page={reservations.data.page}
              pageSize={reservations.data.pageSize}
              total={reservations.data.total}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          </>
        )}
      </section>
    </div>
  );
}
