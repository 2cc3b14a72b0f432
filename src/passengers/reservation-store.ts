import { sql } from 'kysely';
import type { StoreContext } from '../messages/model.js';
import { upsertFlights } from './flight-store.js';
import { foldName } from './itinerary.js';
import type { FlightLeg } from './paxlst-model.js';
import type { ItineraryLeg, ParsedPnrgovInterchange, PnrReservation } from './pnrgov-model.js';
import { reservationFacts } from './reservation-facts.js';

const TITLES = /\s*(MRS|MR|MS|MSTR|MISS|DR|CHD|INF)$/;

/** Surname and first given name as the API side writes them, titles glued by reservation systems removed. */
export function bookingNameKey(surname: string, givenNames: string): { surname: string; firstGiven: string } {
  const given = foldName(givenNames).replace(TITLES, '');
  return { surname: foldName(surname), firstGiven: given.split(' ')[0] ?? '' };
}

function asFlightLeg(leg: ItineraryLeg): FlightLeg | undefined {
  if (!leg.marketingCarrier || !leg.flightNumber || !leg.departureAirport || !leg.arrivalAirport)
    return undefined;
  return {
    sequence: leg.sequence,
    carrier: leg.marketingCarrier,
    flightNumber: leg.flightNumber,
    departureAirport: leg.departureAirport,
    arrivalAirport: leg.arrivalAirport,
    scheduledDeparture: leg.departure,
    scheduledArrival: leg.arrival,
    crossesBorder: false,
  };
}

type Link = { kind: 'phone' | 'email' | 'card'; value: string };

function linksOf(reservation: PnrReservation): Link[] {
  const found = new Map<string, Link>();
  for (const phone of reservation.contacts.phones) {
    const digits = phone.number.replace(/\D/g, '');
    // Shorter numbers are extensions or fragments: they would tie strangers together.
    if (digits.length >= 7)
      found.set(`phone:${digits.slice(-9)}`, { kind: 'phone', value: digits.slice(-9) });
  }
  for (const email of reservation.contacts.emails)
    found.set(`email:${email.address.toLowerCase()}`, { kind: 'email', value: email.address.toLowerCase() });
  for (const payment of reservation.payments)
    if (payment.cardNumber)
      found.set(`card:${payment.cardNumber}`, { kind: 'card', value: payment.cardNumber });
  return [...found.values()];
}

const reservationKey = (carrier: string, locator: string) => `${carrier}|${locator}`;

/**
 * Links booked travellers to the API travellers of the same flights: the same document number, or the
 * same surname and first given name with no contradicting date of birth.
 */
export async function linkBookedTravellers(
  context: Pick<StoreContext, 'trx'>,
  where: { reservationIds?: string[]; flightIds?: string[] },
) {
  const scope = where.reservationIds?.length
    ? sql`rt.reservation_id in (${sql.join(where.reservationIds)})`
    : where.flightIds?.length
      ? sql`rt.reservation_id in (select reservation_id from reservation_flights where flight_id in (${sql.join(where.flightIds)}))`
      : undefined;
  if (!scope) return;
  await sql`
    update reservation_travellers rt set traveller_id = (
      select t.id from travellers t
        join flight_travellers ft on ft.traveller_id = t.id
        join reservation_flights rf on rf.flight_id = ft.flight_id and rf.reservation_id = rt.reservation_id
      where (rt.document_number is not null and t.document_number = rt.document_number)
         or ((t.search_name = rt.search_name or t.search_name like rt.search_name || ' %')
             and (rt.date_of_birth is null or t.date_of_birth is null or t.date_of_birth = rt.date_of_birth))
      order by (t.document_number = rt.document_number) desc nulls last
      limit 1)
    where ${scope}`.execute(context.trx);
}

/**
 * Stores the reservations of a parsed PNRGOV interchange, each push a new version of its reservation.
 * Every table is written with one statement per message, whatever the number of reservations in it.
 */
