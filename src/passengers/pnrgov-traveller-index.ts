/**
 * Finding a reservation's traveller from what other segments say about them: a TIF reference
 * number (unique per traveller in a reservation), else the name. Names in DOCS and check-in
 * groups are written differently from the TIF (titles glued on, wrapped lines), so they are
 * compared without spaces and titles.
 */
import type { PnrTraveller } from './pnrgov-model.js';

const TITLE_SUFFIX = /(?:MRS|MR|MS|MISS|MSTR|DR)$/;

function squeeze(name: string): string {
  return name.toUpperCase().replace(/[^A-Z]/g, '');
}

function givenKey(name: string): string {
  const squeezed = squeeze(name);
  const untitled = squeezed.replace(TITLE_SUFFIX, '');
  return untitled.length >= 2 ? untitled : squeezed;
}

export class TravellerIndex {
  private readonly references = new Map<string, PnrTraveller>();

  constructor(private readonly travellers: PnrTraveller[]) {
    for (const traveller of travellers) this.remember(traveller);
  }

  private remember(traveller: PnrTraveller): void {
    if (traveller.reference && !this.references.has(traveller.reference)) {
      this.references.set(traveller.reference, traveller);
    }
  }

  add(traveller: PnrTraveller): void {
    this.travellers.push(traveller);
    this.remember(traveller);
  }

  byReference(reference: string): PnrTraveller | null {
    return this.references.get(reference.trim()) ?? null;
  }

  bySequence(sequence: number): PnrTraveller | null {
    return this.travellers[sequence - 1] ?? null;
  }

  /** The one traveller with this surname (and given names, when several share the surname). */
  byName(surname: string, givenNames: string | null, type: 'infant' | null): PnrTraveller | null {
    const key = squeeze(surname);
    let candidates = this.travellers.filter((traveller) => squeeze(traveller.surname) === key);
    if (type) candidates = candidates.filter((traveller) => traveller.type === type);
    if (candidates.length <= 1 || !givenNames) return candidates.length === 1 ? candidates[0] : null;
    const given = givenKey(givenNames);
    const named = candidates.filter((traveller) => {
      const known = givenKey(traveller.givenNames);
      return known.length > 0 && (known.startsWith(given) || given.startsWith(known));
    });
    return named.length === 1 ? named[0] : null;
  }

  /** The traveller of a single-person reservation (infants on a lap not counted). */
  sole(): PnrTraveller | null {
    const seated = this.travellers.filter((traveller) => traveller.type !== 'infant');
    return seated.length === 1 ? seated[0] : null;
  }
}

/**
 * By reference when it names the same surname, else by name; else by the reference alone, with
 * `nameDiffers` set (a check-in under another name than the booking is worth a look).
 */
export function findTraveller(
  index: TravellerIndex,
  reference: string | null,
  surname: string | null,
  givenNames: string | null,
): { traveller: PnrTraveller | null; nameDiffers: boolean } {
  const referenced = reference ? index.byReference(reference) : null;
  if (referenced && (!surname || squeeze(referenced.surname) === squeeze(surname))) {
    return { traveller: referenced, nameDiffers: false };
  }
  const named = surname ? index.byName(surname, givenNames, null) : null;
  if (named) return { traveller: named, nameDiffers: false };
  return { traveller: referenced, nameDiffers: referenced !== null };
}
