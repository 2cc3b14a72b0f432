import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { conflict, invalid, notFound } from '../errors.js';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import type { Actor } from './model.js';
import { requirePermission, type AccessService } from './service.js';

const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only');
const jurisdictionCode = z.string().length(2).toUpperCase();

const agencyInput = z.object({
  code,
  name: z.string().trim().min(2).max(200),
  kind: z.string().trim().min(2).max(60),
  jurisdictionCode,
});
const locationInput = z.object({
  code,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(['airport', 'seaport', 'land-crossing', 'office']),
  iataCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'three capital letters')
    .nullable()
    .optional(),
  unLocode: z
    .string()
    .regex(/^[A-Z]{2}[A-Z0-9]{3}$/, 'five characters, country first')
    .nullable()
    .optional(),
  jurisdictionCode,
});
const unitInput = z.object({
  code,
  name: z.string().trim().min(2).max(200),
  kind: z.string().trim().min(2).max(20),
  agencyId: z.uuid(),
  locationId: z.uuid(),
});
const jurisdictionUpdate = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  note: z.string().max(1000).nullable().optional(),
});

type Kind = 'agencies' | 'locations' | 'units';

/** Rows leave the API in the same camelCase as every other resource. */
const camelCase = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  );

/** Administrators keep the reference data (agencies, locations, units) up to date; every change is audited. */
export class ReferenceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
  ) {}

  private async checkJurisdiction(code: string) {
    const found = await this.db
      .selectFrom('jurisdictions')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!found) throw invalid(`Jurisdiction ${code} does not exist`);
  }

  private async row(kind: Kind, input: Record<string, unknown>) {
    if (kind === 'agencies') {
      const a = input as z.infer<typeof agencyInput>;
      await this.checkJurisdiction(a.jurisdictionCode);
      return { code: a.code, name: a.name, kind: a.kind, jurisdiction_code: a.jurisdictionCode };
    }
    if (kind === 'locations') {
      const l = input as z.infer<typeof locationInput>;
      await this.checkJurisdiction(l.jurisdictionCode);
      return {
        code: l.code,
        name: l.name,
        kind: l.kind,
        iata_code: l.iataCode ?? null,
        un_locode: l.unLocode ?? null,
        jurisdiction_code: l.jurisdictionCode,
      };
    }
    const u = input as z.infer<typeof unitInput>;
    const agency = await this.db
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', u.agencyId)
      .executeTakeFirst();
    const location = await this.db
      .selectFrom('locations')
      .select('id')
      .where('id', '=', u.locationId)
      .executeTakeFirst();
    if (!agency) throw invalid(`Agency ${u.agencyId} does not exist`);
    if (!location) throw invalid(`Location ${u.locationId} does not exist`);
    return { code: u.code, name: u.name, kind: u.kind, agency_id: u.agencyId, location_id: u.locationId };
  }

  async save(actor: Actor, kind: Kind, input: Record<string, unknown>, id?: string) {
    requirePermission(actor, 'reference:write');
    const values = await this.row(kind, input);
    const clash = await this.db
      .selectFrom(kind)
      .select('id')
      .where('code', '=', values.code)
      .executeTakeFirst();
    if (clash && clash.id !== id) throw conflict(`${values.code} is already used`);
    const saved = id
      ? await this.db
          .updateTable(kind)
          .set(values as never)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
      : await this.db
          .insertInto(kind)
          .values(values as never)
          .returningAll()
          .executeTakeFirstOrThrow();
    if (!saved) throw notFound(kind.slice(0, -1), id);
    await this.access.auditBy(actor, {
      action: `${kind}.${id ? 'update' : 'create'}`,
      entity: kind,
      entityId: saved.id,
      details: values,
    });
    return camelCase(saved);
  }

  async updateJurisdiction(actor: Actor, jurisdiction: string, input: z.infer<typeof jurisdictionUpdate>) {
    requirePermission(actor, 'reference:write');
    const saved = await this.db
      .updateTable('jurisdictions')
      .set(input)
      .where('code', '=', jurisdiction)
      .returningAll()
      .executeTakeFirst();
    if (!saved) throw notFound('Jurisdiction', jurisdiction);
    await this.access.auditBy(actor, {
      action: 'jurisdictions.update',
      entity: 'jurisdictions',
      entityId: jurisdiction,
      details: input,
    });
    return saved;
  }
}

export function registerReferenceRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const reference = new ReferenceService(services.database.db, services.access);
  const record = z.record(z.string(), z.unknown());
  const inputs = { agencies: agencyInput, locations: locationInput, units: unitInput } as const;
  for (const kind of Object.keys(inputs) as Kind[]) {
    const body = inputs[kind];
    api.post(
      `/api/v1/reference/${kind}`,
      { schema: { tags: ['reference'], body, response: { 201: record } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(await reference.save(actorOf(request), kind, request.body as Record<string, unknown>)),
    );
    api.patch(
      `/api/v1/reference/${kind}/:id`,
      {
        schema: { tags: ['reference'], params: z.object({ id: z.uuid() }), body, response: { 200: record } },
      },
      async (request) =>
        reference.save(actorOf(request), kind, request.body as Record<string, unknown>, request.params.id),
    );
  }
  api.patch(
    '/api/v1/reference/jurisdictions/:code',
    {
      schema: {
        tags: ['reference'],
        params: z.object({ code: jurisdictionCode }),
        body: jurisdictionUpdate,
        response: { 200: record },
      },
    },
    async (request) => reference.updateJurisdiction(actorOf(request), request.params.code, request.body),
  );
}
