import { sql } from 'kysely';
import { upsertFlights } from './flight-store.js';
import type { StoreContext, StoredGroup } from '../messages/model.js';
import { foldName, legsOfTraveller, primaryLeg, travellerKey } from './itinerary.js';
import type { FlightLeg, ParsedPaxlstInterchange, ParsedTraveller } from './paxlst-model.js';
import { linkBookedTravellers } from './reservation-store.js';

const legKey = (leg: FlightLeg) => `${leg.sequence}`;

/** Direction as seen by the receiving jurisdiction: into it, out of it, or neither. */
function travellerRow(traveller: ParsedTraveller, jurisdictionCode: string, primaryFlightId: string) {
  const document = traveller.documents[0];
  return {
    jurisdiction_code: jurisdictionCode,
    primary_flight_id: primaryFlightId,
    traveller_key: travellerKey(traveller),
    role: traveller.role,
    party_qualifier: traveller.partyQualifier,
    surname: traveller.surname,
    given_names: traveller.givenNames,
    search_name: foldName(`${traveller.surname} ${traveller.givenNames}`),
    sex: traveller.sex,
    date_of_birth: traveller.dateOfBirth,
    nationality: traveller.nationality,
    country_of_residence: traveller.countryOfResidence,
    place_of_birth: traveller.placeOfBirth,
    address: traveller.address ? JSON.stringify(traveller.address) : null,
    embarkation: traveller.embarkation,
    debarkation: traveller.debarkation,
    documents: JSON.stringify(traveller.documents),
    document_number: document?.number ?? null,
    document_type: document?.type ?? null,
    reservation_reference: traveller.reservationReference,
    references: JSON.stringify(traveller.references),
    seat: traveller.seat,
    bags: traveller.bags ? JSON.stringify(traveller.bags) : null,
    warnings: JSON.stringify(traveller.warnings),
  };
}

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/** Stores the flights and travellers of a parsed PAXLST interchange, in the message's transaction. */
export async function storePaxlst(
  parsed: ParsedPaxlstInterchange,
  context: StoreContext,
): Promise<StoredGroup[]> {
  const flightIds = new Set<string>();
  // A traveller written by two messages of the interchange is counted twice, as each wrote it.
  const travellerIds: string[] = [];
  for (const message of parsed.messages) {
    if (message.legs.length === 0) continue;
    const flightOfLeg = new Map<string, string>();
    const legIds = await upsertFlights(context, message.legs);
    message.legs.forEach((leg, index) => {
      flightOfLeg.set(legKey(leg), legIds[index]!);
      flightIds.add(legIds[index]!);
    });
    // Same key twice in one message (a resent line): the later one wins, as the upsert would.
    const rows = new Map<string, { row: ReturnType<typeof travellerRow>; legs: FlightLeg[] }>();
    for (const traveller of message.travellers) {
      const legs = legsOfTraveller(message.legs, traveller);
      const primary = primaryLeg(legs)!;
      const row = travellerRow(traveller, context.jurisdictionCode, flightOfLeg.get(legKey(primary))!);
      rows.set(`${row.primary_flight_id}|${row.traveller_key}`, { row, legs });
    }
    const entries = [...rows.values()];
    for (let start = 0; start < entries.length; start += BATCH) {
      const chunk = entries.slice(start, start + BATCH);
      const inserted = await context.trx
        .insertInto('travellers')
        .values(chunk.map((entry) => entry.row))
        .onConflict((oc) =>
          oc.columns(['primary_flight_id', 'traveller_key']).doUpdateSet((eb) => ({
            role: eb.ref('excluded.role'),
            surname: eb.ref('excluded.surname'),
            given_names: eb.ref('excluded.given_names'),
            search_name: eb.ref('excluded.search_name'),
            sex: eb.ref('excluded.sex'),
            date_of_birth: eb.ref('excluded.date_of_birth'),
            nationality: eb.ref('excluded.nationality'),
            country_of_residence: eb.ref('excluded.country_of_residence'),
            place_of_birth: eb.ref('excluded.place_of_birth'),
            address: eb.ref('excluded.address'),
            embarkation: eb.ref('excluded.embarkation'),
            debarkation: eb.ref('excluded.debarkation'),
            documents: eb.ref('excluded.documents'),
            document_number: eb.ref('excluded.document_number'),
            document_type: eb.ref('excluded.document_type'),
            reservation_reference: eb.ref('excluded.reservation_reference'),
            references: eb.ref('excluded.references'),
            seat: eb.ref('excluded.seat'),
            bags: eb.ref('excluded.bags'),
            warnings: eb.ref('excluded.warnings'),
            updated_at: sql`now()`,
          })),
        )
        .returning(['id', 'primary_flight_id', 'traveller_key'])
        .execute();
      const links: { flight_id: string; traveller_id: string }[] = [];
      const provenance: { traveller_id: string; message_id: string }[] = [];
      for (const row of inserted) {
        const entry = rows.get(`${row.primary_flight_id}|${row.traveller_key}`)!;
        for (const leg of entry.legs)
          links.push({ flight_id: flightOfLeg.get(legKey(leg))!, traveller_id: row.id });
        provenance.push({ traveller_id: row.id, message_id: context.messageId });
      }
      if (links.length > 0)
        await context.trx
          .insertInto('flight_travellers')
          .values(links)
          .onConflict((oc) => oc.doNothing())
          .execute();
      await context.trx
        .insertInto('traveller_messages')
        .values(provenance)
        .onConflict((oc) => oc.doNothing())
        .execute();
      for (const row of inserted) travellerIds.push(row.id);
    }
  }
  if (flightIds.size > 0) {
    await refreshFlightCounts(context, [...flightIds]);
    // Reservations pushed before the passenger list now find their API travellers.
    await linkBookedTravellers(context, { flightIds: [...flightIds] });
  }
  return [
    { kind: 'flight', ids: [...flightIds] },
    { kind: 'traveller', ids: travellerIds },
  ];
}

async function refreshFlightCounts(context: StoreContext, flightIds: string[]) {
  await sql`
    update flights f set
      passenger_count = counts.passengers,
      crew_count = counts.crew
    from (
      select ft.flight_id,
        count(*) filter (where t.role like 'passenger%') as passengers,
        count(*) filter (where t.role like 'crew%') as crew
      from flight_travellers ft join travellers t on t.id = ft.traveller_id
      where ft.flight_id in (${sql.join(flightIds)})
      group by ft.flight_id
    ) counts
    where f.id = counts.flight_id`.execute(context.trx);
}
