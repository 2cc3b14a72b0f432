import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { auditCheckpointPath } from './audit-checkpoint.js';
import { loadAuditKey } from './audit-key.js';

describe('audit key', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'interdict-audit-key-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const config = (values: Record<string, string>) => loadConfig({ DATA_DIR: folder, ...values }, {});

  it('takes AUDIT_KEY, and hides it when it is too short', () => {
    const key = loadAuditKey(config({ AUDIT_KEY: 'k'.repeat(40) }));
    expect(key).toMatchObject({ source: 'AUDIT_KEY', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(key.warning).toBeUndefined();
    expect(() => config({ AUDIT_KEY: 'short secret' })).toThrow(
      /AUDIT_KEY=\(hidden\): must be at least 32 characters/,
    );
  });

  it('takes AUDIT_KEY_FILE, refuses a short one, a missing one and both settings at once', () => {
    const file = join(folder, 'given.key');
    writeFileSync(file, `${'x'.repeat(48)}\n`, { mode: 0o600 });
    const fromFile = loadAuditKey(config({ AUDIT_KEY_FILE: file }));
    expect(fromFile).toMatchObject({
      source: file,
      fingerprint: loadAuditKey(config({ AUDIT_KEY: 'x'.repeat(48) })).fingerprint,
    });
    expect(fromFile.warning).toBeUndefined();

    writeFileSync(file, 'too short\n');
    expect(() => loadAuditKey(config({ AUDIT_KEY_FILE: file }))).toThrow(
      /at least 32 characters \(it has 9\)/,
    );
    expect(() => loadAuditKey(config({ AUDIT_KEY_FILE: join(folder, 'none.key') }))).toThrow(
      /AUDIT_KEY_FILE=.*none\.key.*cannot read the audit key file/,
    );
    expect(() => loadAuditKey(config({ AUDIT_KEY: 'k'.repeat(40), AUDIT_KEY_FILE: file }))).toThrow(
      ConfigError,
    );
  });

  it('warns about a key file that others may read', () => {
    const file = join(folder, 'open.key');
    writeFileSync(file, 'y'.repeat(40), { mode: 0o644 });
    expect(loadAuditKey(config({ AUDIT_KEY_FILE: file })).warning).toMatch(
      /can be read by others than its owner \(chmod 600 it\)/,
    );
  });

  it('keeps the key of an in-memory database in the process, writing no file', () => {
    const config = loadConfig({ DATA_DIR: 'memory://' }, {});
    const first = loadAuditKey(config);
    expect(loadAuditKey(config).fingerprint).toBe(first.fingerprint);
    expect(first.source).toBe('memory://');
    expect(auditCheckpointPath(config).startsWith(tmpdir())).toBe(true);
    expect(existsSync('memory:')).toBe(false);
  });

  it('makes a key in the data directory once, readable by its owner only', () => {
    const first = loadAuditKey(config({}));
    const path = join(folder, 'audit.key');
    expect(first.source).toBe(path);
    expect(first.warning).toBeUndefined();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(loadAuditKey(config({})).fingerprint).toBe(first.fingerprint);
  });

  it('warns with DATABASE_URL and no key given, and checking never makes a key', () => {
    expect(() => loadAuditKey(config({}), { create: false })).toThrow(
      /neither is given, and there is no key file .*audit\.key/,
    );
    const key = loadAuditKey(config({ DATABASE_URL: 'postgres://interdict@db.example/interdict' }));
    expect(key.warning).toMatch(/no AUDIT_KEY or AUDIT_KEY_FILE with DATABASE_URL: .*a new key generated in/);
    expect(key.warning).toContain(key.fingerprint);
    expect(loadAuditKey(config({}), { create: false }).fingerprint).toBe(key.fingerprint);
  });
});
