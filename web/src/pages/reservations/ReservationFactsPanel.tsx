import type { ReactNode } from 'react';
import { CountryCode } from '../../components/Jurisdiction.js';
import { formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ReservationFacts, UncertainFact } from '../../reservation-types.js';
import { isLateBooking, isLateTicketing, RISK_THRESHOLDS, riskIndicators } from './pnr-format.js';

/** Facts derived from the current version of the reservation, risk indicators flagged. */
export function ReservationFactsPanel({ facts }: { facts: Partial<ReservationFacts> | null }) {
  const value = facts ?? {};
  const flagged = riskIndicators(value).length;
  const yesNo = (flag: boolean | undefined) =>
    flag === undefined ? null : flag ? t('common.yes') : t('common.no');
  /** A duration the data allows, or "Unknown" with the reason; never a negative one. */
  const duration = (fact: UncertainFact, shown: (count: number) => string) => {
    const count = value[fact];
    if (typeof count === 'number' && count >= 0) return shown(count);
    const reason = value.unknownBecause?.[fact];
    return reason ? <Unknown reason={reason} /> : null;
  };
  const tripLength = duration('tripLengthDays', (count) => t('reservation.facts.days', { count }));

  return (
    <section className="panel" aria-labelledby="facts-heading" data-testid="reservation-facts">
      <div className="panel-title-row">
        <h2 id="facts-heading" className="panel-title">
          {t('reservation.facts.title')}
        </h2>
        {flagged > 0 ? (
          <span className="badge badge-danger" data-testid="risk-count">
            {t('reservation.facts.flaggedCount', { count: flagged })}
          </span>
        ) : (
          <span className="badge badge-neutral">{t('reservation.facts.noneFlagged')}</span>
        )}
      </div>
      <dl className="facts risk-facts">
        <RiskFact
          name="daysBookedBeforeDeparture"
          label={t('reservation.facts.bookedBefore')}
          flagged={isLateBooking(value.daysBookedBeforeDeparture)}
          note={t('reservation.facts.lateBookingNote', { days: RISK_THRESHOLDS.bookedDaysBefore })}
        >
          {duration('daysBookedBeforeDeparture', (count) => t('reservation.facts.days', { count }))}
        </RiskFact>
        <RiskFact
          name="hoursTicketedBeforeDeparture"
          label={t('reservation.facts.ticketedBefore')}
          flagged={isLateTicketing(value.hoursTicketedBeforeDeparture)}
          note={t('reservation.facts.lateTicketingNote', { hours: RISK_THRESHOLDS.ticketedHoursBefore })}
        >
          {duration('hoursTicketedBeforeDeparture', (count) => t('reservation.facts.hours', { count }))}
        </RiskFact>
        <RiskFact name="tripType" label={t('reservation.facts.trip')}>
          {value.tripType ? (
            <>
              {t(`reservation.tripType.${value.tripType}`)}
              {tripLength && <span className="muted"> · {tripLength}</span>}
            </>
          ) : (
            duration('tripType', () => '')
          )}
        </RiskFact>
        <RiskFact
          name="paidInCash"
          label={t('reservation.facts.paidInCash')}
          flagged={Boolean(value.paidInCash)}
          note={t('reservation.facts.cashNote')}
        >
          {yesNo(value.paidInCash)}
        </RiskFact>
        <RiskFact
          name="paidByCardOfAnotherPerson"
          label={t('reservation.facts.cardOfAnother')}
          flagged={Boolean(value.paidByCardOfAnotherPerson)}
          note={t('reservation.facts.cardOfAnotherNote')}
        >
          {yesNo(value.paidByCardOfAnotherPerson)}
        </RiskFact>
        <RiskFact name="travellerCount" label={t('reservation.facts.travellers')}>
          {typeof value.travellerCount === 'number' && formatNumber(value.travellerCount)}
        </RiskFact>
        <RiskFact name="checkedBags" label={t('reservation.facts.bags')}>
          {typeof value.checkedBags === 'number' && (
            <>
              {t('reservation.bags.count', { count: value.checkedBags })}
              {value.checkedBagWeightKg ? (
                <span className="muted">
                  {' · '}
                  {t('reservation.bags.weightKg', { kg: value.checkedBagWeightKg })}
                </span>
              ) : null}
            </>
          )}
        </RiskFact>
        <RiskFact name="routeCountries" label={t('reservation.facts.countries')} wide>
          {value.routeCountries && value.routeCountries.length > 0 && (
            <span className="country-route">
              {value.routeCountries.map((country, index) => (
                <span key={`${country}-${index}`}>
                  {index > 0 && (
                    <span className="muted" aria-label={t('flights.to')}>
                      {' → '}
                    </span>
                  )}
                  <CountryCode code={country} />
                </span>
              ))}
            </span>
          )}
        </RiskFact>
      </dl>
    </section>
  );
}

function RiskFact({
  name,
  label,
  flagged = false,
  note,
  wide,
  children,
}: {
  name: string;
  label: string;
  flagged?: boolean;
  note?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const empty = children === null || children === undefined || children === false || children === '';
  return (
    <div
      className={`fact risk-fact${flagged ? ' risk-fact-flagged' : ''}${wide ? ' fact-wide' : ''}`}
      data-testid="reservation-fact"
      data-fact={name}
      data-flagged={flagged}
    >
      <dt>{label}</dt>
      <dd>
        {empty ? <span className="muted">—</span> : children}
        {flagged && note && (
          <span className="risk-flag">
            <span aria-hidden="true">⚑ </span>
            {note}
          </span>
        )}
      </dd>
    </div>
  );
}

/** A fact the data does not allow, with the reason (src/passengers/reservation-facts.ts). */
function Unknown({ reason }: { reason: string }) {
  return (
    <span data-testid="fact-unknown">
      {t('reservation.facts.unknown')} <span className="muted">({reason})</span>
    </span>
  );
}
