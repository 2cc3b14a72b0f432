import type { Kysely } from 'kysely';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { mayReadPnr, requirePnrClearance } from '../access/pnr-visibility.js';
import { invalid, notFound } from '../errors.js';
import { searchBookedTravellers, type BookedTraveller } from './booked-travellers.js';
import type { Issue } from '../messages/model.js';
import {
  flightListQuerySchema,
  travellerSearchSchema,
  withHitCounts,
  type RecordHitsReader,
} from './model.js';
import type { ReservationService } from './reservation-service.js';
import { PassengerStore, toTravellerSummary } from './store.js';

/** Flights and travellers as officers see them, scoped to what each actor may see. */
export class PassengerService {
  readonly store: PassengerStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly reservations: ReservationService,
    private readonly hits?: RecordHitsReader,
  ) {
    this.store = new PassengerStore(db);
  }

  async listFlights(actor: Actor, rawQuery: unknown) {
    requirePermission(actor, 'flights:read');
    const parsed = flightListQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalid('The flight filter is not valid', parsed.error.issues);
    const found = await this.store.listFlights(parsed.data, visibleJurisdictions(actor));
    const items = await withHitCounts(this.hits, actor, 'flight', found.items);
    return { items, total: found.total, page: parsed.data.page, pageSize: parsed.data.pageSize };
  }

  async getFlight(actor: Actor, id: string) {
    requirePermission(actor, 'travellers:read');
    const flight = await this.store.getFlight(id, visibleJurisdictions(actor));
    if (!flight) throw notFound('Flight', id);
    const travellers = await withHitCounts(this.hits, actor, 'traveller', await this.store.manifest(id));
    await this.access.auditBy(actor, {
      action: 'flight.read-manifest',
      entity: 'flight',
      entityId: id,
      details: { travellers: travellers.length },
    });
    return { flight, travellers };
  }

  async searchTravellers(actor: Actor, rawQuery: unknown) {
    requirePermission(actor, 'travellers:read');
    const parsed = travellerSearchSchema.safeParse(rawQuery);
    if (!parsed.success) throw invalid('The traveller search is not valid', parsed.error.issues);
    const search = parsed.data;
    // Phones and e-mails are known from reservations only: PNR data.
    if (search.phone || search.email)
      requirePnrClearance(actor, 'Searching travellers by phone or e-mail', [
        { field: search.phone ? 'phone' : 'email', in: 'query', message: 'needs PNR clearance' },
      ]);
    const found = await this.store.searchTravellers(search, visibleJurisdictions(actor));
    const { total } = found;
    const items = await withHitCounts(this.hits, actor, 'traveller', found.items);
    // Travellers booked in a reservation and on no passenger list, for PNR-cleared roles (PNR data).
    const booked = mayReadPnr(actor)
      ? await this.bookedWithHits(
          actor,
          await searchBookedTravellers(this.db, search, visibleJurisdictions(actor)),
        )
      : undefined;
    await this.access.auditBy(actor, {
      action: 'traveller.search',
      entity: 'traveller',
      details: {
        name: search.name,
        dob: search.dob,
        document: search.document,
        phone: search.phone,
        email: search.email,
        results: total,
        ...(booked ? { booked: booked.length } : {}),
      },
    });
    return { items, total, page: search.page, pageSize: search.pageSize, ...(booked ? { booked } : {}) };
  }

  /** Booked travellers with their reservation's hit counts. */
  private async bookedWithHits(actor: Actor, booked: BookedTraveller[]) {
    const counts = await this.hits?.counts(
      actor,
      'reservation',
      booked.map((b) => b.reservationId),
    );
    if (!counts) return booked;
    return booked.map((b) => ({
      ...b,
      openHits: counts.get(b.reservationId)?.open ?? 0,
      positiveHits: counts.get(b.reservationId)?.positive ?? 0,
    }));
  }

  async getTraveller(actor: Actor, id: string) {
    requirePermission(actor, 'travellers:read');
    const row = await this.store.getTraveller(id, visibleJurisdictions(actor));
    if (!row) throw notFound('Traveller', id);
    const [flights, messages, reservations, hits] = await Promise.all([
      this.store.flightsOfTraveller(id),
      this.store.messagesOfTraveller(id),
      this.reservations.ofTraveller(actor, id),
      this.hits?.of(actor, 'traveller', id),
    ]);
    await this.access.auditBy(actor, { action: 'traveller.read', entity: 'traveller', entityId: id });
    return {
      traveller: {
        ...toTravellerSummary(row),
        countryOfResidence: row.country_of_residence,
        placeOfBirth: row.place_of_birth,
        address: row.address as Record<string, string> | null,
        documents: row.documents as never,
        bags: row.bags as never,
        references: row.references,
        warnings: row.warnings as unknown as Issue[],
      },
      flights,
      messages,
      reservations,
      ...(hits ? { hits } : {}),
    };
  }
}
