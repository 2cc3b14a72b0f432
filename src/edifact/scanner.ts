import {
  CARRIAGE_RETURN,
  classTable,
  cleanToken,
  COMPONENT,
  DATA,
  ELEMENT,
  isWellFormedTag,
  LINE_FEED,
  RELEASE,
  TERMINATOR,
} from './character-classes.js';
import { addRepeatable, issueAt } from './issues.js';
import type { Separators } from './service-string.js';
import type { Segment, TokenizeResult } from './tokenizer.js';

export interface ScanState {
  line: number;
  lineStart: number;
  nextIndex: number;
  /** Issues counted by code, to cap repetitive ones. */
  seen: Map<string, number>;
}

/**
 * Splits `text[start, end)` into segments. Line breaks are never data in EDIFACT, so they are
 * dropped wherever they occur: senders wrap long segments at a fixed width.
 */
export function scan(
  text: string,
  start: number,
  end: number,
  separators: Separators,
  state: ScanState,
  result: TokenizeResult,
): void {
  const table = classTable(separators);
  const release = separators.release ? separators.release.charCodeAt(0) : -1;
  const segments = result.segments;
  let line = state.line;
  let lineStart = state.lineStart;
  let i = start;
  // Tokens of a segment are gathered here and cut into exact-size arrays at its end: growing
  // arrays by push would give every segment and composite a 16-slot backing store.
  const values: string[] = [];
  const starts: number[] = [];
  const composites: string[][] = [];

  while (i < end) {
    // Whitespace between segments (indentation, blank lines) is not part of any segment.
    let code = text.charCodeAt(i);
    let kind = table[code];
    while (kind === LINE_FEED || kind === CARRIAGE_RETURN || ((code === 32 || code === 9) && kind === DATA)) {
      if (kind === LINE_FEED || (kind === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
      if (++i >= end) break;
      code = text.charCodeAt(i);
      kind = table[code];
    }
    if (i >= end) break;

    const segmentStart = i;
    const segmentLine = line;
    const segmentColumn = i - lineStart + 1;
    let valueCount = 0;
    let elementCount = 0;
    let inElement = false;
    let discarding = false;
    let tag: string | null = null;
    let tokenStart = i;
    let dirty = false;
    let firstBreak = -1;
    let terminated = false;
    let danglingRelease = false;
    let tagHasComponents = false;

    while (i < end) {
      code = text.charCodeAt(i);
      kind = table[code];
      if (kind === DATA) {
        // Runs of data characters are the bulk of the input: a tight loop for them.
        while (++i < end && (kind = table[(code = text.charCodeAt(i))]) === DATA);
        if (i >= end) break;
      }
      if (kind === RELEASE) {
        dirty = true;
        i++;
        // A line break between the release character and the released one is transport wrapping.
        while (i < end && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) {
          if (text.charCodeAt(i) === 10 || text.charCodeAt(i + 1) !== 10) {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        if (i >= end) danglingRelease = true;
        else i++;
        continue;
      }
      if (kind === LINE_FEED || kind === CARRIAGE_RETURN) {
        if (firstBreak < 0) firstBreak = i;
        if (kind === LINE_FEED || text.charCodeAt(i + 1) !== 10) {
          line++;
          lineStart = i + 1;
        }
        dirty = true;
        i++;
        continue;
      }
      if (tag === null) {
        tag = dirty ? cleanToken(text, tokenStart, i, release) : text.slice(tokenStart, i);
        dirty = false;
        // Components after the tag have no meaning; they are read and discarded.
        if (kind === COMPONENT) {
          discarding = true;
          tagHasComponents = true;
        }
      } else {
        const value = dirty ? cleanToken(text, tokenStart, i, release) : text.slice(tokenStart, i);
        dirty = false;
        if (!discarding) {
          if (!inElement) {
            starts[elementCount++] = valueCount;
            inElement = true;
          }
          values[valueCount++] = value;
        }
      }
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
      i++;
      tokenStart = i;
      if (kind === ELEMENT) {
        inElement = false;
        discarding = false;
      } else if (kind === TERMINATOR) {
        terminated = true;
        break;
      }
    }

    if (!terminated && (tokenStart < i || tag !== null)) {
      const value = dirty ? cleanToken(text, tokenStart, i, release) : text.slice(tokenStart, i);
      if (tag === null) {
        tag = value;
      } else if (!discarding) {
        if (!inElement) starts[elementCount++] = valueCount;
        values[valueCount++] = value;
      }
    }
    if (tag === null || (tag.length === 0 && elementCount === 0)) {
      const position = { index: state.nextIndex, line: segmentLine, column: segmentColumn, tag: '' };
      if (danglingRelease) {
        result.warnings.push(
          issueAt(
            position,
            'release-at-end',
            `release character "${separators.release}" at the end of the input releases nothing; ignored`,
          ),
        );
      } else if (terminated) {
        addRepeatable(
          result.warnings,
          issueAt(
            position,
            'empty-segment',
            `empty segment: expected a segment tag before the terminator "${separators.segment}"`,
          ),
          state.seen,
        );
      }
      continue;
    }

    if (!terminated && elementCount === 0 && !tagHasComponents && !isWellFormedTag(tag)) {
      // A lone word after the last terminator (a date, a comment) is trailing text, not a segment.
      result.warnings.push(
        issueAt(
          { index: state.nextIndex, line: segmentLine, column: segmentColumn, tag: '' },
          'text-after-last-segment',
          `text after the last segment ignored: "${text.slice(segmentStart, end).trim().slice(0, 40)}"`,
        ),
      );
      break;
    }

    if (!terminated && firstBreak >= 0) {
      // A missing final terminator followed by a line break: what follows the break is a
      // trailer or a comment, not the rest of this segment.
      const inner: ScanState = {
        line: segmentLine,
        lineStart: segmentStart - (segmentColumn - 1),
        nextIndex: state.nextIndex,
        seen: state.seen,
      };
      scan(text, segmentStart, firstBreak, separators, inner, result);
      state.nextIndex = inner.nextIndex;
      const trailing = text.slice(firstBreak, end).trim();
      const last = segments[segments.length - 1];
      if (trailing.length > 0 && last) {
        result.warnings.push(
          issueAt(
            last,
            'text-after-last-segment',
            `text after the last segment ignored: "${trailing.slice(0, 40)}"`,
          ),
        );
      }
      break;
    }

    for (let k = 0; k < elementCount; k++) {
      composites[k] = values.slice(starts[k], k + 1 < elementCount ? starts[k + 1] : valueCount);
    }
    const segment: Segment = {
      tag,
      elements: composites.slice(0, elementCount),
      index: state.nextIndex++,
      line: segmentLine,
      column: segmentColumn,
      offset: segmentStart,
      end: i,
    };
    segments.push(segment);
    if (!isWellFormedTag(tag)) {
      addRepeatable(
        result.warnings,
        issueAt(
          segment,
          'malformed-tag',
          `expected a three-character segment tag (A-Z, 0-9), found "${tag}"`,
        ),
        state.seen,
      );
    }
    if (tagHasComponents) {
      addRepeatable(
        result.warnings,
        issueAt(
          segment,
          'malformed-tag',
          `expected "${separators.element}" after the segment tag, found "${separators.component}"; components ignored`,
        ),
        state.seen,
      );
    }
    if (danglingRelease) {
      result.warnings.push(
        issueAt(
          segment,
          'release-at-end',
          `release character "${separators.release}" at the end of the input releases nothing; ignored`,
        ),
      );
    }
    if (!terminated) {
      result.warnings.push(
        issueAt(
          segment,
          'unterminated-segment',
          `last segment is not terminated: expected "${separators.segment}" before the end of the input`,
        ),
      );
    }
  }
  state.line = line;
  state.lineStart = lineStart;
}
