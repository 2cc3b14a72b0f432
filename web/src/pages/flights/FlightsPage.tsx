import { useEffect, useState } from 'react';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import {
  CarrierFilter,
  FilterActions,
  optionsOf,
  PeriodFilter,
  SelectFilter,
  TextFilter,
} from '../../components/Filters.js';
import { FilterBar, Pagination } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { FlightSummary, Page } from '../../types.js';
import { FlightTable } from './FlightTable.js';

const PAGE_SIZE = 50;
const DIRECTIONS = ['inbound', 'outbound', 'other'] as const;

export function FlightsPage() {
  const [query, setQuery] = useQueryState({
    from: '',
    to: '',
    airport: '',
    carrier: '',
    direction: '',
    sort: '-departure',
    page: '1',
  });
  const page = Math.max(1, Number(query.page) || 1);
  const flights = useApi<Page<FlightSummary>>('/flights', {
    from: query.from,
    to: query.to,
    airport: query.airport,
    carrier: query.carrier,
    direction: query.direction,
    sort: query.sort,
    page,
    pageSize: PAGE_SIZE,
  });
  // Text fields apply on Enter or "Apply", not on every keystroke.
  const [airport, setAirport] = useState(query.airport);
  const [carrier, setCarrier] = useState(query.carrier);
  useEffect(() => setAirport(query.airport), [query.airport]);
  useEffect(() => setCarrier(query.carrier), [query.carrier]);
  const filtered = Boolean(query.from || query.to || query.airport || query.carrier || query.direction);

  const applyText = () => {
    setQuery({ airport: airport.trim().toUpperCase(), carrier: carrier.trim().toUpperCase() });
  };
  const clear = () => {
    setAirport('');
    setCarrier('');
    setQuery({ from: '', to: '', airport: '', carrier: '', direction: '' });
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.flights')}</h1>
        <p className="page-lead">{t('flights.lead')}</p>
      </header>
      <section className="panel">
        <FilterBar label={t('flights.filters')} onSubmit={applyText}>
          <PeriodFilter
            idPrefix="flights"
            fromLabel={t('flights.filter.from')}
            toLabel={t('flights.filter.to')}
            from={query.from}
            to={query.to}
            onChange={setQuery}
          />
          <TextFilter
            id="flights-airport"
            label={t('flights.filter.airport')}
            className="input-short"
            value={airport}
            placeholder="SJJ"
            maxLength={3}
            pattern="[A-Za-z]{3}"
            title={t('flights.filter.airportHint')}
            onChange={setAirport}
          />
          <CarrierFilter
            id="flights-carrier"
            label={t('flights.filter.carrier')}
            value={carrier}
            onChange={setCarrier}
          />
          <SelectFilter
            id="flights-direction"
            label={t('flights.filter.direction')}
            value={query.direction}
            options={optionsOf(DIRECTIONS, (direction) => t(`status.${direction}`))}
            onChange={(direction) => setQuery({ direction })}
          />
          <FilterActions filtered={filtered} submitLabel={t('actions.apply')} onClear={clear} />
        </FilterBar>

        <ErrorBanner error={flights.error} onRetry={flights.reload} />
        {flights.loading && !flights.data && <Loading />}
        {flights.data && flights.data.items.length === 0 && (
          <EmptyState
            title={filtered ? t('flights.empty.filteredTitle') : t('flights.empty.title')}
            icon={filtered ? 'search' : 'inbox'}
          >
            <p>{filtered ? t('flights.empty.filteredBody') : t('flights.empty.body')}</p>
          </EmptyState>
        )}
        {flights.data && flights.data.items.length > 0 && (
          <>
            <FlightTable
              flights={flights.data.items}
              sort={query.sort}
              onSort={(sort) => setQuery({ sort })}
              busy={flights.loading}
              label={t('nav.flights')}
            />
            <Pagination
              page={flights.data.page}
              pageSize={flights.data.pageSize}
              total={flights.data.total}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          </>
        )}
      </section>
    </div>
  );
}