export async function storePnrgov(parsed: ParsedPnrgovInterchange, context: StoreContext) {
  const { trx } = context;
  // The same reservation twice in one push: the later one is the newer state.
  const latest = new Map<string, PnrReservation>();
  for (const message of parsed.messages)
    for (const reservation of message.reservations)
      if (reservation.recordLocator)
        latest.set(reservationKey(reservation.owningCarrier ?? '', reservation.recordLocator), reservation);
  const reservations = [...latest.values()];
  if (reservations.length === 0) return { flightIds: [], travellerCount: 0, reservationIds: [] };

  const rows = reservations.map((reservation) => {
    const facts = reservationFacts(reservation);
    return sql`(${context.jurisdictionCode}, ${reservation.owningCarrier ?? ''}, ${reservation.recordLocator},
      ${reservation.createdAt}::timestamp, ${facts.firstDepartureLocal}::timestamp, ${facts.lastFlightDate}::date,
      ${facts.travellerCount}::integer, ${JSON.stringify(facts)}::jsonb)`;
  });
  const saved = await sql<{ id: string; version: number; owning_carrier: string; record_locator: string }>`
    insert into reservations (jurisdiction_code, owning_carrier, record_locator, booked_at, first_departure_local,
      last_flight_date, traveller_count, facts)
    values ${sql.join(rows)}
    on conflict (jurisdiction_code, owning_carrier, record_locator) do update set
      version = reservations.version + 1, booked_at = coalesce(excluded.booked_at, reservations.booked_at),
      first_departure_local = excluded.first_departure_local, last_flight_date = excluded.last_flight_date,
      traveller_count = excluded.traveller_count, facts = excluded.facts, last_received_at = now()
    returning id, version, owning_carrier, record_locator`.execute(trx);
  const idOf = new Map(
    saved.rows.map((row) => [reservationKey(row.owning_carrier, row.record_locator), row]),
  );
  const stored = reservations.map((reservation) => ({
    reservation,
    ...idOf.get(reservationKey(reservation.owningCarrier ?? '', reservation.recordLocator!))!,
  }));
  const ids = stored.map((s) => s.id);

  await trx
    .insertInto('reservation_versions')
    .values(
      stored.map((s) => ({
        reservation_id: s.id,
        version: s.version,
        message_id: context.messageId,
        data: JSON.stringify(s.reservation),
      })),
    )
    .execute();

  await trx.deleteFrom('reservation_travellers').where('reservation_id', 'in', ids).execute();
  const travellers = stored.flatMap(({ id, reservation }) =>
    reservation.travellers.map((traveller) => {
      const key = bookingNameKey(traveller.surname, traveller.givenNames);
      const document = traveller.documents.find((d) => d.number);
      return {
        reservation_id: id,
        sequence: traveller.sequence,
        surname: traveller.surname,
        given_names: traveller.givenNames,
        search_name: `${key.surname} ${key.firstGiven}`.trim(),
        date_of_birth: traveller.dateOfBirth ?? document?.dateOfBirth ?? null,
        document_number: document?.number?.toUpperCase() ?? null,
      };
    }),
  );
  if (travellers.length > 0) await trx.insertInto('reservation_travellers').values(travellers).execute();

  const legs = stored.flatMap(({ id, reservation }) =>
    reservation.itinerary.flatMap((leg) => {
      const flightLeg = asFlightLeg(leg);
      return flightLeg ? [{ id, flightLeg }] : [];
    }),
  );
  const flightIds = await upsertFlights(
    context,
    legs.map((leg) => leg.flightLeg),
  );
  const flightLinks = new Map(
    legs.map((leg, index) => [
      `${leg.id}|${flightIds[index]}`,
      { reservation_id: leg.id, flight_id: flightIds[index]! },
    ]),
  );
  if (flightLinks.size > 0)
    await trx
      .insertInto('reservation_flights')
      .values([...flightLinks.values()])
      .onConflict((oc) => oc.doNothing())
      .execute();

  await trx.deleteFrom('reservation_links').where('reservation_id', 'in', ids).execute();
  const links = stored.flatMap(({ id, reservation }) =>
    linksOf(reservation).map((link) => ({ reservation_id: id, ...link })),
  );
  if (links.length > 0) await trx.insertInto('reservation_links').values(links).execute();

  await linkBookedTravellers(context, { reservationIds: ids });
  return { flightIds: [...new Set(flightIds)], travellerCount: travellers.length, reservationIds: ids };
}
