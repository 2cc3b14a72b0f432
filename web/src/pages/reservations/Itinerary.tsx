import { Link } from 'react-router-dom';
import { TableFrame } from '../../components/Table.js';
import { formatUtc } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ItineraryLeg, OtherService } from '../../reservation-types.js';
import { codeLabel, DateText, legDesignator, Text } from './pnr-format.js';
import { CheckedAirport } from './code-checks.js';

/** The legs of the reservation, with codeshares, local times, class and status. */
export function Itinerary({
  legs,
  otherServices,
  flightOfLeg,
}: {
  legs: ItineraryLeg[];
  otherServices: OtherService[];
  /** Flights of the system the legs were matched to, by leg sequence. */
  flightOfLeg: Map<number, string>;
}) {
  return (
    <section className="panel" aria-labelledby="itinerary-heading">
      <h2 id="itinerary-heading" className="panel-title">
        {t('reservation.itinerary.title', { count: legs.length })}
      </h2>
      {legs.length === 0 ? (
        <p className="muted">{t('reservation.itinerary.none')}</p>
      ) : (
        <TableFrame label={t('reservation.itinerary.title', { count: legs.length })}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('reservation.itinerary.flight')}</th>
              <th scope="col">{t('reservation.itinerary.operatedBy')}</th>
              <th scope="col">{t('reservation.itinerary.from')}</th>
              <th scope="col">{t('flights.column.departureLocal')}</th>
              <th scope="col">{t('reservation.itinerary.to')}</th>
              <th scope="col">{t('flights.column.arrivalLocal')}</th>
              <th scope="col">{t('reservation.itinerary.class')}</th>
              <th scope="col">{t('reservation.itinerary.status')}</th>
              <th scope="col">{t('reservation.itinerary.aircraft')}</th>
            </tr>
          </thead>
          <tbody>
            {legs.map((leg) => {
              const flightId = flightOfLeg.get(leg.sequence);
              return (
                <tr key={leg.sequence} data-testid="itinerary-leg">
                  <td>{leg.sequence}</td>
                  <td className="nowrap">
                    {flightId ? (
                      <Link to={`/flights/${flightId}`} title={t('reservation.itinerary.openFlight')}>
                        {legDesignator(leg)}
                      </Link>
                    ) : (
                      legDesignator(leg)
                    )}
                    {leg.isPushFlight && (
                      <span
                        className="badge badge-info badge-spaced-left"
                        title={t('reservation.itinerary.pushFlightHint')}
                      >
                        {t('reservation.itinerary.pushFlight')}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">
                    {leg.codeshare || leg.operatingCarrier ? (
                      <>
                        <span className="badge badge-neutral badge-spaced">
                          {t('reservation.itinerary.codeshare')}
                        </span>
                        {[leg.operatingCarrier, leg.operatingFlightNumber].filter(Boolean).join(' ') ||
                          t('reservation.itinerary.operatorUnknown')}
                      </>
                    ) : (
                      <span className="muted">{t('reservation.itinerary.sameCarrier')}</span>
                    )}
                  </td>
                  <td className="airport">
                    <abbr title={t('flights.departureAirport')}>
                      <CheckedAirport code={leg.departureAirport} />
                    </abbr>
                  </td>
                  <td className="nowrap" title={formatUtc(leg.departure?.utc)}>
                    <DateText value={leg.departure?.local} />
                  </td>
                  <td className="airport">
                    <abbr title={t('flights.arrivalAirport')}>
                      <CheckedAirport code={leg.arrivalAirport} />
                    </abbr>
                  </td>
                  <td className="nowrap" title={formatUtc(leg.arrival?.utc)}>
                    <DateText value={leg.arrival?.local} />
                  </td>
                  <td>
                    <Text value={leg.bookingClass} />
                  </td>
                  <td className="nowrap">
                    {leg.status ? (
                      <abbr title={codeLabel('reservation.legStatus', leg.status)}>{leg.status}</abbr>
                    ) : (
                      <span className="muted">—</span>
                    )}
                    {leg.seatCount !== null && leg.seatCount !== undefined && (
                      <span className="muted">
                        {' '}
                        · {t('reservation.itinerary.seats', { count: leg.seatCount })}
                      </span>
                    )}
                  </td>
                  <td>
                    <Text value={leg.aircraftType} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      )}
      {otherServices.length > 0 && (
        <>
          <h3 className="subsection-title">{t('reservation.otherServices.title')}</h3>
          <TableFrame label={t('reservation.otherServices.title')}>
            <thead>
              <tr>
                <th scope="col">{t('reservation.otherServices.kind')}</th>
                <th scope="col">{t('reservation.otherServices.name')}</th>
                <th scope="col">{t('reservation.otherServices.location')}</th>
                <th scope="col">{t('reservation.otherServices.start')}</th>
                <th scope="col">{t('reservation.otherServices.end')}</th>
                <th scope="col">{t('reservation.otherServices.provider')}</th>
                <th scope="col">{t('reservation.otherServices.product')}</th>
              </tr>
            </thead>
            <tbody>
              {otherServices.map((service, index) => (
                <tr key={index} data-testid="other-service">
                  <td>{t(`reservation.otherServices.kind.${service.kind}`)}</td>
                  <td>
                    <Text value={service.name} />
                  </td>
                  <td>
                    <Text value={service.location} />
                  </td>
                  <td className="nowrap">
                    <DateText value={service.start} />
                  </td>
                  <td className="nowrap">
                    <DateText value={service.end} />
                  </td>
                  <td>
                    <Text value={service.provider} />
                  </td>
                  <td>
                    <Text value={service.product} />
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        </>
      )}
    </section>
  );
}
