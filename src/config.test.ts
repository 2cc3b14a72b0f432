import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({}, {});
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lets flags override the environment', () => {
    const config = loadConfig({ PORT: 9000 }, { PORT: '8000', DATA_DIR: '/var/interdict' });
    expect(config.PORT).toBe(9000);
    expect(config.DATA_DIR).toBe('/var/interdict');
  });

  it('names the bad key', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({}, { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems.some((p) => p.startsWith('DATABASE_URL=(hidden)'))).toBe(true);
      expect(problems.some((p) => p.startsWith('LOG_LEVEL="loud"'))).toBe(true);
    }
  });

  it('refuses a short admin password', () => {
    expect(() => loadConfig({}, { INTERDICT_ADMIN_PASSWORD: 'short' })).toThrow(/INTERDICT_ADMIN_PASSWORD/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, and reads a comma-separated list of addresses and networks', () => {
    expect(loadConfig({}, {}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({}, { TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,fd00::/8 ,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      '::1',
    ]);
  });

  it('names a bad entry', () => {
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1,', '::1/129', '10.0.0.0/8/1', '*'])
      expect(() => loadConfig({}, { TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY=.*is not an IP address/);
  });
});
