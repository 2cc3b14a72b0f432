import { addRepeatable, issueAt, type ParseIssue } from './issues.js';
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
import {
  DEFAULT_SEPARATORS,
  fallBackToApostropheIfTerminatorUnused,
  readServiceStringAdvice,
  type Separators,
} from './service-string.js';

/** One segment: its tag, its data elements and where it starts in the raw text. */
export interface Segment {
  tag: string;
  /** `elements[i][j]` is component j of data element i + 1 (the tag is not counted). */
  elements: string[][];
  /** 1-based position among the segments of the interchange (UNA not counted). */
  index: number;
  line: number;
  column: number;
  /** Offsets in the raw text: first character, and just after the terminator. */
  offset: number;
  end: number;
}

export interface TokenizeResult {
  separators: Separators;
  hasServiceStringAdvice: boolean;
  segments: Segment[];
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

interface ScanState {
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
function scan(
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
    const elements: string[][] = [];
    let components: string[] | null = null;
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
        i++;
        continue;
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
        // Components after the tag have no meaning; they are read into a discarded composite.
        if (kind === COMPONENT) {
          components = [];
          tagHasComponents = true;
        }
      } else {
        const value = dirty ? cleanToken(text, tokenStart, i, release) : text.slice(tokenStart, i);
        dirty = false;
        if (components === null) {
          components = [value];
          elements.push(components);
        } else {
          components.push(value);
        }
      }
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
      i++;
      tokenStart = i;
      if (kind === ELEMENT) {
        components = null;
      } else if (kind === TERMINATOR) {
        terminated = true;
        break;
      }
    }

    if (!terminated && (tokenStart < i || tag !== null)) {
      const value = dirty ? cleanToken(text, tokenStart, i, release) : text.slice(tokenStart, i);
      if (tag === null) tag = value;
      else if (components === null) elements.push([value]);
      else components.push(value);
    }
    if (tag === null || (tag.length === 0 && elements.length === 0)) {
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

    if (!terminated && elements.length === 0 && !tagHasComponents && !isWellFormedTag(tag)) {
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

    const segment: Segment = {
      tag,
      elements,
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
        issueAt(segment, 'malformed-tag', `expected a three-character segment tag (A-Z, 0-9), found "${tag}"`),
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

/**
 * Tokenizes an EDIFACT interchange into segments. Never throws: every irregularity becomes an
 * error or a warning with its segment position.
 */
export function tokenize(text: string): TokenizeResult {
  const result: TokenizeResult = {
    separators: { ...DEFAULT_SEPARATORS },
    hasServiceStringAdvice: false,
    segments: [],
    errors: [],
    warnings: [],
  };
  let i = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const state: ScanState = { line: 1, lineStart: i, nextIndex: 1, seen: new Map() };
  let probe = i;
  let line = 1;
  let lineStart = i;
  for (; probe < text.length; probe++) {
    const code = text.charCodeAt(probe);
    if (code === 10 || (code === 13 && text.charCodeAt(probe + 1) !== 10)) {
      line++;
      lineStart = probe + 1;
    } else if (code !== 32 && code !== 9 && code !== 13) break;
  }
  if (text.startsWith('UNA', probe)) {
    const advice = readServiceStringAdvice(text, probe, line, probe - lineStart + 1);
    result.hasServiceStringAdvice = true;
    result.separators = advice.separators;
    result.errors.push(...advice.issues);
    for (let k = probe; k < advice.end; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = advice.end;
    state.line = line;
    state.lineStart = lineStart;
    const fallback = fallBackToApostropheIfTerminatorUnused(
      text,
      i,
      result.separators,
      line,
      probe - lineStart + 1,
    );
    if (fallback) result.warnings.push(fallback);
  }
  scan(text, i, text.length, result.separators, state, result);
  return result;
}
