/** A problem found while reading EDIFACT, pointing at the segment where it was found. */
export interface ParseIssue {
  /** 1-based index of the segment in the interchange (UNA not counted). */
  segment: number;
  /** 1-based line and column of the first character of that segment in the raw text. */
  line: number;
  column: number;
  /** Segment tag, when known (e.g. "NAD"). */
  tag?: string;
  /** Stable machine-readable kind of problem, e.g. "unt-count-mismatch". */
  code?: string;
  message: string;
}

/** Where a segment starts; every issue is anchored on one. */
export interface SegmentPosition {
  index: number;
  line: number;
  column: number;
  tag: string;
}

export function issueAt(position: SegmentPosition, code: string, message: string): ParseIssue {
  return {
    segment: position.index,
    line: position.line,
    column: position.column,
    tag: position.tag || undefined,
    code,
    message,
  };
}

/** How many issues of one kind are reported before the rest are summarised. */
export const REPEATED_ISSUE_LIMIT = 50;

/**
 * Adds `issue` unless REPEATED_ISSUE_LIMIT issues of its code were already added: garbage input
 * (a file of stray terminators) must not turn into millions of issues in the error queue.
 */
export function addRepeatable(issues: ParseIssue[], issue: ParseIssue, seen: Map<string, number>): void {
  const code = issue.code ?? '';
  const count = (seen.get(code) ?? 0) + 1;
  seen.set(code, count);
  if (count <= REPEATED_ISSUE_LIMIT) {
    issues.push(issue);
  } else if (count === REPEATED_ISSUE_LIMIT + 1) {
    issues.push({ ...issue, message: `further "${code}" problems from here on are not reported one by one` });
  }
}
