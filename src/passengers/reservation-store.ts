import { sql, type RawBuilder } from 'kysely';
import { PREPARED } from '../db/database.js';
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

/**
 * What ties a reservation to others, as stored in `reservations.links`: 'phone:' and the last nine
 * digits of each phone number, 'email:' and each address in lower case, 'card:' and each (masked)
 * payment card number.
 */
function linksOf(reservation: PnrReservation): string[] {
  const found = new Set<string>();
  for (const phone of reservation.contacts.phones) {
    const digits = phone.number.replace(/\D/g, '');
    // Shorter numbers are extensions or fragments: they would tie strangers together.
    if (digits.length >= 7) found.add(`phone:${digits.slice(-9)}`);
  }
  for (const email of reservation.contacts.emails) found.add(`email:${email.address.toLowerCase()}`);
  for (const payment of reservation.payments) if (payment.cardNumber) found.add(`card:${payment.cardNumber}`);
  return [...found];
}

/** A stored link as its kind and value. */
export function parseLink(link: string): { kind: 'phone' | 'email' | 'card'; value: string } {
  const colon = link.indexOf(':');
  return { kind: link.slice(0, colon) as 'phone' | 'email' | 'card', value: link.slice(colon + 1) };
}

/** A stored version (`reservation_versions.data`, JSON text) as the reservation it holds. */
export const versionData = (text: string): PnrReservation => JSON.parse(text) as PnrReservation;

const reservationKey = (carrier: string, locator: string) => `${carrier}|${locator}`;

