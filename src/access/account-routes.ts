import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../server/auth.js';
import type { Services } from '../services.js';
import {
  changePasswordSchema,
  passwordResetResultSchema,
  passwordResetSchema,
  updateUserSchema,
  userViewSchema,
} from './model.js';

/** A user's own password, and an administrator's changes to accounts. */
export function registerAccountRoutes(
  app: FastifyInstance,
  services: Services,
  attemptsPerMinute: number,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const accounts = services.access.accounts;
  // The current password is a secret being typed: tried no faster than signing in.
  const limited = { rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' } };

  api.post(
    '/api/v1/auth/password',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions end',
        body: changePasswordSchema,
        response: { 200: z.object({ user: userViewSchema, otherSessionsEnded: z.number().int() }) },
      },
    },
    async (request) => {
      actorOf(request);
      const auth = request.auth!;
      return accounts.changeOwnPassword(
        { actor: auth.actor, userId: auth.userId, sessionId: auth.sessionId },
        request.body,
      );
    },
  );

  const byId = z.object({ id: z.uuid() });

  api.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: "Change a user's name, unit or roles, or disable or enable the account",
        params: byId,
        body: updateUserSchema,
        response: { 200: userViewSchema },
      },
    },
    async (request) => accounts.updateUser(actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/v1/users/:id/password-reset',
    {
      schema: {
        tags: ['access'],
        summary: 'Give a user a temporary password, to be replaced at their next sign-in',
        params: byId,
        body: passwordResetSchema.optional(),
        response: { 200: passwordResetResultSchema },
      },
    },
    async (request) => accounts.resetPassword(actorOf(request), request.params.id, request.body ?? {}),
  );
}
