import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { signWithAuditKey, type AuditKey } from './audit-key.js';

export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 7_340_215_002;

/** JSON with sorted keys: jsonb does not keep key order, and the hash must be reproducible. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedFields {
  sequence: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** The hash of the entries written before the chain had a key: plain SHA-256, anyone can recompute it. */
export function auditHash(previousHash: string, fields: HashedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** The hash of a keyed entry: an HMAC over the same input, which only the holder of the key can compute. */
export function signedAuditHash(key: AuditKey, previousHash: string, fields: HashedFields): string {
  return signWithAuditKey(key, previousHash, canonicalJson(fields));
}

export interface AuditHead {
  sequence: number;
  hash: string;
}

/**
 * Appends to the hash-chained audit log. Each entry's hash is an HMAC under the audit key over the
 * previous hash and the entry, so removing or changing an entry breaks the chain and cannot be
 * repaired without the key. Appends are serialised by an advisory lock; the sequence number follows
 * the last one (a trigger refuses any other), so that a gap means a deletion.
 */
export async function appendAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  key: AuditKey,
): Promise<AuditHead> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    await checkChainKey(trx, key);
    const last = await trx
      .selectFrom('audit_log')
      .select(['sequence', 'hash'])
      .orderBy('sequence', 'desc')
      .limit(1)
      .executeTakeFirst();
    const fields: HashedFields = {
      sequence: (last?.sequence ?? 0) + 1,
      at: new Date().toISOString(),
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      reason: entry.reason ?? null,
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    };
    const previousHash = last?.hash ?? GENESIS_HASH;
    const hash = signedAuditHash(key, previousHash, fields);
    await trx
      .insertInto('audit_log')
      .values({ ...fields, details: JSON.stringify(fields.details), previous_hash: previousHash, hash })
      .execute();
    return { sequence: fields.sequence, hash };
  });
}

/**
 * The first keyed entry records the key's fingerprint; a process holding another key is refused,
 * since the entries it would sign could never be verified with the installation's key.
 */
async function checkChainKey(trx: Kysely<Database>, key: AuditKey): Promise<void> {
  const chain = await readAuditChain(trx);
  if (chain.keyFingerprint === null) {
    await trx.updateTable('audit_chain').set({ key_fingerprint: key.fingerprint }).execute();
  } else if (chain.keyFingerprint !== key.fingerprint) {
    throw new Error(
      `The audit log is signed with the key of fingerprint ${chain.keyFingerprint}, but this process has the key ` +
        `${key.fingerprint} (${key.source}): give every server, worker and command of this installation the same ` +
        'AUDIT_KEY or AUDIT_KEY_FILE.',
    );
  }
}

export interface AuditChainRecord {
  /** Entries from this sequence on are signed with the key; those before it have plain hashes. */
  keyedFrom: number;
  keyFingerprint: string | null;
}

export async function readAuditChain(db: Kysely<Database>): Promise<AuditChainRecord> {
  const row = await db.selectFrom('audit_chain').select(['keyed_from', 'key_fingerprint']).executeTakeFirst();
  // No row only when someone removed it: then nothing may pass as written before the key.
  return { keyedFrom: row?.keyed_from ?? 1, keyFingerprint: row?.key_fingerprint ?? null };
}
