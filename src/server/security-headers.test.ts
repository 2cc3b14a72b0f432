import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { createServices } from '../services.js';
import { buildApp } from './app.js';

function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
  const policy = String(response.headers['content-security-policy']);
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("object-src 'none'");
  expect(policy, what).toMatch(/script-src 'self'(;|$)/);
  return policy;
}

describe('security headers', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const webRoot = mkdtempSync(join(tmpdir(), 'interdict-web-'));
  beforeAll(async () => {
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {};');
    database = await databaseTargets[0]!.create();
    const config = loadConfig({ LOG_LEVEL: 'silent' }, {});
    app = await buildApp({ config, services: createServices(database, config), logger: false, webRoot });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('go with every answer: API, errors, web pages and their files', async () => {
    const answers = {
      health: await app.inject({ method: 'GET', url: '/api/v1/health' }),
      unauthorised: await app.inject({ method: 'GET', url: '/api/v1/users' }),
      missingRoute: await app.inject({ method: 'GET', url: '/api/v1/nowhere' }),
      invalidBody: await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} }),
      page: await app.inject({ method: 'GET', url: '/' }),
      deepLink: await app.inject({ method: 'GET', url: '/targeting/queue' }),
      script: await app.inject({ method: 'GET', url: '/assets/app.js' }),
      missingAsset: await app.inject({ method: 'GET', url: '/assets/gone.js' }),
    };
    expect(answers.page.statusCode).toBe(200);
    expect(answers.script.statusCode).toBe(200);
    for (const [what, response] of Object.entries(answers)) {
      const policy = expectSecurityHeaders(response, what);
      // The web app's policy allows no inline style or script.
      expect(policy, what).not.toContain('unsafe-inline');
    }
  });

  it('give the API documentation a policy its page works under', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const policy = expectSecurityHeaders(page, 'docs');
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    // Swagger UI loads its scripts from files only: a policy without inline scripts is enough.
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/\bsrc="/);
    const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expectSecurityHeaders(initializer, 'docs script');
  });
});

describe('the session cookie', () => {
  let t: TestApp;
  afterEach(() => t.close());
  const signIn = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
  const sessionCookie = (response: LightMyRequestResponse) => {
    expect(response.statusCode).toBe(200);
    return response.cookies.find((cookie) => cookie.name === 'interdict_session')!;
  };

  it('is Secure when a trusted proxy says the request came over HTTPS', async () => {
    t = await createTestApp(await databaseTargets[0]!.create(), { TRUST_PROXY: '127.0.0.1' });
    const overHttps = sessionCookie(await signIn({ 'x-forwarded-proto': 'https' }));
    expect(overHttps.secure).toBe(true);
    expect(overHttps).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(sessionCookie(await signIn({ 'x-forwarded-proto': 'http' })).secure).toBeFalsy();
  });

  it('believes X-Forwarded-Proto from nobody else', async () => {
    t = await createTestApp(await databaseTargets[0]!.create(), { TRUST_PROXY: '10.0.0.0/8' });
    expect(sessionCookie(await signIn({ 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is Secure always with COOKIE_SECURE=true', async () => {
    t = await createTestApp(await databaseTargets[0]!.create(), { COOKIE_SECURE: 'true' });
    expect(sessionCookie(await signIn({})).secure).toBe(true);
  });
});
