import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.js';
import type { DatabaseHandle } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { createServices, type Services } from '../src/services.js';

export const ADMIN_PASSWORD = 'correct horse battery staple';
export const TEST_AUDIT_KEY = 'audit key of the tests, not a secret at all';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  config: Config;
  /** Signs in and returns the headers a browser would send afterwards (cookie and CSRF token). */
  signIn(username?: string, password?: string): Promise<Record<string, string>>;
  /** A bearer token header for a new API token with this role. */
  tokenFor(role: string, unitCode?: string): Promise<Record<string, string>>;
  createUser(username: string, roles: string[], unitCode?: string): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(
  database: DatabaseHandle,
  overrides: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestApp> {
  // The sample messages are years old: tests take them in as they are unless a test sets the
  // retention on arrival (PNR_ACCEPT_EXPIRED: 'false').
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      PNR_ACCEPT_EXPIRED: 'true',
      // A fixed audit key, rather than one made in ./data by the first test.
      ...(overrides.AUDIT_KEY_FILE ? {} : { AUDIT_KEY: TEST_AUDIT_KEY }),
      ...overrides,
    },
    {},
  );
  const services = createServices(database, config, options.now);
  await services.access.bootstrap(ADMIN_PASSWORD);
  const app = await buildApp({ config, services, logger: false, webRoot: '/nonexistent' });
  await app.ready();
  const unitId = async (code: string) =>
    (await services.access.store.listUnits()).find((u) => u.code === code)!.id;

  const signIn = async (username = 'admin', password = ADMIN_PASSWORD) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'interdict_session')!;
    return {
      cookie: `interdict_session=${cookie.value}`,
      'x-csrf-token': response.json().csrfToken as string,
    };
  };

  return {
    app,
    services,
    config,
    signIn,
    async tokenFor(role, unitCode = 'BA-PIU') {
      const created = await services.access.createToken(undefined, {
        name: `${role} test`,
        role,
        unitId: await unitId(unitCode),
      });
      return { authorization: `Bearer ${created.token}` };
    },
    async createUser(username, roles, unitCode = 'BA-SJJ-JAITF') {
      await services.access.createUser(undefined, {
        username,
        displayName: username,
        password: ADMIN_PASSWORD,
        unitId: await unitId(unitCode),
        roles,
      });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const json = <T = unknown>(response: LightMyRequestResponse): T => response.json() as T;
