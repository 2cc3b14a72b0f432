import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerReferenceRoutes } from '../access/reference.js';
import { registerAccessRoutes } from '../access/routes.js';
import type { Config } from '../config.js';
import { registerMessageRoutes } from '../messages/routes.js';
import { registerReservationRoutes } from '../passengers/reservation-routes.js';
import { registerPassengerRoutes } from '../passengers/routes.js';
import { registerWatchlistRoutes } from '../watchlists/routes.js';
import { registerTargetingRoutes } from '../targeting/routes.js';
import { registerJobRoutes } from '../jobs/index.js';
import type { Services } from '../services.js';
import { registerAuthentication } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { databaseRateLimitStore, RateLimitCounts } from './rate-limit-store.js';
import { loggerOptions, type LogDestination } from './logging.js';
import { registerSecurityHeaders } from './security-headers.js';
import { inputGuards } from './input-guards.js';

const webRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface BuildAppOptions {
  config: Config;
  services: Services;
  /** Where the built web UI is; defaults to dist/web of this checkout. */
  webRoot?: string;
  logger?: boolean;
  /** Where log lines are written; standard output by default. */
  logDestination?: LogDestination;
}

export async function buildApp({ config, services, ...options }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger === false ? { logger: false } : loggerOptions(config, options.logDestination)),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.MAX_MESSAGE_MB * 1024 * 1024,
    // Forwarded headers are believed only from the configured proxies: anyone else could choose the
    // address its sign-in attempts are counted under, and say that plain HTTP was HTTPS.
    trustProxy: config.TRUST_PROXY.length > 0 ? [...config.TRUST_PROXY] : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app);
  registerErrorHandling(app);
  await app.register(inputGuards);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.MAX_MESSAGE_MB * 1024 * 1024, files: 200 },
  });
  // Counted in the database: a limit holds whichever server behind the load balancer is asked.
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(new RateLimitCounts(services.database.db)),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Interdict API',
        version: '1',
        description: 'Targeting, interdiction, seizures and exchange for inter-agency border units.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'interdict_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, services);
  app.get('/api/v1/health', { schema: { tags: ['system'] } }, async () => ({
    status: 'ok',
    database: services.database.kind,
  }));
  registerAccessRoutes(app, services, {
    cookieSecure: config.COOKIE_SECURE,
    loginAttemptsPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE,
  });
  registerReferenceRoutes(app, services);
  registerMessageRoutes(app, services);
  registerPassengerRoutes(app, services);
  registerReservationRoutes(app, services);
  registerWatchlistRoutes(app, services);
  registerTargetingRoutes(app, services);
  registerJobRoutes(app, services.jobs);

  const root = options.webRoot ?? webRoot;
  if (existsSync(root)) {
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false });
    // The web app routes in the browser: any other non-API path gets its page.
    app.get('/*', async (request, reply) => {
      // A missing script or asset must be a 404, not the page: a stale page would load HTML as JavaScript.
      const path = request.url.split('?')[0]!;
      if (path.startsWith('/api/') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path))
        return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
