import type { ParseIssue } from './issues.js';
import { truncationOf } from './truncation.js';

/**
 * What the ingest makes of a parsed interchange, for every EDIFACT format's handler. One that yields
 * nothing to store (`usable` false: a file cut off after its first segments, trailing garbage) is
 * rejected with its errors and kept, so that it is never shown as received; one that was cut off but
 * still yields data is stored and marked partial, so that an operator asks the sender again.
 */
export function ingestOutcome<Parsed extends { errors: ParseIssue[]; warnings: ParseIssue[] }>(
  parsed: Parsed,
  usable: boolean,
  nothingUsable: string,
): { errors: ParseIssue[]; warnings: ParseIssue[]; parsed: Parsed; partial: boolean } {
  const truncation = truncationOf(parsed.warnings);
  if (parsed.errors.length === 0 && !usable) {
    const where = truncation ?? parsed.warnings[0];
    const error: ParseIssue = {
      segment: where?.segment ?? 0,
      line: where?.line ?? 1,
      column: where?.column ?? 1,
      tag: where?.tag,
      code: 'nothing-usable',
      message: truncation
        ? `${nothingUsable}: the interchange is cut off (${truncation.message})`
        : `${nothingUsable}`,
    };
    return { errors: [error], warnings: parsed.warnings, parsed, partial: false };
  }
  return { errors: parsed.errors, warnings: parsed.warnings, parsed, partial: truncation !== undefined };
}
