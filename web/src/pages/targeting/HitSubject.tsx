import { Link } from 'react-router-dom';
import { Fact, Facts } from '../../components/Facts.js';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { formatDate, fullName } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { HitDetail } from '../../targeting-types.js';
import type { TravellerPage } from '../../types.js';
import { PnrText } from '../../components/PnrWithheld.js';
import { BookedTravellers } from './BookedTravellers.js';

/** Who the hit is about: the traveller as the API data gives them, or the reservation. */
export function HitSubject({ hit }: { hit: HitDetail }) {
  const traveller = useApi<TravellerPage>(hit.travellerId ? `/travellers/${hit.travellerId}` : null);
  return (
    <section className="panel" aria-labelledby="hit-subject-heading" data-testid="hit-subject">
      <h2 id="hit-subject-heading" className="panel-title">
        {hit.subjectKind === 'traveller' ? t('hit.subject.traveller') : t('hit.subject.reservation')}
      </h2>
      {hit.travellerId && (
        <>
          <ErrorBanner error={traveller.error} onRetry={traveller.reload} />
          {traveller.loading && !traveller.data && <Loading />}
          {traveller.data && (
            <Facts>
              <Fact label={t('hit.subject.name')} wide>
                <Link
                  to={`/travellers/${hit.travellerId}`}
                  className="strong-link"
                  data-testid="hit-traveller-link"
                >
                  {fullName(traveller.data.traveller)}
                </Link>
              </Fact>
              <Fact label={t('hit.subject.dateOfBirth')}>
                {formatDate(traveller.data.traveller.dateOfBirth)}
              </Fact>
              <Fact label={t('hit.subject.sex')}>{traveller.data.traveller.sex}</Fact>
              <Fact label={t('hit.subject.nationality')}>{traveller.data.traveller.nationality}</Fact>
              <Fact label={t('hit.subject.residence')}>{traveller.data.traveller.countryOfResidence}</Fact>
              <Fact label={t('hit.subject.document')}>
                {traveller.data.traveller.documents
                  .map((d) => [d.type, d.number, d.issuingState].filter(Boolean).join(' '))
                  .join('; ')}
              </Fact>
              <Fact label={t('hit.subject.route')}>
                {[traveller.data.traveller.embarkation, traveller.data.traveller.debarkation]
                  .filter(Boolean)
                  .join(' → ')}
              </Fact>
              <Fact label={t('hit.subject.seat')}>{traveller.data.traveller.seat}</Fact>
              <Fact label={t('hit.subject.bookingReference')}>
                {traveller.data.traveller.reservationReference}
              </Fact>
            </Facts>
          )}
        </>
      )}
      {!hit.travellerId && (
        <p className="strong">
          <PnrText value={hit.subjectName} />
        </p>
      )}
      <BookedTravellers booked={hit.bookedTravellers} hitOn={hit.bookedSequence ?? null} />
      {hit.reservationId && (
        <p>
          <Link to={`/reservations/${hit.reservationId}`} data-testid="hit-reservation-link">
            {t('hit.subject.openReservation')}
          </Link>
        </p>
      )}
    </section>
  );
}
