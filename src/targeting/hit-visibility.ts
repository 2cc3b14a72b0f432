/**
 * A hit shows no more than what produced it may show to the reader. A watchlist hit inherits its
 * list's sharing (watchlists/store.ts `listVisibleTo`): a unit that may not see a unit-only list
 * sees "restricted list, contact unit X" when the owner chose to notify other units, and no hit at
 * all otherwise. A hit made of PNR data (a reservation's subject, the values seen in reservation
 * fields, a booked name) shows those values only to PNR-cleared roles (access/pnr-visibility.ts).
 */
import type { Actor } from '../access/model.js';
import { mayReadPnr, PNR_WITHHELD, pnrValue, withholdPnrExplanation } from '../access/pnr-visibility.js';

/** What a hit of a list the reader may not see says instead of the entry and the list. */
export function restrictedList(ownerUnit: string | null) {
  return { restricted: true as const, contactUnit: ownerUnit };
}

/** The name of the hit's subject: a reservation's (carrier, record locator, booked name) is PNR data. */
export function subjectNameView(actor: Actor, subjectKind: string, subjectName: string) {
  return subjectKind === 'reservation' ? pnrValue(actor, subjectName) : subjectName;
}

/** The hit's explanation as the actor may read it. */
export function explanationView(
  actor: Actor,
  hit: { subject_kind: string; explanation: unknown; list_visible: boolean; list_owner_unit: string | null },
): unknown {
  const explanation = hit.explanation as { kind?: string } & Record<string, unknown>;
  if (explanation.kind === 'watchlist') {
    if (!hit.list_visible) return { kind: 'watchlist', ...restrictedList(hit.list_owner_unit) };
    // A reservation's watchlist hit was found on a booked name: the name and how it matched are PNR data.
    if (hit.subject_kind === 'reservation' && !mayReadPnr(actor))
      return { ...explanation, query: PNR_WITHHELD, match: PNR_WITHHELD };
    return explanation;
  }
  // Every value a rule saw in a reservation (a booked traveller's name, date of birth, document,
  // the reservation's flight) came from the PNR.
  if (hit.subject_kind === 'reservation' && !mayReadPnr(actor)) return withholdEveryValueSeen(explanation);
  return withholdPnrExplanation(actor, explanation);
}

/** A rule explanation with every value seen (`actual`) withheld; whether each condition held stays. */
function withholdEveryValueSeen<T>(explanation: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([key, value]) =>
        key === 'actual' ? [key, PNR_WITHHELD] : [key, walk(value)],
      ),
    );
  };
  return walk(explanation) as T;
}
