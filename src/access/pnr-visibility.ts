/**
 * Who may see PNR data, and what stands in its place for everyone else: the one rule that every
 * path returning a value of a reservation calls (raw PNRGOV messages, rule tests and back-tests,
 * rule conditions, hit subjects and explanations, reservations). EU PNR directive, Article 6: PNR
 * data is processed by the Passenger Information Unit only, so `pnr:read` (src/access/model.ts)
 * is held by its analysts and administrators. Other roles still see that a record or a hit
 * exists, and act on it, with the PNR values withheld.
 */
import { AppError } from '../errors.js';
import { can, type Actor } from './model.js';

/** What stands where a PNR value was, for a role that may not see PNR data. */
export interface PnrWithheld {
  withheld: 'pnr';
}
export const PNR_WITHHELD: PnrWithheld = Object.freeze({ withheld: 'pnr' as const });

/** True when the actor may see PNR data: the one question every read path asks. */
export function mayReadPnr(actor: Actor): boolean {
  return can(actor, 'pnr:read');
}

/** The value for a PNR-cleared actor, the withheld marker for anyone else. */
export function pnrValue<T>(actor: Actor, value: T): T | PnrWithheld {
  return mayReadPnr(actor) ? value : PNR_WITHHELD;
}

/** A field of the rule catalogue (src/rules/catalogue.ts) that holds PNR data: the reservation's. */
export function isPnrField(field: string): boolean {
  return field.startsWith('reservation.');
}

/** A message format whose content is PNR data. */
export function isPnrFormat(format: string): boolean {
  return format === 'PNRGOV';
}

/** Refuses (403 pnr_restricted) an actor without PNR clearance, saying what needed it. */
export function requirePnrClearance(actor: Actor, what: string, details?: unknown): void {
  if (!mayReadPnr(actor))
    throw new AppError(
      403,
      'pnr_restricted',
      `${what} uses PNR data, which only the Passenger Information Unit's PNR analysts may see`,
      details,
    );
}

/** A flat subject record (rule field -> value) with the values of PNR fields withheld. */
export function withholdPnrFields(actor: Actor, record: Record<string, unknown>): Record<string, unknown> {
  if (mayReadPnr(actor)) return record;
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => [field, isPnrField(field) ? PNR_WITHHELD : value]),
  );
}

/**
 * A rule explanation (a tree of groups and conditions, each condition with its `field` and the
 * `actual` value seen) with the values seen in PNR fields withheld. Whether a condition held stays:
 * it is what made the hit.
 */
export function withholdPnrExplanation<T>(actor: Actor, explanation: T): T {
  if (mayReadPnr(actor)) return explanation;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>);
    const field = (node as { field?: unknown }).field;
    if (typeof field === 'string' && isPnrField(field) && 'actual' in node)
      return Object.fromEntries(
        entries.map(([key, value]) => [key, key === 'actual' ? PNR_WITHHELD : value]),
      );
    return Object.fromEntries(entries.map(([key, value]) => [key, walk(value)]));
  };
  return walk(explanation) as T;
}
