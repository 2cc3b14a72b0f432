import type { ParseIssue } from './issues.js';
import { scan, type ScanState } from './scanner.js';
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
