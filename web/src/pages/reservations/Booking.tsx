import { Fact, Facts } from '../../components/Facts.js';
import { CheckedCountry } from './code-checks.js';
import { t } from '../../i18n/index.js';
import type { PnrReservation, RecordLocator } from '../../reservation-types.js';
import { codeLabel, DateText, Text } from './pnr-format.js';

/** Where and by whom the booking was made (ORG), and the reservation's locators and dates. */
export function BookingOfficePanel({ reservation }: { reservation: PnrReservation }) {
  const office = reservation.bookingOffice;
  const agency = office?.originatorType === 'T';
  return (
    <section className="panel" aria-labelledby="office-heading" data-testid="booking-office">
      <h2 id="office-heading" className="panel-title">
        {agency ? t('reservation.office.agencyTitle') : t('reservation.office.title')}
      </h2>
      {office ? (
        <Facts>
          <Fact label={t('reservation.office.originator')}>
            {office.originatorType && codeLabel('reservation.originatorType', office.originatorType)}
          </Fact>
          <Fact label={t('reservation.office.company')}>
            {[office.company, office.companyLocation].filter(Boolean).join(' · ')}
          </Fact>
          <Fact label={t('reservation.office.iataNumber')}>{office.iataNumber}</Fact>
          <Fact label={t('reservation.office.officeId')}>{office.officeId}</Fact>
          <Fact label={t('reservation.office.location')}>{office.location}</Fact>
          <Fact label={t('reservation.office.agentSign')}>
            {office.agentSign && <Text value={office.agentSign} />}
          </Fact>
          <Fact label={t('reservation.office.country')}>
            {office.country && <CheckedCountry code={office.country} />}
          </Fact>
          <Fact label={t('reservation.office.currency')}>{office.currency}</Fact>
          <Fact label={t('reservation.office.system')}>
            {[office.systemCompany, office.systemLocation].filter(Boolean).join(' · ')}
          </Fact>
        </Facts>
      ) : (
        <p className="muted">{t('reservation.office.none')}</p>
      )}
      <h3 className="subsection-title">{t('reservation.office.recordAndDates')}</h3>
      <Facts>
        <Fact label={t('reservation.office.created')}>
          <DateText value={reservation.createdAt} />
        </Fact>
        <Fact label={t('reservation.office.lastModified')}>
          <DateText value={reservation.lastModifiedAt} />
        </Fact>
        <Fact label={t('reservation.office.ticketed')}>
          <DateText value={reservation.ticketedAt} />
        </Fact>
        <Fact label={t('reservation.office.locators')} wide>
          {reservation.recordLocators.length > 0 && <Locators locators={reservation.recordLocators} />}
        </Fact>
      </Facts>
    </section>
  );
}

function Locators({ locators }: { locators: RecordLocator[] }) {
  return (
    <span className="locator-list">
      {locators.map((locator, index) => (
        <span key={index} className="locator-chip">
          {locator.company && <span className="muted">{locator.company} </span>}
          <span className="locator">{locator.locator}</span>
        </span>
      ))}
    </span>
  );
}

/** A group booking's name and the reservations this one was split from or into. */
export function SplitGroupPanel({ reservation }: { reservation: PnrReservation }) {
  const { split, groupName } = reservation;
  return (
    <section className="panel" aria-labelledby="split-heading" data-testid="split-group">
      <h2 id="split-heading" className="panel-title">
        {t('reservation.split.title')}
      </h2>
      {!split && !groupName ? (
        <p className="muted">{t('reservation.split.none')}</p>
      ) : (
        <Facts>
          <Fact label={t('reservation.split.group')}>{groupName && <Text value={groupName} />}</Fact>
          <Fact label={t('reservation.split.count')}>{split?.count}</Fact>
          <Fact label={t('reservation.split.locators')} wide>
            {split && split.recordLocators.length > 0 && <Locators locators={split.recordLocators} />}
          </Fact>
        </Facts>
      )}
    </section>
  );
}
