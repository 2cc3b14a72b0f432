import type { ParseIssue } from './issues.js';

/**
 * The issues that say an interchange was cut off: its last segment has no terminator, or a message,
 * group or interchange was never closed. Data read before the cut is still good, but the sender
 * should be asked for the whole interchange again.
 */
const TRUNCATION_CODES: ReadonlySet<string> = new Set([
  'unterminated-segment',
  'missing-unt',
  'missing-une',
  'missing-unz',
]);

/** The first issue that shows the interchange was cut off, or undefined. */
export function truncationOf(issues: readonly ParseIssue[]): ParseIssue | undefined {
  return issues.find(
    (issue) =>
      issue.code !== undefined &&
      TRUNCATION_CODES.has(issue.code) &&
      // An interchange whose UNZ only lacks its terminator arrived whole.
      !(issue.code === 'unterminated-segment' && issue.tag === 'UNZ'),
  );
}
