import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import { jobRetrySchema, jobsOverviewSchema } from './jobs.js';

/** The screening queue for administrators: counts, dead jobs, retry. */
export function registerJobRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { jobs } = services.targeting;
  const tags = ['admin'];
  api.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Screening jobs by state, and the dead ones with their last error',
        response: { 200: jobsOverviewSchema },
      },
    },
    async (request) => jobs.overview(actorOf(request)),
  );
  api.post(
    '/api/v1/admin/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Sends a dead screening job back to the queue with its attempts reset',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: jobRetrySchema },
      },
    },
    async (request) => jobs.retry(actorOf(request), request.params.id),
  );
}
