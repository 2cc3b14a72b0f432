import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { CountryCode } from '../../components/Jurisdiction.js';
import { TextFilter } from '../../components/Filters.js';
import { FilterBar, Pagination, TableFrame } from '../../components/Table.js';
import { flightDesignator, formatDate, formatLocalDateTime, fullName } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { BookedTraveller, Page, TravellerSearchItem } from '../../types.js';
import { Route } from '../flights/FlightTable.js';
import { roleLabel } from '../flights/Manifest.js';
import { useUser } from '../../auth.js';
import { mayReadPnr } from '../reservations/access.js';
import { HitCountBadge } from '../targeting/RecordHits.js';
import { BookedTravellerResults } from './BookedTravellerResults.js';

const PAGE_SIZE = 50;

export function TravellerSearchPage() {
  const user = useUser();
  // Phones and e-mails are known from reservations only (PNR data): PNR-cleared roles search them.
  const pnr = mayReadPnr(user);
  const [query, setQuery] = useQueryState({
    name: '',
    dob: '',
    document: '',
    phone: '',
    email: '',
    page: '1',
  });
  const [phone, setPhone] = useState(query.phone);
  const [email, setEmail] = useState(query.email);
  useEffect(() => setPhone(query.phone), [query.phone]);
  useEffect(() => setEmail(query.email), [query.email]);
  const [name, setName] = useState(query.name);
  const [dob, setDob] = useState(query.dob);
  const [documentNumber, setDocumentNumber] = useState(query.document);
  useEffect(() => setName(query.name), [query.name]);
  useEffect(() => setDob(query.dob), [query.dob]);
  useEffect(() => setDocumentNumber(query.document), [query.document]);

  // The server needs two letters of a name, a date of birth or a document number.
  const canSearch =
    name.trim().length >= 2 ||
    dob !== '' ||
    documentNumber.trim() !== '' ||
    (pnr && (phone.trim() !== '' || email.trim() !== ''));
  const searching = Boolean(query.name || query.dob || query.document || query.phone || query.email);
  const page = Math.max(1, Number(query.page) || 1);
  const results = useApi<Page<TravellerSearchItem> & { booked?: BookedTraveller[] }>(
    searching ? '/travellers' : null,
    {
      name: query.name,
      dob: query.dob,
      document: query.document,
      phone: pnr ? query.phone : '',
      email: pnr ? query.email : '',
      page,
      pageSize: PAGE_SIZE,
    },
  );
  const booked = results.data?.booked ?? [];

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.travellers')}</h1>
        <p className="page-lead">{t('travellers.search.lead')}</p>
      </header>
      <section className="panel">
        <FilterBar
          label={t('travellers.search.label')}
          onSubmit={() =>
            canSearch &&
            setQuery({
              name: name.trim(),
              dob,
              document: documentNumber.trim(),
              phone: pnr ? phone.trim() : '',
              email: pnr ? email.trim() : '',
            })
          }
        >
          <TextFilter
            id="traveller-name"
            label={t('travellers.search.name')}
            type="search"
            grow
            value={name}
            placeholder={t('travellers.search.namePlaceholder')}
            onChange={setName}
          />
          <TextFilter
            id="traveller-dob"
            label={t('travellers.search.dob')}
            type="date"
            value={dob}
            onChange={setDob}
          />
          <TextFilter
            id="traveller-document"
            label={t('travellers.search.document')}
            value={documentNumber}
            maxLength={40}
            onChange={setDocumentNumber}
          />
          {pnr && (
            <>
              <TextFilter
                id="traveller-phone"
                label={t('travellers.search.phone')}
                value={phone}
                maxLength={40}
                onChange={setPhone}
              />
              <TextFilter
                id="traveller-email"
                label={t('travellers.search.email')}
                value={email}
                maxLength={200}
                onChange={setEmail}
              />
            </>
          )}
          <button type="submit" className="button button-primary" disabled={!canSearch}>
            {t('actions.search')}
          </button>
          {searching && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setName('');
                setDob('');
                setDocumentNumber('');
                setPhone('');
                setEmail('');
                setQuery({ name: '', dob: '', document: '', phone: '', email: '' });
              }}
            >
              {t('actions.clear')}
            </button>
          )}
        </FilterBar>

        {!searching && (
          <EmptyState title={t('travellers.search.startTitle')} icon="search">
            <p>{t('travellers.search.startBody')}</p>
          </EmptyState>
        )}
        <ErrorBanner error={results.error} onRetry={results.reload} />
        {searching && results.loading && !results.data && <Loading />}
        {searching && results.data && results.data.items.length === 0 && booked.length === 0 && (
          <EmptyState title={t('travellers.search.noneTitle')} icon="search">
            <p>{t('travellers.search.noneBody')}</p>
          </EmptyState>
        )}
        {searching && results.data && results.data.items.length > 0 && (
          <>
            <TableFrame label={t('travellers.search.results')} busy={results.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('manifest.column.name')}</th>
                  <th scope="col">{t('manifest.column.dateOfBirth')}</th>
                  <th scope="col">{t('manifest.column.nationality')}</th>
                  <th scope="col">{t('manifest.column.document')}</th>
                  <th scope="col">{t('manifest.column.role')}</th>
                  <th scope="col">{t('flights.column.flight')}</th>
                  <th scope="col">{t('flights.column.route')}</th>
                  <th scope="col">{t('flights.column.departure')}</th>
                </tr>
              </thead>
              <tbody>
                {results.data.items.map((item) => (
                  <tr key={item.id} data-testid="traveller-result">
                    <td>
                      <Link to={`/travellers/${item.id}`}>{fullName(item)}</Link>{' '}
                      <HitCountBadge counts={item} />
                    </td>
                    <td className="nowrap">{formatDate(item.dateOfBirth)}</td>
                    <td>
                      <CountryCode code={item.nationality} />
                    </td>
                    <td className="nowrap">{item.documentNumber ?? '—'}</td>
                    <td>{roleLabel(item.role)}</td>
                    <td className="nowrap">
                      <Link to={`/flights/${item.flight.id}`}>{flightDesignator(item.flight)}</Link>
                    </td>
                    <td className="nowrap">
                      <Route flight={item.flight} />
                    </td>
                    <td className="nowrap">{formatLocalDateTime(item.flight.scheduledDepartureLocal)}</td>
                  </tr>
                ))}
              </tbody>
            </TableFrame>
            <Pagination
              page={results.data.page}
              pageSize={results.data.pageSize}
              total={results.data.total}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          </>
        )}
        {searching && booked.length > 0 && <BookedTravellerResults booked={booked} />}
      </section>
    </div>
  );
}
