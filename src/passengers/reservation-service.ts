import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import { mayReadPnr, requirePnrClearance } from '../access/pnr-visibility.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { invalid, notFound } from '../errors.js';
import type { PnrReservation } from './pnrgov-model.js';
import { diffReservations } from './reservation-diff.js';
import { reservationChecks } from './reservation-facts.js';
import { foldName } from './itinerary.js';
import { withHitCounts, type RecordHitsReader } from './model.js';
import { nameMatches } from './name-search.js';
import { parseLink, versionData } from './reservation-store.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const reservationListQuerySchema = z.object({
  flight: z.uuid().optional(),
  locator: z.string().trim().max(12).optional(),
  /** A booked traveller's name, in any script (PNR data: PNR-cleared roles only). */
  name: z
    .string()
    .trim()
    .max(200)
    .refine((name) => foldName(name).replace(/ /g, '').length >= 2, 'give two letters or more')
    .optional(),
  carrier: z.string().trim().max(3).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const reasonSchema = z.object({
  reason: z.string().trim().min(10, 'give a reason of at least 10 characters').max(2000),
});

type ReservationRow = {
  id: string;
  owning_carrier: string;
  record_locator: string;
  version: number;
  booked_at: string | null;
  first_departure_local: string | null;
  last_flight_date: string | null;
  traveller_count: number;
  facts: unknown;
  last_received_at: string;
  masked_at: string | null;
  hold_reason: string | null;
};

/** What every officer may know: that a reservation exists for a flight, not who is in it. */
function restrictedView(row: ReservationRow) {
  return {
    id: row.id,
    restricted: true as const,
    owningCarrier: row.owning_carrier,
    travellerCount: row.traveller_count,
    firstDepartureLocal: row.first_departure_local,
  };
}

function summaryView(row: ReservationRow) {
  return {
    id: row.id,
    restricted: false as const,
    recordLocator: row.record_locator,
    owningCarrier: row.owning_carrier,
    version: row.version,
    bookedAt: row.booked_at,
    firstDepartureLocal: row.first_departure_local,
    lastFlightDate: row.last_flight_date,
    travellerCount: row.traveller_count,
    facts: row.facts,
    lastReceivedAt: row.last_received_at,
    masked: row.masked_at !== null,
    maskedAt: row.masked_at,
    hold: row.hold_reason,
  };
}

