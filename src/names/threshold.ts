/**
 * The score at and above which a comparison is a match: a hit for an officer to review.
 *
 * 0.85 rather than 0.8: on the evaluation sets (bench/RESULTS.md) both meet every target, but
 * 0.85 cuts by half or more the hits on synthetic persons who are on no list and the share of
 * Serbian surnames that some other surname matches on its own, while a full name with one slip in a
 * part of five letters or more (or of four, with the date of birth agreeing) still matches. It is
 * the threshold the development set's tune part chooses (scripts/eval-names-dev.ts, in every fold
 * of its cross-validation) among those at which our own synthetic persons on no list
 * (scripts/eval-names-own-negatives.ts) hit by name alone at most 0.1 % of the time; without that
 * limit it would choose 0.81, where they hit 0.42 % of the time.
 */
export const OPERATING_THRESHOLD = 0.85;
