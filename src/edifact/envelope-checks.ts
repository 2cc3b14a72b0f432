import type { EdifactMessage } from './envelope.js';
import { issueAt, type ParseIssue } from './issues.js';
import { componentValue, parseCount } from './segment-values.js';
import type { Segment } from './tokenizer.js';

/** Trailer checks: declared counts and references against what was read. Mismatches are warnings. */

function describeCount(value: string): string {
  return value.length > 0 ? `"${value}"` : 'nothing';
}

export function checkMessageTrailer(message: EdifactMessage, trailer: Segment, warnings: ParseIssue[]): void {
  message.trailer = trailer;
  const declaredText = componentValue(trailer, 0).trim();
  const declared = parseCount(declaredText);
  const actual = message.segments.length + 2;
  if (declared === null) {
    warnings.push(
      issueAt(
        trailer,
        'unt-count-invalid',
        `UNT segment count: expected a number, found ${describeCount(declaredText)}`,
      ),
    );
  } else if (declared !== actual) {
    warnings.push(
      issueAt(
        trailer,
        'unt-count-mismatch',
        `UNT declares ${declared} segments but message "${message.reference}" has ${actual} (UNH to UNT)`,
      ),
    );
  }
  const reference = componentValue(trailer, 1).trim();
  if (reference !== message.reference) {
    warnings.push(
      issueAt(
        trailer,
        'unt-reference-mismatch',
        `UNT reference "${reference}" does not match the UNH reference: expected "${message.reference}"`,
      ),
    );
  }
}

export function checkTrailer(
  trailer: Segment,
  actual: number,
  counted: string,
  expectedReference: string | null,
  headerTag: string,
  warnings: ParseIssue[],
  code: string,
): void {
  const declaredText = componentValue(trailer, 0).trim();
  const declared = parseCount(declaredText);
  if (declared === null) {
    warnings.push(
      issueAt(
        trailer,
        `${code}-count-invalid`,
        `${trailer.tag} count: expected a number, found ${describeCount(declaredText)}`,
      ),
    );
  } else if (declared !== actual) {
    warnings.push(
      issueAt(
        trailer,
        `${code}-count-mismatch`,
        `${trailer.tag} declares ${declared} ${counted} but ${actual} were read`,
      ),
    );
  }
  const reference = componentValue(trailer, 1).trim();
  if (expectedReference !== null && reference !== expectedReference) {
    warnings.push(
      issueAt(
        trailer,
        `${code}-reference-mismatch`,
        `${trailer.tag} reference "${reference}" does not match the ${headerTag} reference: expected "${expectedReference}"`,
      ),
    );
  }
}
