import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import { codeBodySchema, secondFactorSetupSchema, secondFactorStatusSchema } from './second-factor.js';
import { requirePermission } from './service.js';

/** The signed-in user's own second factor, and an administrator's removal of a user's. */
export function registerSecondFactorRoutes(
  app: FastifyInstance,
  services: Services,
  attemptsPerMinute: number,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const factors = services.access.secondFactors;
  const tags = ['auth'];
  // Codes are six digits: trying them is limited as signing in is.
  const limited = { rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' } };

  api.get(
    '/api/v1/auth/second-factor',
    { schema: { tags, response: { 200: secondFactorStatusSchema } } },
    async (request) => factors.status(actorOf(request)),
  );

  api.post(
    '/api/v1/auth/second-factor/setup',
    { schema: { tags, response: { 200: secondFactorSetupSchema } } },
    async (request) => factors.setUp(actorOf(request)),
  );

  api.post(
    '/api/v1/auth/second-factor/enable',
    { config: limited, schema: { tags, body: codeBodySchema, response: { 200: secondFactorStatusSchema } } },
    async (request) => factors.enable(actorOf(request), request.body.code),
  );

  api.post(
    '/api/v1/auth/second-factor/disable',
    { config: limited, schema: { tags, body: codeBodySchema, response: { 200: secondFactorStatusSchema } } },
    async (request) => factors.disable(actorOf(request), request.body.code),
  );

  api.delete(
    '/api/v1/users/:id/second-factor',
    { schema: { tags: ['access'], params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const admin = requirePermission(actorOf(request), 'users:manage');
      await factors.remove(admin, request.params.id);
      return reply.status(204).send();
    },
  );
}
