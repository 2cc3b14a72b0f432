import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { passwordChangeRequired } from '../access/accounts.js';
import type { Actor } from '../access/model.js';
import type { AuthenticatedRequest } from '../access/service.js';
import { AppError, unauthorized } from '../errors.js';
import type { Services } from '../services.js';

export const SESSION_COOKIE = 'interdict_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthenticatedRequest;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** All a user who must replace an administrator's password may do until they have. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

function refuseUntilPasswordChanged(request: FastifyRequest, auth: AuthenticatedRequest): void {
  if (!auth.mustChangePassword) return;
  if (ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) return;
  throw passwordChangeRequired();
}

/**
 * Resolves who is calling: a bearer token (scripts, airlines) or the session cookie (browsers).
 * Cookie-authenticated unsafe requests must repeat the session's CSRF token in `x-csrf-token`,
 * which a page of another site cannot read. A user whose password was given by an administrator
 * may only change it (and sign out) until they have.
 */
export function registerAuthentication(app: FastifyInstance, services: Services): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      const auth = await services.access.authenticateToken(header.slice(7).trim());
      if (!auth) throw new AppError(401, 'invalid_token', 'The API token is not valid or was revoked');
      refuseUntilPasswordChanged(request, auth);
      request.auth = auth;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const auth = await services.access.authenticateSession(cookie);
    if (!auth) return;
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== auth.csrfToken)
      throw new AppError(403, 'csrf', 'The request lacks the x-csrf-token header of this session');
    refuseUntilPasswordChanged(request, auth);
    request.auth = auth;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw unauthorized();
  return request.auth.actor;
}

/**
 * A session cookie is Secure when COOKIE_SECURE says so, or when the request came over HTTPS:
 * on this server's own TLS, or through a proxy of TRUST_PROXY that says so (X-Forwarded-Proto).
 */
export function cookieSecureFor(request: FastifyRequest, configured: boolean): boolean {
  return configured || request.protocol === 'https';
}

export function setSessionCookie(
  reply: FastifyReply,
  secret: string,
  expiresAt: string,
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}
