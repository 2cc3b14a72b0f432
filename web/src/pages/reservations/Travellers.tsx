import { Link } from 'react-router-dom';
import { Fact, Facts } from '../../components/Facts.js';
import { TableFrame } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import type { ItineraryLeg, PnrTraveller, ReservationChecks } from '../../reservation-types.js';
import { TravellerDocuments } from './TravellerDocuments.js';
import { TravellerTickets } from './TravellerTickets.js';
import { DateText, legDesignator, legRoute, Masked, MASK, Text, travellerName } from './pnr-format.js';

/** The travellers of the reservation, each with what hangs on them. */
type TravellerAge = ReservationChecks['travellerAges'][number];

export function Travellers({
  travellers,
  legs,
  ages,
  apiTravellerOf,
  masked,
}: {
  travellers: PnrTraveller[];
  legs: ItineraryLeg[];
  /** Each traveller's age on the first departure (or today), from the server. */
  ages: TravellerAge[];
  /** API (PAXLST) traveller records matched to the reservation's travellers, by sequence. */
  apiTravellerOf: Map<number, string>;
  masked: boolean;
}) {
  const bySequence = new Map(travellers.map((traveller) => [traveller.sequence, traveller]));
  const ageOf = new Map(ages.map((age) => [age.sequence, age]));
  return (
    <section className="panel" aria-labelledby="travellers-heading">
      <h2 id="travellers-heading" className="panel-title">
        {t('reservation.travellers.title', { count: travellers.length })}
      </h2>
      {travellers.length === 0 && <p className="muted">{t('reservation.travellers.none')}</p>}
      {travellers.map((traveller) => (
        <TravellerCard
          key={traveller.sequence}
          traveller={traveller}
          legs={legs}
          age={ageOf.get(traveller.sequence)}
          bySequence={bySequence}
          apiTravellerId={apiTravellerOf.get(traveller.sequence) ?? null}
          masked={masked}
        />
      ))}
    </section>
  );
}

export const travellerAnchor = (sequence: number) => `pnr-traveller-${sequence}`;

function TravellerCard({
  traveller,
  legs,
  age,
  bySequence,
  apiTravellerId,
  masked,
}: {
  traveller: PnrTraveller;
  legs: ItineraryLeg[];
  age: TravellerAge | undefined;
  bySequence: Map<number, PnrTraveller>;
  apiTravellerId: string | null;
  masked: boolean;
}) {
  const infant = traveller.infant !== null ? bySequence.get(traveller.infant) : undefined;
  const adult = traveller.infantOf !== null ? bySequence.get(traveller.infantOf) : undefined;
  const headingId = `${travellerAnchor(traveller.sequence)}-heading`;
  return (
    <article
      className="pnr-traveller"
      id={travellerAnchor(traveller.sequence)}
      aria-labelledby={headingId}
      data-testid="reservation-traveller"
    >
      <header className="pnr-traveller-header">
        <h3 id={headingId}>
          <span className="muted">{traveller.sequence}.</span> <Text value={travellerName(traveller)} />
        </h3>
        {traveller.type && (
          <span className={`badge ${traveller.type === 'infant' ? 'badge-warning' : 'badge-neutral'}`}>
            {t(`reservation.travellerType.${traveller.type}`)}
          </span>
        )}
        {infant && (
          <a href={`#${travellerAnchor(infant.sequence)}`} className="relation" data-testid="infant-link">
            {t('reservation.travellers.withInfant', { name: travellerName(infant) })}
          </a>
        )}
        {adult && (
          <a href={`#${travellerAnchor(adult.sequence)}`} className="relation" data-testid="adult-link">
            {t('reservation.travellers.infantOf', { name: travellerName(adult) })}
          </a>
        )}
        {apiTravellerId && (
          <Link to={`/travellers/${apiTravellerId}`} className="relation" data-testid="api-traveller-link">
            {t('reservation.travellers.apiRecord')} →
          </Link>
        )}
      </header>
      <Facts>
        <Fact label={t('manifest.column.dateOfBirth')}>
          <DateText value={traveller.dateOfBirth} />
        </Fact>
        <Fact label={t('reservation.travellers.age')}>
          <TravellerAgeText age={age} fareAge={traveller.age} />
        </Fact>
        <Fact label={t('reservation.travellers.typeCode')}>{traveller.typeCode}</Fact>
        <Fact label={t('reservation.travellers.fareBasis')}>{traveller.fareBasis}</Fact>
        <Fact label={t('reservation.travellers.frequentFlyer')}>
          {traveller.frequentFlyers.length > 0 &&
            traveller.frequentFlyers.map((card, index) => (
              <span key={index} className="block">
                {card.carrier} <Text value={card.number} />
                {card.tier && <span className="muted"> ({card.tier})</span>}
              </span>
            ))}
        </Fact>
        <Fact label={t('reservation.travellers.references')}>
          {traveller.references.length > 0 && <Text value={traveller.references.join(', ')} />}
        </Fact>
        {traveller.fromInfantRequestOnly && (
          <Fact label={t('reservation.travellers.source')} wide>
            {t('reservation.travellers.fromInfantRequest')}
          </Fact>
        )}
      </Facts>
      <TravellerDocuments traveller={traveller} masked={masked} />
      <LegDetails traveller={traveller} legs={legs} />
      <TravellerTickets traveller={traveller} />
    </article>
  );
}

