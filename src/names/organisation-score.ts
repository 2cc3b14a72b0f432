import { scoreNames, type NameScore } from './name-score.js';
import { normaliseName } from './normalise.js';
import { partFeatures } from './part-similarity.js';
import { explanationOf, OPERATING_THRESHOLD } from './person-score.js';
import type { ComparisonResult, ScoreAdjustment } from './types.js';

/** Two companies of different legal kinds (a d.o.o. and a joint-stock company) are less likely one. */
export const LEGAL_FORM_MISMATCH_DELTA = -0.05;

export function organisationParts(raw: string) {
  const normalised = normaliseName(raw, 'organisation');
  return {
    parts: normalised.parts.map((part) => ({ ...part, features: partFeatures(part.text) })),
    legalForm: normalised.legalForm,
    legalFormWritten: normalised.legalFormWritten,
  };
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
  if (a.legalForm === b.legalForm)
    return {
      reason: 'legal-form',
      detail: `${a.legalFormWritten} and ${b.legalFormWritten}: same legal form (${a.legalForm})`,
      delta: 0,
    };
  return {
    reason: 'legal-form',
    detail: `${a.legalFormWritten} (${a.legalForm}) vs ${b.legalFormWritten} (${b.legalForm})`,
    delta: LEGAL_FORM_MISMATCH_DELTA,
  };
}

/** Two organisation names: legal forms set aside and compared apart, the rest aligned like persons'. */
export function compareOrganisationNames(
  a: string,
  b: string,
  threshold = OPERATING_THRESHOLD,
): ComparisonResult {
  const left = organisationParts(a);
  const right = organisationParts(b);
  const best: NameScore = scoreNames(left.parts, right.parts);
  const adjustment = legalFormAdjustment(left, right);
  const evidence = adjustment ? [adjustment] : [];
  const score = Math.round(Math.min(1, Math.max(0, best.score + (adjustment?.delta ?? 0))) * 1000) / 1000;
  return { score, match: score >= threshold, explanation: explanationOf(best, b, evidence) };
}
