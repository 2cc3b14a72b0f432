import { scoreNames, type NameScore } from './name-score.js';
import { normaliseName, type NormalisedName } from './normalise.js';
import { partFeatures } from './part-similarity.js';
import { explanationOf, OPERATING_THRESHOLD } from './person-score.js';
import type { ComparisonResult, ScoreAdjustment } from './types.js';

/**
 * Two companies of different legal kinds (a d.o.o. and a joint-stock company) are seldom one;
 * "Company" and "Co." say less, being also ordinary words of a name.
 */
export const LEGAL_FORM_MISMATCH_DELTA = -0.2;
export const LOOSE_LEGAL_FORM_MISMATCH_DELTA = -0.05;
/** A different number or series (Fund 2 / Fund 3), or a branch elsewhere, is another company. */
export const NUMBER_CONFLICT_DELTA = -0.3;
export const PLACE_CONFLICT_DELTA = -0.25;
/** A place named by one name only: perhaps a branch of the other, perhaps the same company. */
export const ONE_PLACE_DELTA = -0.05;
/** One name the acronym of the other (BIF / Benevolence International Foundation). */
export const ACRONYM_SCORE = 0.9;

export interface OrganisationName extends NormalisedName {
  parts: ReturnType<typeof withFeatures>;
}

function withFeatures(normalised: NormalisedName) {
  return normalised.parts.map((part) => ({ ...part, features: partFeatures(part.text) }));
}

export function organisationParts(raw: string): OrganisationName {
  const normalised = normaliseName(raw, 'organisation');
  return { ...normalised, parts: withFeatures(normalised) };
}

/**
 * The legal form compared on its own: "d.o.o.", "DOO", "LLC" and "Ltd" are one family;
 * a missing legal form says nothing.
 */
export function legalFormAdjustment(
  a: { legalForm?: string; legalFormWritten?: string },
  b: { legalForm?: string; legalFormWritten?: string },
): ScoreAdjustment | undefined {
  if (!a.legalForm || !b.legalForm) return undefined;
  const familiesA = a.legalForm.split('+');
  const familiesB = b.legalForm.split('+');
  const onlyA = familiesA.filter((family) => !familiesB.includes(family));
  const onlyB = familiesB.filter((family) => !familiesA.includes(family));
  // A form one name gives and the other does not, beside those both give (JSC Alfa LLC against
  // JSC Alfa S.A., or JSC Alfa), is another company's.
  if (onlyA.length === 0 && onlyB.length === 0)
    return {
      reason: 'legal-form',
      detail: `${a.legalFormWritten} and ${b.legalFormWritten}: same legal form (${a.legalForm})`,
      delta: 0,
    };
  const loose = [...onlyA, ...onlyB].includes('company');
  return {
    reason: 'legal-form',
    detail: `${a.legalFormWritten} (${a.legalForm}) vs ${b.legalFormWritten} (${b.legalForm})`,
    delta: loose ? LOOSE_LEGAL_FORM_MISMATCH_DELTA : LEGAL_FORM_MISMATCH_DELTA,
  };
}

const disjoint = (a: readonly string[], b: readonly string[]) => !a.some((item) => b.includes(item));

type Evidence = Pick<NormalisedName, 'legalForm' | 'legalFormWritten' | 'numbers' | 'places' | 'placeWords'>;

/** Legal form, number and place compared apart from the name: what tells near namesakes apart. */
export function organisationEvidence(a: Evidence, b: Evidence): ScoreAdjustment[] {
  const adjustments: ScoreAdjustment[] = [];
  const legal = legalFormAdjustment(a, b);
  if (legal) adjustments.push(legal);
  const numbersA = a.numbers ?? [];
  const numbersB = b.numbers ?? [];
  // A number one name gives and the other does not, each having one of its own (Plant 195 No. 7, Plant 195 No. 3).
  const ownA = numbersA.filter((number) => !numbersB.includes(number));
  const ownB = numbersB.filter((number) => !numbersA.includes(number));
  if (ownA.length > 0 && ownB.length > 0)
    adjustments.push({
      reason: 'number',
      detail: `${ownA.join(' ')} vs ${ownB.join(' ')}: different numbers`,
      delta: NUMBER_CONFLICT_DELTA,
    });
  // Branches and bracketed places against each other; failing those, all the places named.
  const branchesA = a.places ?? [];
  const branchesB = b.places ?? [];
  const placesA = [...branchesA, ...(a.placeWords ?? [])];
  const placesB = [...branchesB, ...(b.placeWords ?? [])];
  const conflict =
    branchesA.length > 0 && branchesB.length > 0
      ? disjoint(branchesA, branchesB)
      : placesA.length > 0 && placesB.length > 0 && disjoint(placesA, placesB);
  if (conflict)
    adjustments.push({
      reason: 'place',
      detail: `${placesA.join(' ')} vs ${placesB.join(' ')}: different places`,
      delta: PLACE_CONFLICT_DELTA,
    });
  else if (placesA.length > 0 !== placesB.length > 0)
    adjustments.push({
      reason: 'place',
      detail: `${[...placesA, ...placesB].join(' ')}: named by one name only`,
      delta: ONE_PLACE_DELTA,
    });
  return adjustments;
}

