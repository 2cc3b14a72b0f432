/**
 * The chain of custody of an evidence item, hash-linked: each event's hash covers its content and
 * the hash of the event before it (the first covers the evidence item's id), so changing an event,
 * deleting one or putting them in another order breaks the chain where it happened. Verification
 * says which event is changed and which are missing; deleting the last events is caught only
 * against an anchor kept elsewhere (the evidence record's count of events and last hash).
 *
 * Pure: hashing is SHA-256 over a fixed-order JSON array, no I/O.
 */
import { createHash } from 'node:crypto';

export const CUSTODY_EVENT_KINDS = [
  'seized',
  'sealed',
  'handed-over',
  'received-by-laboratory',
  'analysed',
  'returned',
  'destroyed',
] as const;
export type CustodyEventKind = (typeof CUSTODY_EVENT_KINDS)[number];

export interface CustodyEventInput {
  kind: CustodyEventKind;
  /** ISO 8601 with offset. */
  at: string;
  /** The signed-in user who records the event. */
  by: string;
  /** Where it happened (a location code or a place). */
  where: string;
  sealNumber?: string;
  /** Who received the item (handed over, received by the laboratory, returned). */
  to?: string;
  note?: string;
}

export interface CustodyEvent extends CustodyEventInput {
  sequence: number;
  previousHash: string;
  hash: string;
}

const VERSION = 'interdict-custody-v1';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash the first event links to: it ties the chain to one evidence item. */
export function custodyGenesisHash(evidenceId: string): string {
  return sha256(JSON.stringify([VERSION, 'genesis', evidenceId]));
}

/** The hash of an event's content and its link, in a fixed field order. */
export function custodyEventHash(event: Omit<CustodyEvent, 'hash'>): string {
  return sha256(
    JSON.stringify([
      VERSION,
      event.sequence,
      event.kind,
      event.at,
      event.by,
      event.where,
      event.sealNumber ?? null,
      event.to ?? null,
      event.note ?? null,
      event.previousHash,
    ]),
  );
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ENDS_CUSTODY: ReadonlySet<CustodyEventKind> = new Set(['returned', 'destroyed']);

/** Why an event cannot follow the chain so far, or undefined. */
export function custodyEventProblem(
  chain: readonly CustodyEvent[],
  input: CustodyEventInput,
): string | undefined {
  if (!CUSTODY_EVENT_KINDS.includes(input.kind)) return `"${String(input.kind)}" is not a custody event`;
  if (!ISO_DATE_TIME.test(input.at) || Number.isNaN(Date.parse(input.at)))
    return `"${input.at}" is not an ISO 8601 date and time with its offset`;
  if (input.by.trim() === '') return 'the user who records the event is required';
  if (input.where.trim() === '') return 'where it happened is required';
  if (input.kind === 'sealed' && !input.sealNumber?.trim()) return 'a sealing needs the seal number';
  if ((input.kind === 'handed-over' || input.kind === 'received-by-laboratory') && !input.to?.trim())
    return 'say who received the item';
  const last = chain.at(-1);
  if (!last) return input.kind === 'seized' ? undefined : 'the chain starts with the seizure';
  if (input.kind === 'seized') return 'the item was already seized';
  if (ENDS_CUSTODY.has(last.kind)) return `the item was ${last.kind}: its custody has ended`;
  if (Date.parse(input.at) < Date.parse(last.at))
    return `the event is dated before the previous one (${last.at})`;
  return undefined;
}

/** The chain with one more event, linked to the last one. Throws when the event cannot follow. */
export function appendCustodyEvent(
  evidenceId: string,
  chain: readonly CustodyEvent[],
  input: CustodyEventInput,
): CustodyEvent[] {
  const problem = custodyEventProblem(chain, input);
  if (problem) throw new Error(problem);
  const last = chain.at(-1);
  const unhashed: Omit<CustodyEvent, 'hash'> = {
    ...input,
    sequence: (last?.sequence ?? 0) + 1,
    previousHash: last?.hash ?? custodyGenesisHash(evidenceId),
  };
  return [...chain, { ...unhashed, hash: custodyEventHash(unhashed) }];
}

export type CustodyProblem =
  | { kind: 'changed'; sequence: number }
  | { kind: 'missing'; sequences: number[] }
  | { kind: 'missing-at-end'; after: number; expectedCount: number }
  | { kind: 'reordered'; sequence: number };

export interface CustodyVerification {
  ok: boolean;
  problems: CustodyProblem[];
}

/**
 * Checks a chain as stored. `anchor` (the count of events and the last hash, kept with the evidence
 * item) also catches events removed from the end.
 */
export function verifyCustodyChain(
  evidenceId: string,
  events: readonly CustodyEvent[],
  anchor?: { count: number; lastHash: string },
): CustodyVerification {
  const problems: CustodyProblem[] = [];
  const changed = new Set<number>();
  const markChanged = (sequence: number) => {
    if (!changed.has(sequence)) problems.push({ kind: 'changed', sequence });
    changed.add(sequence);
  };
  const selfValid = events.map((event) => custodyEventHash(event) === event.hash);
  events.forEach((event, index) => {
    if (!selfValid[index]) markChanged(event.sequence);
    const previous = events[index - 1];
    const expectedSequence = (previous?.sequence ?? 0) + 1;
    const expectedLink = previous?.hash ?? custodyGenesisHash(evidenceId);
    if (event.sequence < expectedSequence) {
      problems.push({ kind: 'reordered', sequence: event.sequence });
      return;
    }
    if (event.sequence > expectedSequence) {
      const gap = Array.from({ length: event.sequence - expectedSequence }, (_, i) => expectedSequence + i);
      problems.push({ kind: 'missing', sequences: gap });
      return;
    }
    if (event.previousHash === expectedLink) return;
    // Contiguous numbers but a broken link: an event rewritten with a freshly computed hash. If the
    // event itself hashes true, the one before it was rewritten (its hash no longer what this one
    // recorded); the first event's link is to the evidence item itself.
    if (!selfValid[index]) return;
    if (previous && selfValid[index - 1]) markChanged(previous.sequence);
    else if (!previous) markChanged(event.sequence);
  });
  if (anchor) {
    const last = events.at(-1);
    if (events.length < anchor.count)
      problems.push({ kind: 'missing-at-end', after: last?.sequence ?? 0, expectedCount: anchor.count });
    else if (last && last.hash !== anchor.lastHash) markChanged(last.sequence);
  }
  return { ok: problems.length === 0, problems };
}