/** Seats, check-in and bags of one traveller, leg by leg. */
function LegDetails({ traveller, legs }: { traveller: PnrTraveller; legs: ItineraryLeg[] }) {
  const sequences = [
    ...new Set([
      ...traveller.seats.map((seat) => seat.legSequence),
      ...traveller.bags.map((bag) => bag.legSequence),
      ...traveller.checkIns.map((checkIn) => checkIn.legSequence),
    ]),
  ].sort((a, b) => a - b);
  if (sequences.length === 0)
    return <p className="muted small">{t('reservation.travellers.noLegDetails')}</p>;
  const legOf = new Map(legs.map((leg) => [leg.sequence, leg]));
  return (
    <TableFrame label={t('reservation.travellers.legDetails', { name: travellerName(traveller) })}>
      <thead>
        <tr>
          <th scope="col">{t('reservation.travellers.leg')}</th>
          <th scope="col">{t('manifest.column.seat')}</th>
          <th scope="col">{t('reservation.travellers.checkIn')}</th>
          <th scope="col">{t('reservation.travellers.bags')}</th>
          <th scope="col">{t('reservation.travellers.bagTags')}</th>
        </tr>
      </thead>
      <tbody>
        {sequences.map((sequence) => {
          const leg = legOf.get(sequence);
          const seats = traveller.seats.filter((seat) => seat.legSequence === sequence);
          const bags = traveller.bags.filter((bag) => bag.legSequence === sequence);
          const checkIns = traveller.checkIns.filter((checkIn) => checkIn.legSequence === sequence);
          return (
            <tr key={sequence} data-testid="traveller-leg">
              <td className="nowrap">
                {sequence}
                {leg && (
                  <span className="muted">
                    {' '}
                    · {legDesignator(leg)} {legRoute(leg)}
                  </span>
                )}
              </td>
              <td>
                {seats.length === 0 && <span className="muted">—</span>}
                {seats.map((seat, index) => (
                  <span key={index} className="block">
                    <strong>
                      <Text value={seat.seat} />
                    </strong>{' '}
                    <span className="muted">
                      {t(`reservation.seatSource.${seat.source}`)}
                      {seat.cabinClass &&
                        ` · ${t('reservation.travellers.cabin', { cabin: seat.cabinClass })}`}
                    </span>
                  </span>
                ))}
              </td>
              <td>
                {checkIns.length === 0 && <span className="muted">—</span>}
                {checkIns.map((checkIn, index) => (
                  <span key={index} className="block">
                    {checkIn.sequence && t('reservation.travellers.checkInSequence', { n: checkIn.sequence })}{' '}
                    {checkIn.checkedInAt && (
                      <span className="muted">
                        <DateText value={checkIn.checkedInAt} />
                      </span>
                    )}
                  </span>
                ))}
              </td>
              <td>
                {bags.length === 0 && <span className="muted">—</span>}
                {bags.map((bag, index) => (
                  <span key={index} className="block">
                    {bag.count !== null && t('reservation.bags.count', { count: bag.count })}
                    {bag.weight !== null && (
                      <span className="muted">
                        {' · '}
                        {bag.weight} {bag.weightUnit ?? ''}
                        {bag.weightUnit === 'lb' &&
                          bag.weightKg !== null &&
                          ` (${t('reservation.bags.weightKg', { kg: bag.weightKg })})`}
                      </span>
                    )}
                    {bag.pool && (
                      <span className="muted">
                        {' · '}
                        {t(`reservation.bags.pool.${bag.pool}`, { reference: bag.poolReference ?? '' })}
                      </span>
                    )}
                  </span>
                ))}
              </td>
              <td>
                {bags.every((bag) => bag.tags.length === 0) && <span className="muted">—</span>}
                {bags.flatMap((bag) =>
                  bag.tags.map((tag, index) => (
                    <span key={`${bag.legSequence}-${index}`} className="block bag-tag">
                      {tag.carrier && <span className="muted">{tag.carrier} </span>}
                      {tag.number === MASK ? (
                        <Masked />
                      ) : (
                        <code>{(tag.numbers.length > 0 ? tag.numbers : [tag.number]).join(', ')}</code>
                      )}
                      {tag.destination && <span className="muted"> → {tag.destination}</span>}
                    </span>
                  )),
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableFrame>
  );
}

/**
 * The age counted from the date of birth on the first departure (or today), with the day it is
 * counted on; why it is unknown when a date of birth is there but gives none. The age the fare
 * was priced for (FAR), when sent and different, beside it.
 */
function TravellerAgeText({ age, fareAge }: { age: TravellerAge | undefined; fareAge: number | null }) {
  const fare =
    fareAge !== null && fareAge !== age?.age ? (
      <span className="muted"> · {t('reservation.travellers.fareAge', { age: fareAge })}</span>
    ) : null;
  if (!age || (age.age === null && age.unknownBecause === 'no date of birth'))
    return fare ? <>{t('reservation.travellers.fareAge', { age: fareAge! })}</> : null;
  if (age.unknownBecause === 'the date of birth is depersonalised') return <Masked />;
  if (age.age === null)
    return (
      <span data-testid="traveller-age" data-unknown="true">
        {t('reservation.facts.unknown')} <span className="muted">({age.unknownBecause})</span>
      </span>
    );
  return (
    <span data-testid="traveller-age">
      {t('reservation.travellers.ageYears', { count: age.age })}{' '}
      <span className="muted">
        {age.onFirstDeparture
          ? t('reservation.travellers.ageOnDeparture', { date: age.on })
          : t('reservation.travellers.ageToday')}
      </span>
      {fare}
    </span>
  );
}