/**
 * A place one name sets aside and the other keeps among its words ("Alfa (Cyprus)" and
 * "Alfa Cyprus") is set aside in both, as long as the other keeps a word of its own.
 */
export function placesAlike(a: OrganisationName, b: OrganisationName): [OrganisationName, OrganisationName] {
  const move = (name: OrganisationName, other: OrganisationName): OrganisationName => {
    const places = [...(other.places ?? []), ...(other.placeWords ?? [])];
    if (places.length === 0) return name;
    const kept = name.parts.filter(
      (part) => !places.includes(part.features.spellings[0]?.ascii ?? part.text),
    );
    if (kept.length === name.parts.length || !kept.some((part) => !part.weak)) return name;
    const moved = name.parts
      .filter((part) => !kept.includes(part))
      .map((part) => part.features.spellings[0]?.ascii ?? part.text);
    return { ...name, parts: kept, placeWords: [...(name.placeWords ?? []), ...moved] };
  };
  return [move(a, b), move(b, a)];
}

type AcronymSource = Pick<OrganisationName, 'parts' | 'acronyms' | 'legalFormWritten' | 'placeWords'>;

/**
 * The first letters of a name's parts, strong parts only and all of them, each also with the
 * place ending the name and the legal form's words (Syrian Petroleum Company, SPC; Atomic
 * Energy Organization of Iran, AEOI).
 */
function initialsOf(name: AcronymSource): string[] {
  const letter = (part: OrganisationName['parts'][number]) => part.features.spellings[0]?.ascii[0] ?? '';
  const strong = name.parts
    .filter((part) => !part.weak)
    .map(letter)
    .join('');
  const all = name.parts.map(letter).join('');
  const place = (name.placeWords ?? []).map((word) => word[0] ?? '').join('');
  const legal = (name.legalFormWritten ?? '')
    .split(/[\s.]+/)
    .filter((word) => word.length > 1)
    .map((word) => word[0].toLowerCase())
    .join('');
  const keys = new Set([strong, all]);
  for (const base of [strong, all]) {
    keys.add(base + place);
    keys.add(base + place + legal);
  }
  return [...keys].filter((key) => key.length >= 2);
}

/**
 * What a name offers as an acronym (the one it gives in brackets, or itself when it is one
 * word) and what another name's acronym must be to stand for it (its initials, or the acronym
 * it gives): one name agrees with another when an acronym it offers stands for the other.
 */
export function acronymKeys(name: AcronymSource): {
  offered: string[];
  standsFor: string[];
} {
  const offered = [...(name.acronyms ?? [])];
  if (name.parts.length === 1) offered.push(name.parts[0].features.spellings[0]?.ascii ?? '');
  return {
    offered: offered.filter((acronym) => acronym.length >= 2),
    standsFor: [...initialsOf(name), ...(name.acronyms ?? [])],
  };
}

/** One name is (or gives in brackets) the acronym of the other's words. */
export function acronymAgrees(a: AcronymSource, b: AcronymSource): boolean {
  const keysA = acronymKeys(a);
  const keysB = acronymKeys(b);
  return (
    keysA.offered.some((acronym) => keysB.standsFor.includes(acronym)) ||
    keysB.offered.some((acronym) => keysA.standsFor.includes(acronym))
  );
}

/** Two organisation names: legal forms, numbers and places set aside and compared apart, the rest aligned like persons'. */
export function compareOrganisationNames(
  a: string,
  b: string,
  threshold = OPERATING_THRESHOLD,
): ComparisonResult {
  const [left, right] = placesAlike(organisationParts(a), organisationParts(b));
  const best: NameScore = scoreNames(left.parts, right.parts);
  const evidence = organisationEvidence(left, right);
  if (best.score < ACRONYM_SCORE && acronymAgrees(left, right))
    evidence.unshift({
      reason: 'acronym',
      detail: 'one name is the acronym of the other',
      delta: ACRONYM_SCORE - best.score,
    });
  const delta = evidence.reduce((sum, adjustment) => sum + adjustment.delta, 0);
  const score = Math.round(Math.min(1, Math.max(0, best.score + delta)) * 1000) / 1000;
  return { score, match: score >= threshold, explanation: explanationOf(best, b, evidence) };
}
