/**
 * What a message stored, whatever its format: the records its format's store step wrote, grouped
 * by kind ('flight', 'traveller', 'reservation', later 'consignment' ...). The pipeline does not
 * interpret kinds; it counts them, keeps them with the message, and answers with them.
 */

/** What a format's store step returns: the ids of the records it wrote (or updated), by kind. */
export interface StoredGroup {
  /** What the ids are: 'flight', 'traveller', 'reservation' ... — named by the format's domain. */
  kind: string;
  /** One per record written; a record written twice by one message is counted twice. */
  ids: string[];
}

/**
 * A kind as the message keeps it (`messages.stored`). `ids` is absent on messages stored before
 * the ids were kept, where only the number of travellers was (their flights kept their ids).
 */
export interface StoredKind {
  kind: string;
  count: number;
  ids?: string[];
}

/** The groups as the message keeps them: one entry per kind, in the order first returned, none empty. */
export function storedKinds(groups: readonly StoredGroup[]): StoredKind[] {
  const byKind = new Map<string, string[]>();
  for (const group of groups) {
    const ids = byKind.get(group.kind);
    if (ids) ids.push(...group.ids);
    else byKind.set(group.kind, [...group.ids]);
  }
  return [...byKind]
    .filter(([, ids]) => ids.length > 0)
    .map(([kind, ids]) => ({ kind, count: ids.length, ids }));
}

/**
 * The fields the message answers had before `stored`, kept as they were for the clients and pages
 * that read them: the flights the message reported, and the number of people it named (on a
 * passenger list, or booked in a reservation). The only place the pipeline names kinds.
 */
const FLIGHTS = 'flight';
const PEOPLE: ReadonlySet<string> = new Set(['traveller', 'booked-traveller']);

export interface StoredAnswer {
  /** Ids of the flights stored (kind 'flight'). */
  flights: string[];
  /** Travellers stored (kinds 'traveller' and 'booked-traveller'). */
  travellers: number;
  stored: { kind: string; count: number }[];
}

export function storedAnswer(kinds: readonly StoredKind[]): StoredAnswer {
  let flights: string[] = [];
  let travellers = 0;
  for (const { kind, count, ids } of kinds) {
    if (kind === FLIGHTS) flights = ids ?? [];
    if (PEOPLE.has(kind)) travellers += count;
  }
  return { flights, travellers, stored: kinds.map(({ kind, count }) => ({ kind, count })) };
}

/** The kinds whose ids the message list reads (the others' are left in the database). */
export const LISTED_IDS: readonly string[] = [FLIGHTS];
