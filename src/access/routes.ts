import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, cookieSecureFor, SESSION_COOKIE, setSessionCookie } from '../server/auth.js';
import type { Services } from '../services.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerSecondFactorRoutes } from './second-factor-routes.js';
import { requirePermission } from './service.js';
import {
  createTokenSchema,
  createUserSchema,
  loginSchema,
  sessionViewSchema,
  tokenRequestSchema,
  tokenViewSchema,
  userViewSchema,
} from './model.js';

export interface AccessRouteOptions {
  cookieSecure: boolean;
  loginAttemptsPerMinute: number;
}

export function registerAccessRoutes(
  app: FastifyInstance,
  services: Services,
  options: AccessRouteOptions,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { access } = services;
  const loginLimit = { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: '1 minute' } };

  api.post(
    '/api/v1/auth/login',
    {
      config: loginLimit,
      schema: { tags: ['auth'], body: loginSchema, response: { 200: sessionViewSchema } },
    },
    async (request, reply) => {
      const { username, password, code } = request.body;
      const signedIn = await access.login(username, password, code);
      setSessionCookie(
        reply,
        signedIn.sessionSecret,
        signedIn.expiresAt,
        cookieSecureFor(request, options.cookieSecure),
      );
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  );

  api.get(
    '/api/v1/auth/session',
    { schema: { tags: ['auth'], response: { 200: sessionViewSchema } } },
    async (request) => {
      const user = await access.currentUser(actorOf(request));
      return { user, csrfToken: request.auth!.csrfToken ?? '' };
    },
  );

  api.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const auth = request.auth;
    if (auth?.sessionId) await access.logout(auth.sessionId, auth.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.post(
    '/api/v1/auth/token',
    {
      config: loginLimit,
      schema: {
        tags: ['auth'],
        body: tokenRequestSchema,
        response: { 201: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { username, password, name, code } = request.body;
      return reply.status(201).send(await access.issueTokenForUser(username, password, name, code));
    },
  );

  registerSecondFactorRoutes(app, services, options.loginAttemptsPerMinute);
  registerAccountRoutes(app, services, options.loginAttemptsPerMinute);

  api.get(
    '/api/v1/users',
    { schema: { tags: ['access'], response: { 200: z.object({ items: z.array(userViewSchema) }) } } },
    async (request) => ({
      items: await access.listUsers(actorOf(request)),
    }),
  );

  api.post(
    '/api/v1/users',
    { schema: { tags: ['access'], body: createUserSchema, response: { 201: userViewSchema } } },
    async (request, reply) => reply.status(201).send(await access.createUser(actorOf(request), request.body)),
  );

  api.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        tags: ['access'],
        summary: 'Lift the lock of an account after failed sign-ins',
        params: z.object({ id: z.uuid() }),
        response: { 200: userViewSchema },
      },
    },
    async (request) => access.unlockUser(actorOf(request), request.params.id),
  );

  api.get(
    '/api/v1/tokens',
    { schema: { tags: ['access'], response: { 200: z.object({ items: z.array(tokenViewSchema) }) } } },
    async (request) => ({
      items: await access.listTokens(actorOf(request)),
    }),
  );

  api.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['access'],
        body: createTokenSchema,
        response: { 201: tokenViewSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await access.createToken(actorOf(request), request.body)),
  );

  api.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['access'], params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      await access.revokeToken(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  const referenceItems = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
  const reference = {
    jurisdictions: access.store.listJurisdictions,
    agencies: access.store.listAgencies,
    locations: access.store.listLocations,
    units: access.store.listUnits,
  };
  for (const [kind, list] of Object.entries(reference)) {
    api.get(
      `/api/v1/reference/${kind}`,
      { schema: { tags: ['reference'], response: { 200: referenceItems } } },
      async (request) => {
        requirePermission(actorOf(request), 'reference:read');
        return { items: await list() };
      },
    );
  }
}
