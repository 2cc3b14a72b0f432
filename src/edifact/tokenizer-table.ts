import {
  CARRIAGE_RETURN,
  classTable,
  COMPONENT,
  DATA,
  ELEMENT,
  LINE_FEED,
  RELEASE,
  TERMINATOR,
} from './character-classes.js';
import { MAX_COMPONENT_LENGTH, reportOverlongComponent } from './element-length.js';
import { addRepeatable, issueAt } from './issues.js';
import { correctServiceStringAdvice } from './separator-inference.js';
import { fallBackToApostropheIfTerminatorUnused, readServiceStringAdvice } from './service-string.js';
import {
  NEW_ELEMENT,
  NEEDS_CLEANING,
  OFFSET_MASK,
  SEGMENT_STRIDE,
  SEGMENT_OFFSET,
  SEGMENT_END,
  SEGMENT_LINE,
  SEGMENT_COLUMN,
  SEGMENT_FIRST_TOKEN,
  SEGMENT_ELEMENT_COUNT,
  TokenTable,
} from './token-table.js';

export * from './token-table.js';

interface ScanState {
  line: number;
  lineStart: number;
  /** Issues counted by code, to cap repetitive ones. */
  seen: Map<string, number>;
}

/** Tokens reserved at a time; a segment that has more reserves again. */
const TOKEN_CHUNK = 256;

