import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import { reasonSchema, reservationListQuerySchema } from './reservation-service.js';

export function registerReservationRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { reservations } = services;
  const params = z.object({ id: z.uuid() });
  const tags = ['reservations'];

  api.get(
    '/api/v1/reservations',
    { schema: { tags, querystring: reservationListQuerySchema } },
    async (request) => reservations.list(actorOf(request), request.query),
  );
  api.get('/api/v1/reservations/:id', { schema: { tags, params } }, async (request) =>
    reservations.get(actorOf(request), request.params.id),
  );
  api.get(
    '/api/v1/reservations/:id/versions/:version',
    { schema: { tags, params: params.extend({ version: z.coerce.number().int().min(1) }) } },
    async (request) => reservations.getVersion(actorOf(request), request.params.id, request.params.version),
  );
  api.post(
    '/api/v1/reservations/:id/unmask',
    {
      schema: {
        tags,
        params,
        body: reasonSchema,
        summary: 'Read the sealed original of a depersonalised reservation',
      },
    },
    async (request) => reservations.unmask(actorOf(request), request.params.id, request.body),
  );
  api.put(
    '/api/v1/reservations/:id/hold',
    {
      schema: {
        tags,
        params,
        body: reasonSchema,
        summary: 'Keep the reservation beyond its retention period',
      },
    },
    async (request, reply) => {
      await reservations.setHold(actorOf(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  api.delete('/api/v1/reservations/:id/hold', { schema: { tags, params } }, async (request, reply) => {
    await reservations.setHold(actorOf(request), request.params.id, null);
    return reply.status(204).send();
  });
  api.post(
    '/api/v1/retention/run',
    { schema: { tags, body: z.object({ asOf: z.iso.date().optional() }).optional() } },
    async (request) => services.runRetention(actorOf(request), request.body?.asOf),
  );
  api.get(
    '/api/v1/retention/policy',
    {
      schema: {
        tags,
        summary: 'The retention periods in force (PNR_MASK_AFTER_MONTHS, PNR_DELETE_AFTER_YEARS)',
      },
    },
    async (request) => {
      actorOf(request);
      return services.retention.policyInForce();
    },
  );
  api.get(
    '/api/v1/retention/runs',
    { schema: { tags, summary: 'The latest retention runs, newest first' } },
    async (request) => ({ items: await services.retention.listRuns(actorOf(request)) }),
  );
}
