import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, type Config } from '../config.js';

/**
 * The key that signs the audit chain. It is kept outside the database on purpose: someone who can
 * write to the database can then still not recompute the chain after changing or removing entries.
 */
export interface AuditKey {
  secret: Buffer;
  /** Identifies the key without revealing it (reports, checkpoints, the database's record). */
  fingerprint: string;
  /** Where it came from: "AUDIT_KEY", or the file. */
  source: string;
  /** Said once at start-up when the key's place deserves the operator's attention. */
  warning?: string;
}

const MINIMUM_KEY_LENGTH = 32;
export const AUDIT_KEY_FILE_NAME = 'audit.key';

export function auditKeyFromSecret(secret: string | Buffer, source: string): AuditKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return {
    secret: bytes,
    fingerprint: createHash('sha256')
      .update('interdict audit key fingerprint\n')
      .update(bytes)
      .digest('hex')
      .slice(0, 16),
    source,
  };
}

/** HMAC-SHA-256 under the audit key, hex. */
export function signWithAuditKey(key: AuditKey, ...parts: string[]): string {
  const hmac = createHmac('sha256', key.secret);
  parts.forEach((part, index) => {
    if (index > 0) hmac.update('\n');
    hmac.update(part);
  });
  return hmac.digest('hex');
}

function readKeyFile(path: string, variable: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new ConfigError([
      `${variable}=${JSON.stringify(path)}: cannot read the audit key file (${(error as Error).message})`,
    ]);
  }
  if (text.length < MINIMUM_KEY_LENGTH)
    throw new ConfigError([
      `${variable}=${JSON.stringify(path)}: the audit key must be at least ${MINIMUM_KEY_LENGTH} characters (it has ${text.length})`,
    ]);
  return Buffer.from(text, 'utf8');
}

/**
 * Creates the key file once: written under a temporary name and linked into place, so that two
 * processes starting together end up with the one key, never with a half-written file.
 */
function readOrCreateKeyFile(path: string): { secret: Buffer; created: boolean } {
  if (existsSync(path)) return { secret: readKeyFile(path, 'audit key file'), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600); // whatever the umask took off: the owner reads it, no one else
  try {
    linkSync(temporary, path);
    return { secret: readKeyFile(path, 'audit key file'), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: readKeyFile(path, 'audit key file'), created: false };
  } finally {
    unlinkSync(temporary);
  }
}

function groupOrOthersMayRead(path: string): boolean {
  return (statSync(path).mode & 0o077) !== 0;
}

/** The key of the in-memory databases of this process (DATA_DIR=memory://). */
let inMemoryKey: string | undefined;

/**
 * The audit key of this installation: AUDIT_KEY, else the file AUDIT_KEY_FILE, else `audit.key` in
 * the data directory, generated at the first start (mode 0600). With DATABASE_URL and no key given,
 * the generated file is used too, with a warning: every server, worker and command writing to that
 * database needs the same key, and the database refuses entries signed with another one.
 * `create: false` (checking the log) never makes a new key: it could not verify anything.
 */
export function loadAuditKey(config: Config, options: { create?: boolean } = {}): AuditKey {
  if (config.AUDIT_KEY && config.AUDIT_KEY_FILE)
    throw new ConfigError(['AUDIT_KEY and AUDIT_KEY_FILE: give one of them, not both']);
  if (config.AUDIT_KEY) return auditKeyFromSecret(config.AUDIT_KEY, 'AUDIT_KEY');
  if (config.AUDIT_KEY_FILE) {
    const key = auditKeyFromSecret(
      readKeyFile(config.AUDIT_KEY_FILE, 'AUDIT_KEY_FILE'),
      config.AUDIT_KEY_FILE,
    );
    return groupOrOthersMayRead(config.AUDIT_KEY_FILE)
      ? {
          ...key,
          warning: `the audit key file ${config.AUDIT_KEY_FILE} can be read by others than its owner (chmod 600 it)`,
        }
      : key;
  }
  if (config.DATA_DIR.startsWith('memory://')) {
    // An in-memory database lives as long as this process: so does its key, and no file is written.
    inMemoryKey ??= randomBytes(32).toString('base64url');
    return auditKeyFromSecret(inMemoryKey, 'memory://');
  }
  const path = join(config.DATA_DIR, AUDIT_KEY_FILE_NAME);
  if (options.create === false && !existsSync(path))
    throw new ConfigError([
      `AUDIT_KEY, AUDIT_KEY_FILE: neither is given, and there is no key file ${path} (the data directory's own key)`,
    ]);
  const { secret, created } = readOrCreateKeyFile(path);
  const key = auditKeyFromSecret(secret, path);
  if (config.DATABASE_URL)
    return {
      ...key,
      warning:
        `no AUDIT_KEY or AUDIT_KEY_FILE with DATABASE_URL: the audit log is signed with ${created ? 'a new key generated in' : 'the key in'} ${path} ` +
        `(fingerprint ${key.fingerprint}). Keep a copy of it away from the database server and give every server, ` +
        'worker and command of this installation the same key (AUDIT_KEY_FILE); entries signed with another key are refused.',
    };
  return groupOrOthersMayRead(path)
    ? { ...key, warning: `the audit key file ${path} can be read by others than its owner (chmod 600 it)` }
    : key;
}

/** Loads the key at its first use and keeps it: commands that write no audit entry need none. */
export function auditKeyLoader(config: Config): () => AuditKey {
  let key: AuditKey | undefined;
  return () => (key ??= loadAuditKey(config));
}
