import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import { jobRetrySchema, jobsOverviewSchema, type JobService } from './service.js';

/** The job queue for administrators: counts, dead jobs, retry. */
export function registerJobRoutes(app: FastifyInstance, jobs: JobService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  api.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags,
        summary: 'Jobs by state, and the dead ones with their last error',
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
        summary: 'Sends a dead job back to the queue with its attempts reset',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: jobRetrySchema },
      },
    },
    async (request) => jobs.retry(actorOf(request), request.params.id),
  );
}