/** An API traveller `t` who is the booked traveller `booked`: the same document, or name and no other birth date. */
const matches = (booked: RawBuilder<unknown>) => sql`
  (${booked}.document_number is not null and t.document_number = ${booked}.document_number)
  or ((t.search_name = ${booked}.search_name or t.search_name like ${booked}.search_name || ' %')
      and (${booked}.date_of_birth is null or t.date_of_birth is null or t.date_of_birth = ${booked}.date_of_birth))`;

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
      where ${matches(sql`rt`)}
      order by (t.document_number = rt.document_number) desc nulls last
      limit 1)
    where ${scope}`.execute(context.trx);
}

/**
 * Stores the reservations of a parsed PNRGOV interchange, each push a new version of its reservation.
 * A message takes two statements whatever the number of reservations in it: its flights; then its
 * reservations with their new versions, their flights and their booked travellers (linked to API
 * travellers as they are inserted). Both are prepared (planned once per connection).
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
  if (reservations.length === 0)
    return {
      flightIds: [],
      reservationIds: [],
      reservationKeys: [] as string[],
      bookedTravellerIds: [] as string[],
    };

  const legs = reservations.flatMap((reservation, index) =>
    reservation.itinerary.flatMap((leg) => {
      const flightLeg = asFlightLeg(leg);
      return flightLeg ? [{ index, flightLeg }] : [];
    }),
  );
  const flightIds = await upsertFlights(
    context,
    legs.map((leg) => leg.flightLeg),
  );

  const travellers = reservations.flatMap((reservation, k) =>
    reservation.travellers.map((traveller) => {
      const key = bookingNameKey(traveller.surname, traveller.givenNames);
      const document = traveller.documents.find((d) => d.number);
      return {
        k,
        sequence: traveller.sequence,
        surname: traveller.surname,
        given_names: traveller.givenNames,
        search_name: `${key.surname} ${key.firstGiven}`.trim(),
        date_of_birth: traveller.dateOfBirth ?? document?.dateOfBirth ?? null,
        document_number: document?.number?.toUpperCase() ?? null,
      };
    }),
  );
  const flightLinks = new Map(
    legs.map((leg, index) => [`${leg.index}|${flightIds[index]}`, { k: leg.index, f: flightIds[index]! }]),
  );

  // Each version's JSON goes as a text parameter of its own, stored as it is (not lexed again); the
  // rows of each table go together as one JSON parameter. The text depends only on the number of
  // reservations, so a connection prepares a statement per push size it meets.
  const versions = reservations.map((reservation) => sql`${JSON.stringify(reservation)}::text`);
  const saved = await sql<{ id: string; version: number; k: number }>`${sql.raw(PREPARED)}
    with input as (
      select * from json_to_recordset(${JSON.stringify(
        reservations.map((reservation, k) => {
          const facts = reservationFacts(reservation);
          return {
            k,
            carrier: reservation.owningCarrier ?? '',
            locator: reservation.recordLocator,
            booked: reservation.createdAt,
            departs: facts.firstDepartureLocal,
            last: facts.lastFlightDate,
            count: facts.travellerCount,
            facts,
            links: linksOf(reservation),
          };
        }),
      )}::json) as i(k integer, carrier text, locator text, booked timestamp, departs timestamp, last date,
        count integer, facts jsonb, links text[])
    ), data_in as (
      select (n - 1)::integer as k, data from unnest(array[${sql.join(versions)}]) with ordinality as d(data, n)
    ), flights_in as (
      select * from json_to_recordset(${JSON.stringify([...flightLinks.values()])}::json) as f(k integer, f uuid)
    ), travellers_in as (
      select * from json_to_recordset(${JSON.stringify(travellers)}::json) as b(k integer, sequence integer,
        surname text, given_names text, search_name text, date_of_birth date, document_number text)
    ), saved as (
      insert into reservations (jurisdiction_code, owning_carrier, record_locator, booked_at, first_departure_local,
        last_flight_date, traveller_count, facts, links)
      select ${context.jurisdictionCode}, carrier, locator, booked, departs, last, count, facts, links from input
      order by k
      on conflict (jurisdiction_code, owning_carrier, record_locator) do update set
        version = reservations.version + 1, booked_at = coalesce(excluded.booked_at, reservations.booked_at),
        first_departure_local = excluded.first_departure_local, last_flight_date = excluded.last_flight_date,
        traveller_count = excluded.traveller_count, facts = excluded.facts, links = excluded.links,
        last_received_at = now()
      returning id, version, owning_carrier, record_locator
    ), keyed as (
      select s.id, s.version, i.k from saved s
      join input i on i.carrier = s.owning_carrier and i.locator = s.record_locator
    ), versions as (
      insert into reservation_versions (reservation_id, version, message_id, data)
      select keyed.id, keyed.version, ${context.messageId}, data_in.data from keyed join data_in using (k)
    ), flight_links as (
      -- A new push of a stored reservation keeps the flights it had.
      insert into reservation_flights (reservation_id, flight_id) select keyed.id, f from flights_in join keyed using (k)
      on conflict do nothing
    ), gone as (
      -- A new push replaces the booked travellers: those it no longer has go, the others are updated below
      -- (one statement sees the table as it was, so the two touch different rows).
      delete from reservation_travellers rt using keyed
      where rt.reservation_id = keyed.id and keyed.version > 1
        and not exists (select 1 from travellers_in b where b.k = keyed.k and b.sequence = rt.sequence)
    ), booked as (
      insert into reservation_travellers (reservation_id, sequence, surname, given_names, search_name, date_of_birth,
        document_number, traveller_id)
      select keyed.id, b.sequence, b.surname, b.given_names, b.search_name, b.date_of_birth, b.document_number,
        -- As linkBookedTravellers does, with the flights of this push and those already linked; looked
        -- for only when an API traveller is on one of them (once for the statement).
        case when exists (
          select 1 from flight_travellers where flight_id in (
            select f from flights_in
            union select rf.flight_id from reservation_flights rf join keyed pushed on rf.reservation_id = pushed.id
            where pushed.version > 1)
        ) then (
          select t.id from travellers t
            join flight_travellers ft on ft.traveller_id = t.id
          where ft.flight_id in (
              select f from flights_in where flights_in.k = b.k
              union select flight_id from reservation_flights where reservation_id = keyed.id)
            and (${matches(sql`b`)})
          order by (t.document_number = b.document_number) desc nulls last
          limit 1)
        end
      from travellers_in b join keyed using (k)
      on conflict (reservation_id, sequence) do update set surname = excluded.surname,
        given_names = excluded.given_names, search_name = excluded.search_name,
        date_of_birth = excluded.date_of_birth, document_number = excluded.document_number,
        traveller_id = excluded.traveller_id
    )
    select id, version, k from keyed`.execute(trx);
  const idAt: string[] = [];
  for (const row of saved.rows) idAt[row.k] = row.id;
  const ids = reservations.map((_, k) => idAt[k]!);
  return {
    flightIds: [...new Set(flightIds)],
    reservationIds: ids,
    reservationKeys: [...latest.keys()],
    /** A booked traveller is found by its reservation and sequence: "<reservation id>/<sequence>". */
    bookedTravellerIds: travellers.map((traveller) => `${ids[traveller.k]}/${traveller.sequence}`),
  };
}
