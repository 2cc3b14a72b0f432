/**
 * Field drug identification from colour tests: given the tests done and the colours seen, the
 * substances still possible, and the test that best separates them next.
 *
 * The next test is the one with the largest expected information gain (in bits) over the
 * remaining candidates, each equally likely: a candidate whose reaction the table lists splits its
 * weight over the colours listed; a candidate the table says nothing about for that reagent spreads
 * its weight over every colour the test can show, so an unknown reaction never looks decisive.
 * A gain of zero means no test in the table separates the candidates: the sample goes to the
 * laboratory (or the handheld analyser) as it is.
 *
 * Once a test has shown a colour, the suggestion separates the substances that colour positively
 * pointed to (heroin, morphine, codeine ... after a purple Marquis), not those merely not excluded
 * because the table is silent about them; all of them are still returned as candidates.
 */
import type { ColourFamily, ColourTest, PresumptiveSubstance, Reaction } from './colour-tests-data.js';
import { COLOUR_FAMILIES, COLOUR_TESTS, PRESUMPTIVE_SUBSTANCES, REACTIONS } from './colour-tests-data.js';

export interface ColourReference {
  tests: readonly ColourTest[];
  substances: readonly PresumptiveSubstance[];
  reactions: readonly Reaction[];
}

export const DEFAULT_COLOUR_REFERENCE: ColourReference = {
  tests: COLOUR_TESTS,
  substances: PRESUMPTIVE_SUBSTANCES,
  reactions: REACTIONS,
};

export interface ColourObservation {
  test: string;
  colour: ColourFamily;
}

export interface Candidate {
  substance: PresumptiveSubstance;
  /** Tests done whose listed reaction matches the colour seen. */
  matchedBy: string[];
  /** Tests done for which the table lists no reaction with this substance. */
  notInTable: string[];
}

export interface NextTestSuggestion {
  test: ColourTest;
  expectedInformationBits: number;
  /** Which candidates each colour would leave (candidates the table says nothing about stay in all). */
  outcomes: { colour: ColourFamily; substances: string[] }[];
}

export interface IdentificationResult {
  candidates: Candidate[];
  excluded: { substance: PresumptiveSubstance; by: string; expected: readonly ColourFamily[] }[];
  next: NextTestSuggestion | null;
}

const SYNONYMS: Record<string, ColourFamily> = {
  'no colour': 'none',
  'no color': 'none',
  'no change': 'none',
  'no reaction': 'none',
  colourless: 'none',
  colorless: 'none',
  violet: 'purple',
  lilac: 'purple',
  magenta: 'purple',
  gray: 'grey',
  turquoise: 'blue',
};

/** The colour family of what an officer typed ("Violet", "no change"), or undefined. */
export function colourFamilyOf(written: string): ColourFamily | undefined {
  const text = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if ((COLOUR_FAMILIES as readonly string[]).includes(text)) return text as ColourFamily;
  return SYNONYMS[text];
}

function reactionIndex(reference: ColourReference): Map<string, Reaction> {
  return new Map(
    reference.reactions.map((reaction) => [`${reaction.test}\u0000${reaction.substance}`, reaction]),
  );
}

