import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import { bookedTravellerSchema } from './booked-travellers.js';
import type { Services } from '../services.js';
import {
  flightListQuerySchema,
  flightSummarySchema,
  page,
  recordHitSchema,
  travellerDetailSchema,
  travellerSearchSchema,
  travellerSummarySchema,
} from './model.js';

export function registerPassengerRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { passengers } = services;
  const idParams = z.object({ id: z.uuid() });

  api.get(
    '/api/v1/flights',
    {
      schema: {
        tags: ['flights'],
        querystring: flightListQuerySchema,
        response: { 200: page(flightSummarySchema) },
      },
    },
    async (request) => passengers.listFlights(actorOf(request), request.query),
  );

  api.get(
    '/api/v1/flights/:id',
    {
      schema: {
        tags: ['flights'],
        params: idParams,
        response: {
          200: z.object({ flight: flightSummarySchema, travellers: z.array(travellerSummarySchema) }),
        },
      },
    },
    async (request) => passengers.getFlight(actorOf(request), request.params.id),
  );

  api.get(
    '/api/v1/travellers',
    {
      schema: {
        tags: ['travellers'],
        querystring: travellerSearchSchema,
        response: {
          200: page(travellerSummarySchema.extend({ flight: flightSummarySchema })).extend({
            /** Booked in a reservation, on no passenger list: PNR-cleared roles only. */
            booked: z.array(bookedTravellerSchema).optional(),
          }),
        },
      },
    },
    async (request) => passengers.searchTravellers(actorOf(request), request.query),
  );

  api.get(
    '/api/v1/travellers/:id',
    {
      schema: {
        tags: ['travellers'],
        params: idParams,
        response: {
          200: z.object({
            traveller: travellerDetailSchema,
            flights: z.array(flightSummarySchema),
            messages: z.array(
              z.object({ id: z.string(), filename: z.string().nullable(), receivedAt: z.string() }),
            ),
            reservations: z.array(z.record(z.string(), z.unknown())),
            hits: z.array(recordHitSchema).optional(),
          }),
        },
      },
    },
    async (request) => passengers.getTraveller(actorOf(request), request.params.id),
  );
}
