import type { FastifyInstance } from 'fastify';

/**
 * The web app's policy: its scripts, styles and requests come from this server only (Vite builds
 * no inline script), its icon is a data: URL, and no other site may frame it (clickjacking).
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (at /api/docs) sets styles inline as it renders; its scripts are files of its own. */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FIXED_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** Security headers on every response: API, web pages and assets, errors and not-found answers. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.headers(FIXED_HEADERS);
    const docs = request.url === '/api/docs' || request.url.startsWith('/api/docs/');
    reply.header(
      'content-security-policy',
      docs ? DOCS_CONTENT_SECURITY_POLICY : APP_CONTENT_SECURITY_POLICY,
    );
  });
}