function isWellFormedTagAt(text: string, start: number, end: number): boolean {
  if (end - start !== 3) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

/** Whether a token is empty once release characters and line breaks are removed. */
function isEmptyToken(table: TokenTable, token: number, tokenCount: number): boolean {
  const start = table.tokens[token * 2] & OFFSET_MASK;
  const end = table.tokens[token * 2 + 1];
  if ((end & NEEDS_CLEANING) === 0) return end === start;
  table.tokenCount = tokenCount;
  return table.valueOf(token).length === 0;
}

/**
 * Splits `text[start, end)` into segments, appending them to `table`. Line breaks are never data
 * in EDIFACT, so they are dropped wherever they occur: senders wrap long segments at a fixed width.
 */
function scanInto(table: TokenTable, start: number, end: number, state: ScanState): void {
  const text = table.text;
  const separators = table.separators;
  const classes = classTable(separators);
  let tokens = table.reserveTokens(TOKEN_CHUNK);
  let tokenLimit = tokens.length >> 1;
  let tokenCount = table.tokenCount;
  let line = state.line;
  let lineStart = state.lineStart;
  let i = start;

  while (i < end) {
    // Whitespace between segments (indentation, blank lines) is not part of any segment.
    let code = text.charCodeAt(i);
    let kind = classes[code];
    while (kind === LINE_FEED || kind === CARRIAGE_RETURN || ((code === 32 || code === 9) && kind === DATA)) {
      if (kind === LINE_FEED || (kind === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
      if (++i >= end) break;
      code = text.charCodeAt(i);
      kind = classes[code];
    }
    if (i >= end) break;

    const segmentStart = i;
    const segmentLine = line;
    const segmentColumn = i - lineStart + 1;
    const firstToken = tokenCount;
    let elementCount = 0;
    /** NEW_ELEMENT for the first token after an element separator, else 0 (the tag included). */
    let startFlag = 0;
    let discarding = false;
    let tokenStart = i;
    let dirty = 0;
    let firstBreak = -1;
    let terminated = false;
    let danglingRelease = false;
    let tagHasComponents = false;
    /** The first token of the segment longer than any element may be, -1 when none. */
    let overlong = -1;

    while (i < end) {
      code = text.charCodeAt(i);
      kind = classes[code];
      if (kind === DATA) {
        // Runs of data characters are the bulk of the input: a tight loop for them.
        while (++i < end && (kind = classes[(code = text.charCodeAt(i))]) === DATA);
        if (i >= end) break;
      }
      if (kind === RELEASE) {
        dirty = NEEDS_CLEANING;
        i++;
        // A line break between the release character and the released one is transport wrapping.
        while (i < end && ((code = text.charCodeAt(i)) === 10 || code === 13)) {
          if (code === 10 || text.charCodeAt(i + 1) !== 10) {
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
        dirty = NEEDS_CLEANING;
        i++;
        continue;
      }
      // A separator or the terminator ends the token before it.
      if (!discarding) {
        if (tokenCount === tokenLimit) {
          table.tokenCount = tokenCount;
          tokens = table.reserveTokens(TOKEN_CHUNK);
          tokenLimit = tokens.length >> 1;
        }
        tokens[tokenCount << 1] = tokenStart | startFlag;
        tokens[(tokenCount << 1) + 1] = i | dirty;
        if (i - tokenStart > MAX_COMPONENT_LENGTH && overlong < 0 && tokenCount > firstToken)
          overlong = tokenCount;
        if (startFlag !== 0) elementCount++;
        else if (tokenCount === firstToken && kind === COMPONENT) {
          // Components after the tag have no meaning; they are read and discarded.
          discarding = true;
          tagHasComponents = true;
        }
        tokenCount++;
      }
      dirty = 0;
      startFlag = 0;
      // A UNA may declare a line break as a separator; it still ends a line.
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
      i++;
      tokenStart = i;
      if (kind === ELEMENT) {
        startFlag = NEW_ELEMENT;
        discarding = false;
      } else if (kind === TERMINATOR) {
        terminated = true;
        break;
      }
    }

    const hasTag = tokenCount > firstToken;
    if (!terminated && (tokenStart < i || hasTag) && !discarding) {
      // The input ended inside a token: it is the last one of the segment.
      if (tokenCount === tokenLimit) {
        table.tokenCount = tokenCount;
        tokens = table.reserveTokens(TOKEN_CHUNK);
        tokenLimit = tokens.length >> 1;
      }
      tokens[tokenCount << 1] = tokenStart | startFlag;
      tokens[(tokenCount << 1) + 1] = i | dirty;
      if (i - tokenStart > MAX_COMPONENT_LENGTH && overlong < 0 && tokenCount > firstToken)
        overlong = tokenCount;
      if (startFlag !== 0) elementCount++;
      tokenCount++;
    }

    const nextIndex = table.segmentCount + 1;
    if (tokenCount === firstToken || (elementCount === 0 && isEmptyToken(table, firstToken, tokenCount))) {
      tokenCount = firstToken;
      const position = { index: nextIndex, line: segmentLine, column: segmentColumn, tag: '' };
      if (danglingRelease) {
        table.warnings.push(
          issueAt(
            position,
            'release-at-end',
            `release character "${separators.release}" at the end of the input releases nothing; ignored`,
          ),
        );
      } else if (terminated) {
        addRepeatable(
          table.warnings,
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

    const tagStart = tokens[firstToken * 2] & OFFSET_MASK;
    const tagEndFlagged = tokens[firstToken * 2 + 1];
    const tagWellFormed =
      (tagEndFlagged & NEEDS_CLEANING) === 0 && isWellFormedTagAt(text, tagStart, tagEndFlagged);

    if (!terminated && elementCount === 0 && !tagHasComponents && !tagWellFormed) {
      table.tokenCount = tokenCount;
      const tag = table.valueOf(firstToken);
      if (tag.length !== 3 || !isWellFormedTagAt(tag, 0, 3)) {
        // A lone word after the last terminator (a date, a comment) is trailing text, not a segment.
        tokenCount = firstToken;
        table.warnings.push(
          issueAt(
            { index: nextIndex, line: segmentLine, column: segmentColumn, tag: '' },
            'text-after-last-segment',
            `text after the last segment ignored: "${text.slice(segmentStart, end).trim().slice(0, 40)}"`,
          ),
        );
        break;
      }
    }

    if (!terminated && firstBreak >= 0) {
      // A missing final terminator followed by a line break: what follows the break is a
      // trailer or a comment, not the rest of this segment.
      table.tokenCount = firstToken;
      const inner: ScanState = {
        line: segmentLine,
        lineStart: segmentStart - (segmentColumn - 1),
        seen: state.seen,
      };
      scanInto(table, segmentStart, firstBreak, inner);
      tokenCount = table.tokenCount;
      const trailing = text.slice(firstBreak, end).trim();
      if (trailing.length > 0 && table.segmentCount > 0) {
        table.warnings.push(
          issueAt(
            table.positionOf(table.segmentCount - 1),
            'text-after-last-segment',
            `text after the last segment ignored: "${trailing.slice(0, 40)}"`,
          ),
        );
      }
      break;
    }

    const segments = table.reserveSegment();
    const base = table.segmentCount * SEGMENT_STRIDE;
    segments[base + SEGMENT_OFFSET] = segmentStart;
    segments[base + SEGMENT_END] = i;
    segments[base + SEGMENT_LINE] = segmentLine;
    segments[base + SEGMENT_COLUMN] = segmentColumn;
    segments[base + SEGMENT_FIRST_TOKEN] = firstToken;
    segments[base + SEGMENT_ELEMENT_COUNT] = elementCount;
    table.segmentCount++;

    if (overlong >= 0) {
      table.tokenCount = tokenCount;
      reportOverlongComponent(table, table.segmentCount - 1, overlong, state.seen);
    }
    if (!tagWellFormed || tagHasComponents || danglingRelease || !terminated) {
      table.tokenCount = tokenCount;
      reportSegmentIssues(table, table.segmentCount - 1, state, {
        tagWellFormed,
        tagHasComponents,
        danglingRelease,
        terminated,
      });
    }
  }
  table.tokenCount = tokenCount;
  state.line = line;
  state.lineStart = lineStart;
}

/** The rare warnings about a segment that was kept. */
function reportSegmentIssues(
  table: TokenTable,
  segment: number,
  state: ScanState,
  flags: { tagWellFormed: boolean; tagHasComponents: boolean; danglingRelease: boolean; terminated: boolean },
): void {
  const separators = table.separators;
  const position = table.positionOf(segment);
  const tag = position.tag;
  if (!flags.tagWellFormed && !(tag.length === 3 && isWellFormedTagAt(tag, 0, 3))) {
    addRepeatable(
      table.warnings,
      issueAt(position, 'malformed-tag', `expected a three-character segment tag (A-Z, 0-9), found "${tag}"`),
      state.seen,
    );
  }
  if (flags.tagHasComponents) {
    addRepeatable(
      table.warnings,
      issueAt(
        position,
        'malformed-tag',
        `expected "${separators.element}" after the segment tag, found "${separators.component}"; components ignored`,
      ),
      state.seen,
    );
  }
  if (flags.danglingRelease) {
    table.warnings.push(
      issueAt(
        position,
        'release-at-end',
        `release character "${separators.release}" at the end of the input releases nothing; ignored`,
      ),
    );
  }
  if (!flags.terminated) {
    table.warnings.push(
      issueAt(
        position,
        'unterminated-segment',
        `last segment is not terminated: expected "${separators.segment}" before the end of the input`,
      ),
    );
  }
}

/**
 * Tokenizes an EDIFACT interchange into `table` (a new one when none is given), as offsets only:
 * the fastest way to read an interchange. Never throws: every irregularity becomes an error or a
 * warning with its segment position, exactly as `tokenize` reports them.
 */
export function tokenizeInto(text: string, table: TokenTable = new TokenTable()): TokenTable {
  table.reset(text);
  let i = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const state: ScanState = { line: 1, lineStart: i, seen: new Map() };
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
    // Where the UNA starts: a line break among its service characters moves the lines on below.
    const unaLine = line;
    const unaColumn = probe - lineStart + 1;
    const advice = readServiceStringAdvice(text, probe, unaLine, unaColumn);
    table.hasServiceStringAdvice = true;
    table.separators = advice.separators;
    table.errors.push(...advice.issues);
    for (let k = probe; k < advice.end; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = advice.end;
    const fallback = fallBackToApostropheIfTerminatorUnused(text, i, table.separators, unaLine, unaColumn);
    if (fallback) table.warnings.push(fallback);
    const correction = correctServiceStringAdvice(text, probe, table.separators, i, unaLine, unaColumn);
    if (correction) {
      // The header shows the separators really in use: the UNA's own complaints no longer apply.
      table.separators = correction.separators;
      table.errors = table.errors.filter((issue) => !advice.issues.includes(issue));
      table.warnings.push(correction.warning);
      for (let k = Math.max(advice.end, probe); k < correction.end; k++) {
        if (text.charCodeAt(k) === 10) {
          line++;
          lineStart = k + 1;
        }
      }
      i = correction.end;
    }
    state.line = line;
    state.lineStart = lineStart;
  }
  table.release = table.separators.release ? table.separators.release.charCodeAt(0) : -1;
  scanInto(table, i, text.length, state);
  return table;
}