/** The substances still possible after the observations, and the best next test. */
export function identifyByColourTests(
  observations: readonly ColourObservation[],
  reference: ColourReference = DEFAULT_COLOUR_REFERENCE,
): IdentificationResult {
  const tests = new Map(reference.tests.map((test) => [test.id, test]));
  for (const observation of observations) {
    if (!tests.has(observation.test)) throw new Error(`Unknown colour test ${observation.test}`);
    if (!COLOUR_FAMILIES.includes(observation.colour))
      throw new Error(`Unknown colour ${String(observation.colour)}: one of ${COLOUR_FAMILIES.join(', ')}`);
  }
  const reactions = reactionIndex(reference);
  const candidates: Candidate[] = [];
  const excluded: IdentificationResult['excluded'] = [];
  for (const substance of reference.substances) {
    const candidate: Candidate = { substance, matchedBy: [], notInTable: [] };
    let exclusion: IdentificationResult['excluded'][number] | undefined;
    for (const { test, colour } of observations) {
      const reaction = reactions.get(`${test}\u0000${substance.id}`);
      if (!reaction) candidate.notInTable.push(test);
      else if (reaction.colours.includes(colour)) candidate.matchedBy.push(test);
      else {
        exclusion = { substance, by: test, expected: reaction.colours };
        break;
      }
    }
    if (exclusion) excluded.push(exclusion);
    else candidates.push(candidate);
  }
  // Substances that some test positively matched come first, then those the table cannot exclude.
  candidates.sort(
    (a, b) => b.matchedBy.length - a.matchedBy.length || a.notInTable.length - b.notInTable.length,
  );
  const done = new Set(observations.map((observation) => observation.test));
  const pointedTo = candidates.filter((candidate) => candidate.matchedBy.length > 0);
  const next = suggestNextTest(
    (pointedTo.length > 0 ? pointedTo : candidates).map((candidate) => candidate.substance.id),
    reference.tests.filter((test) => !done.has(test.id)),
    reactions,
  );
  return { candidates, excluded, next };
}

const entropy = (weights: number[]): number => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let bits = 0;
  for (const weight of weights) if (weight > 0) bits -= (weight / total) * Math.log2(weight / total);
  return bits;
};

/** The expected information gain of one test over equally likely candidates. */
export function expectedInformationGain(
  candidates: readonly string[],
  test: string,
  reactions: ReadonlyMap<string, Reaction>,
): { bits: number; outcomes: Map<ColourFamily, string[]> } {
  const listed = candidates.map((substance) => reactions.get(`${test}\u0000${substance}`)?.colours);
  const possible = new Set<ColourFamily>(listed.flatMap((colours) => colours ?? []));
  const outcomes = new Map<ColourFamily, string[]>();
  if (possible.size === 0) return { bits: 0, outcomes };
  // A substance the table says nothing about may also show a colour listed for none of the others.
  const spread: (ColourFamily | 'other')[] = [
    ...possible,
    ...(listed.some((colours) => !colours) ? ['other' as const] : []),
  ];
  const likelihood = (index: number, colour: ColourFamily | 'other'): number => {
    const colours = listed[index];
    if (!colours) return 1 / spread.length;
    return colour !== 'other' && colours.includes(colour) ? 1 / colours.length : 0;
  };
  let expected = 0;
  for (const colour of spread) {
    const posterior = candidates.map((_, index) => likelihood(index, colour) / candidates.length);
    const probability = posterior.reduce((sum, weight) => sum + weight, 0);
    if (probability === 0) continue;
    expected += probability * entropy(posterior);
    if (colour !== 'other')
      outcomes.set(
        colour,
        candidates.filter((_, index) => posterior[index] > 0),
      );
  }
  return { bits: Math.max(0, Math.log2(candidates.length) - expected), outcomes };
}

function suggestNextTest(
  candidates: readonly string[],
  remaining: readonly ColourTest[],
  reactions: ReadonlyMap<string, Reaction>,
): NextTestSuggestion | null {
  if (candidates.length < 2) return null;
  let best: { test: ColourTest; bits: number; outcomes: Map<ColourFamily, string[]> } | null = null;
  for (const test of remaining) {
    const { bits, outcomes } = expectedInformationGain(candidates, test.id, reactions);
    // Ties go to the test listed first: the table lists the usual field tests first.
    if (bits > 1e-9 && (best === null || bits > best.bits + 1e-9)) best = { test, bits, outcomes };
  }
  if (best === null) return null;
  return {
    test: best.test,
    expectedInformationBits: Math.round(best.bits * 1000) / 1000,
    outcomes: [...best.outcomes].map(([colour, substances]) => ({ colour, substances })),
  };
}
