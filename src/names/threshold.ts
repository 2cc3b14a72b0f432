/**
 * The score at and above which a comparison is a match (a hit for an officer to review).
 * See the report in bench/RESULTS.md for how it was chosen.
 */
export const OPERATING_THRESHOLD = Number(process.env.NAMES_THRESHOLD ?? 0.8);
