import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
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

interface HashedFields {
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

export function auditHash(previousHash: string, fields: HashedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends to the hash-chained audit log. Each entry's hash covers the previous hash, so removing or
 * changing any entry breaks every hash after it. Appends are serialised by an advisory lock.
 */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
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
    const previousHash = last?.hash ?? GENESIS;
    await trx
      .insertInto('audit_log')
      .values({
        ...fields,
        details: JSON.stringify(fields.details),
        previous_hash: previousHash,
        hash: auditHash(previousHash, fields),
      })
      .execute();
  });
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, with why. */
  brokenAt?: { sequence: number; reason: string };
}

/** Walks the whole chain in order, in pages, recomputing every hash. */
export async function verifyAuditLog(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  let previousHash = GENESIS;
  let expectedSequence = 1;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('sequence', '>=', expectedSequence)
      .orderBy('sequence')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      if (row.sequence !== expectedSequence)
        return { ok: false, entries, brokenAt: { sequence: expectedSequence, reason: 'entry is missing' } };
      if (row.previous_hash !== previousHash)
        return {
          ok: false,
          entries,
          brokenAt: { sequence: row.sequence, reason: 'link to the previous entry is broken' },
        };
      const { hash, previous_hash: _previous, ...fields } = row;
      if (auditHash(previousHash, fields) !== hash)
        return { ok: false, entries, brokenAt: { sequence: row.sequence, reason: 'entry was altered' } };
      previousHash = hash;
      expectedSequence++;
      entries++;
    }
  }
}