/** Reservations as analysts see them; PNR data only for the roles the law allows, every read audited. */
export class ReservationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly hits?: RecordHitsReader,
  ) {}

  private base(actor: Actor) {
    const jurisdictions = visibleJurisdictions(actor);
    let query = this.db
      .selectFrom('reservations')
      .select([
        'id',
        'owning_carrier',
        'record_locator',
        'version',
        'booked_at',
        'first_departure_local',
        'last_flight_date',
        'traveller_count',
        'facts',
        'last_received_at',
        'masked_at',
        'hold_reason',
      ]);
    if (jurisdictions) query = query.where('jurisdiction_code', 'in', jurisdictions);
    return query;
  }

  async list(actor: Actor, rawQuery: unknown) {
    requirePermission(actor, 'flights:read');
    const parsed = reservationListQuerySchema.safeParse(rawQuery);
    if (!parsed.success) throw invalid('The reservation filter is not valid', parsed.error.issues);
    const q = parsed.data;
    const mayRead = mayReadPnr(actor);
    if (q.name)
      requirePnrClearance(actor, 'Searching reservations by a booked name', [
        { field: 'name', in: 'query', message: 'needs PNR clearance' },
      ]);
    let query = this.base(actor);
    if (q.flight)
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('reservation_flights').select('reservation_id').where('flight_id', '=', q.flight!),
      );
    if (q.locator && mayRead) query = query.where('record_locator', '=', q.locator.toUpperCase());
    if (q.carrier) query = query.where('owning_carrier', '=', q.carrier.toUpperCase());
    if (q.name) {
      const matches = nameMatches(sql.ref('rt.search_name'), q.name);
      query = query.where('id', 'in', (eb) => {
        let booked = eb.selectFrom('reservation_travellers as rt').select('rt.reservation_id');
        for (const match of matches) booked = booked.where(match);
        return booked;
      });
    }
    if (q.from) query = query.where(sql<string>`first_departure_local::date`, '>=', q.from);
    if (q.to) query = query.where(sql<string>`first_departure_local::date`, '<=', q.to);
    const [rows, total] = await Promise.all([
      query
        .orderBy('first_departure_local', 'desc')
        .orderBy('id')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    if (mayRead)
      await this.access.auditBy(actor, {
        action: 'reservation.list',
        entity: 'reservation',
        details: { ...q, results: Number(total.n) },
      });
    return {
      items: await withHitCounts(
        this.hits,
        actor,
        'reservation',
        rows.map((row) => (mayRead ? summaryView(row) : restrictedView(row))),
      ),
      total: Number(total.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async row(actor: Actor, id: string) {
    const row = await this.base(actor).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Reservation', id);
    return row;
  }

  async get(actor: Actor, id: string) {
    requirePermission(actor, 'flights:read');
    const row = await this.row(actor, id);
    const hits = await this.hits?.of(actor, 'reservation', id);
    const hitsView = hits ? { hits } : {};
    if (!mayReadPnr(actor)) return { reservation: restrictedView(row), ...hitsView };
    const versions = await this.db
      .selectFrom('reservation_versions')
      .select(['version', 'received_at', 'message_id', 'data'])
      .where('reservation_id', '=', id)
      .orderBy('version')
      .execute();
    const travellers = await this.db
      .selectFrom('reservation_travellers')
      .select(['sequence', 'traveller_id'])
      .where('reservation_id', '=', id)
      .orderBy('sequence')
      .execute();
    const flights = await this.db
      .selectFrom('reservation_flights')
      .select('flight_id')
      .where('reservation_id', '=', id)
      .execute();
    const coTravellers = await sql<{ reservation_id: string; record_locator: string; link: string }>`
      -- Reservations whose links overlap this one's (the GIN index on links), with each shared link.
      select other.id as reservation_id, other.record_locator, link
      from reservations mine
      join reservations other on other.links && mine.links and other.id <> mine.id
      cross join lateral unnest(other.links) link
      where mine.id = ${id} and link = any(mine.links)
      order by other.record_locator, link limit 100`.execute(this.db);
    await this.access.auditBy(actor, { action: 'reservation.read', entity: 'reservation', entityId: id });
    const data = versions.map((version) => versionData(version.data));
    const current = data.at(-1);
    return {
      reservation: { ...summaryView(row), data: current ?? null },
      // Ages and codes outside the reference lists, from the current version (reservation-facts.ts).
      checks: current ? reservationChecks(current, new Date()) : null,
      versions: versions.map((version, index) => ({
        version: version.version,
        receivedAt: version.received_at,
        messageId: version.message_id,
        changes: index === 0 ? [] : diffReservations(data[index - 1]!, data[index]!),
      })),
      travellerLinks: travellers.map((t) => ({ sequence: t.sequence, travellerId: t.traveller_id })),
      flights: flights.map((f) => f.flight_id),
      coTravellers: coTravellers.rows.map((c) => {
        const { kind, value } = parseLink(c.link);
        return { reservationId: c.reservation_id, recordLocator: c.record_locator, sharedBy: kind, value };
      }),
      ...hitsView,
    };
  }

  async getVersion(actor: Actor, id: string, version: number) {
    requirePnrClearance(actor, 'A version of a reservation');
    await this.row(actor, id);
    const found = await this.db
      .selectFrom('reservation_versions')
      .select(['version', 'received_at', 'data'])
      .where('reservation_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!found) throw notFound(`Version ${version} of reservation`, id);
    await this.access.auditBy(actor, {
      action: 'reservation.read-version',
      entity: 'reservation',
      entityId: id,
      details: { version },
    });
    const data = versionData(found.data);
    return {
      version: found.version,
      receivedAt: found.received_at,
      data,
      checks: reservationChecks(data, new Date()),
    };
  }

  /** The sealed original of a depersonalised reservation: a role, a written reason, and an audit entry. */
  async unmask(actor: Actor, id: string, input: unknown) {
    requirePermission(actor, 'pnr:unmask');
    const parsed = reasonSchema.safeParse(input);
    if (!parsed.success) throw invalid('Unmasking needs a reason', parsed.error.issues);
    const row = await this.row(actor, id);
    if (!row.masked_at) throw invalid('This reservation is not depersonalised: open it as usual');
    const sealed = await this.db
      .selectFrom('reservation_sealed')
      .select(['version', 'data'])
      .where('reservation_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    await this.access.auditBy(actor, {
      action: 'reservation.unmask',
      entity: 'reservation',
      entityId: id,
      reason: parsed.data.reason,
    });
    return {
      id,
      versions: sealed.map((s) => {
        const data = s.data as PnrReservation;
        return { version: s.version, data, checks: reservationChecks(data, new Date()) };
      }),
    };
  }

  async setHold(actor: Actor, id: string, input: unknown | null) {
    requirePermission(actor, 'pnr:hold');
    await this.row(actor, id);
    if (input === null) {
      await this.db
        .updateTable('reservations')
        .set({ hold_reason: null, hold_by: null, hold_at: null })
        .where('id', '=', id)
        .execute();
      await this.access.auditBy(actor, {
        action: 'reservation.release-hold',
        entity: 'reservation',
        entityId: id,
      });
      return;
    }
    const parsed = reasonSchema.safeParse(input);
    if (!parsed.success)
      throw invalid('Keeping a reservation beyond its retention needs a reason', parsed.error.issues);
    await this.db
      .updateTable('reservations')
      .set({ hold_reason: parsed.data.reason, hold_by: actor.name, hold_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await this.access.auditBy(actor, {
      action: 'reservation.hold',
      entity: 'reservation',
      entityId: id,
      reason: parsed.data.reason,
    });
  }

  /** Reservations of an API traveller, for the traveller page. */
  async ofTraveller(actor: Actor, travellerId: string) {
    const rows = await this.base(actor)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('reservation_travellers')
          .select('reservation_id')
          .where('traveller_id', '=', travellerId),
      )
      .execute();
    return withHitCounts(
      this.hits,
      actor,
      'reservation',
      rows.map((row) => (mayReadPnr(actor) ? summaryView(row) : restrictedView(row))),
    );
  }
}
