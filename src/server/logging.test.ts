import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_AUDIT_KEY } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { ConfigError, loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { createServices } from '../services.js';
import { buildApp } from './app.js';

/** Collects what the server writes to its log. */
class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
  get lines(): string[] {
    return this.text.split('\n').filter((line) => line.length > 0);
  }
  get records(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

describe('the server log', () => {
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await database?.close();
  });

  /** A server logging at `LOG_LEVEL` in `LOG_FORMAT` into a capture, with a route that fails. */
  async function serverLogging(settings: { LOG_LEVEL: string; LOG_FORMAT?: string }) {
    const config = loadConfig({ AUDIT_KEY: TEST_AUDIT_KEY, ...settings }, {});
    database = await databaseTargets[0]!.create();
    const capture = new LogCapture();
    app = await buildApp({
      config,
      services: createServices(database, config),
      webRoot: '/nonexistent',
      logDestination: capture,
    });
    app.get('/api/v1/test-failure', async () => {
      throw new Error('disk on fire');
    });
    return { app, capture };
  }

  it('writes no line per request at the default level, and keeps server errors as errors', async () => {
    const { app, capture } = await serverLogging({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    for (let request = 0; request < 5; request++)
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/nowhere' })).statusCode).toBe(404);
    expect(capture.lines).toEqual([]);

    expect((await app.inject({ method: 'GET', url: '/api/v1/test-failure' })).statusCode).toBe(500);
    const [failure, ...others] = capture.records;
    expect(others).toEqual([]);
    expect(failure).toMatchObject({
      level: LEVEL.error,
      msg: 'request failed',
      err: { message: 'disk on fire' },
    });
  });

  it('writes one debug line per request, with method, path, status and time, at LOG_LEVEL=debug', async () => {
    const { app, capture } = await serverLogging({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
    await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'trace-7' } });
    const requestLines = capture.records.filter((record) => record.reqId === 'trace-7');
    expect(requestLines).toEqual([
      expect.objectContaining({
        level: LEVEL.debug,
        method: 'GET',
        url: '/api/v1/health',
        statusCode: 200,
        responseTime: expect.any(Number),
        msg: expect.stringMatching(/^GET \/api\/v1\/health 200 [\d.]+ ms$/),
      }),
    ]);
  });

  it('is readable text by default, one line per event, never showing a credential', async () => {
    const { app, capture } = await serverLogging({ LOG_LEVEL: 'debug' });
    await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'trace-8', authorization: 'Bearer secret-token-value' },
    });
    const line = capture.lines.find((each) => each.includes('trace-8'));
    expect(line).toMatch(
      /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] DEBUG: GET \/api\/v1\/health 401 [\d.]+ ms · request trace-8$/,
    );
    expect(() => JSON.parse(line!)).toThrow();
    expect(capture.text).not.toContain('secret-token-value');
  });

  it('refuses an unknown log format, naming the key and the formats', () => {
    expect(() => loadConfig({}, { LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml".*pretty.*json/);
    expect(loadConfig({}, {}).LOG_FORMAT).toBe('pretty');
  });
});
