import { Link, useParams } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { Fact, Facts } from '../../components/Facts.js';
import { CountryCode } from '../../components/Jurisdiction.js';
import { TableFrame } from '../../components/Table.js';
import { describeValue, formatDate, formatInstant, fullName } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { TravellerDetail, TravellerDocument, TravellerPage as TravellerPageData } from '../../types.js';
import { FlightTable } from '../flights/FlightTable.js';
import { roleLabel } from '../flights/Manifest.js';
import { IssueList } from '../messages/IssueList.js';
import { ReservationTable } from '../reservations/ReservationTable.js';
import { RecordHitsPanel } from '../targeting/RecordHits.js';

export function TravellerPage() {
  const { id = '' } = useParams();
  const detail = useApi<TravellerPageData>(`/travellers/${encodeURIComponent(id)}`);

  if (detail.error) {
    return (
      <div className="page">
        <ErrorBanner error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  const { traveller, flights, messages } = detail.data;
  const reservations = detail.data.reservations ?? [];
  const firstFlight = flights[0];

  return (
    <div className="page">
      {firstFlight && (
        <Link className="back-link" to={`/flights/${firstFlight.id}`}>
          ← {t('travellers.backToFlight', { flight: `${firstFlight.carrier} ${firstFlight.flightNumber}` })}
        </Link>
      )}
      <header className="page-header page-header-row">
        <div>
          <h1 data-testid="traveller-name">{fullName(traveller)}</h1>
          <p className="page-lead">
            {roleLabel(traveller.role)} · {formatDate(traveller.dateOfBirth)} ·{' '}
            <CountryCode code={traveller.nationality} />
          </p>
        </div>
        {traveller.warningCount > 0 && (
          <span className="badge badge-warning">
            {t('travellers.warnings', { count: traveller.warningCount })}
          </span>
        )}
      </header>

      <RecordHitsPanel hits={detail.data.hits} />

      <div className="columns">
        <section className="panel" aria-labelledby="personal-heading">
          <h2 id="personal-heading" className="panel-title">
            {t('travellers.personal')}
          </h2>
          <Facts>
            <Fact label={t('travellers.surname')}>{traveller.surname}</Fact>
            <Fact label={t('travellers.givenNames')}>{traveller.givenNames}</Fact>
            <Fact label={t('manifest.column.sex')}>{traveller.sex}</Fact>
            <Fact label={t('manifest.column.dateOfBirth')}>{traveller.dateOfBirth}</Fact>
            <Fact label={t('travellers.placeOfBirth')}>{traveller.placeOfBirth}</Fact>
            <Fact label={t('manifest.column.nationality')}>
              <CountryCode code={traveller.nationality} />
            </Fact>
            <Fact label={t('travellers.residence')}>
              {traveller.countryOfResidence && <CountryCode code={traveller.countryOfResidence} />}
            </Fact>
            <Fact label={t('travellers.address')} wide>
              {describeValue(traveller.address ? Object.values(traveller.address) : null)}
            </Fact>
          </Facts>
        </section>

        <section className="panel" aria-labelledby="journey-heading">
          <h2 id="journey-heading" className="panel-title">
            {t('travellers.journey')}
          </h2>
          <Facts>
            <Fact label={t('travellers.embarkation')}>{traveller.embarkation}</Fact>
            <Fact label={t('travellers.debarkation')}>{traveller.debarkation}</Fact>
            <Fact label={t('manifest.column.seat')}>{traveller.seat}</Fact>
            <Fact label={t('travellers.reservation')}>{traveller.reservationReference}</Fact>
            <Fact label={t('travellers.bags')}>{describeBags(traveller.bags)}</Fact>
            <Fact label={t('travellers.references')} wide>
              {describeValue(traveller.references)}
            </Fact>
          </Facts>
        </section>
      </div>

      <section className="panel" aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="panel-title">
          {t('travellers.documents')}
        </h2>
        <DocumentsTable documents={traveller.documents} />
      </section>

      <section className="panel" aria-labelledby="flights-heading">
        <h2 id="flights-heading" className="panel-title">
          {t('nav.flights')}
        </h2>
        {flights.length === 0 ? (
          <p className="muted">{t('travellers.noFlights')}</p>
        ) : (
          <FlightTable flights={flights} label={t('nav.flights')} />
        )}
      </section>

      <section className="panel" aria-labelledby="reservations-heading" data-testid="traveller-reservations">
        <h2 id="reservations-heading" className="panel-title">
          {t('travellers.reservations', { count: reservations.length })}
        </h2>
        {reservations.length === 0 ? (
          <p className="muted">{t('travellers.noReservations')}</p>
        ) : (
          <ReservationTable items={reservations} label={t('nav.reservations')} />
        )}
      </section>

      <div className="columns">
        <section className="panel" aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="panel-title">
            {t('travellers.sources')}
          </h2>
          {messages.length === 0 ? (
            <p className="muted">{t('travellers.noSources')}</p>
          ) : (
            <ul className="plain-list" data-testid="traveller-sources">
              {messages.map((message) => (
                <li key={message.id}>
                  <Link to={`/messages/${message.id}`}>{message.filename || t('messages.untitled')}</Link>{' '}
                  <span className="muted">{formatInstant(message.receivedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className="panel-title">
            {t('travellers.warningsTitle')}
          </h2>
          <IssueList errors={[]} warnings={traveller.warnings} />
        </section>
      </div>
    </div>
  );
}

function describeBags(bags: TravellerDetail['bags']): string {
  if (!bags) return '';
  const parts: string[] = [];
  if (bags.count !== null) parts.push(t('travellers.bagCount', { count: bags.count }));
  if (bags.weightKg) parts.push(t('travellers.bagWeight', { kg: bags.weightKg }));
  if (bags.tags.length > 0) parts.push(t('travellers.bagTags', { tags: bags.tags.join(', ') }));
  return parts.join(' · ');
}

function DocumentsTable({ documents }: { documents: TravellerDocument[] }) {
  if (documents.length === 0) {
    return (
      <EmptyState title={t('travellers.noDocuments')} icon="search">
        <p>{t('travellers.noDocumentsBody')}</p>
      </EmptyState>
    );
  }
  return (
    <TableFrame label={t('travellers.documents')}>
      <thead>
        <tr>
          <th scope="col">{t('travellers.document.type')}</th>
          <th scope="col">{t('travellers.document.number')}</th>
          <th scope="col">{t('travellers.document.issuingState')}</th>
          <th scope="col">{t('travellers.document.issued')}</th>
          <th scope="col">{t('travellers.document.expires')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document, index) => (
          <tr key={`${document.number}-${index}`} data-testid="document-row">
            <td>{document.type ?? '—'}</td>
            <td className="nowrap">{document.number ?? '—'}</td>
            <td>
              <CountryCode code={document.issuingState} />
            </td>
            <td className="nowrap">{formatDate(document.issueDate)}</td>
            <td className="nowrap">{formatDate(document.expiryDate)}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
