import { cleanToken } from './character-classes.js';
import type { ParseIssue } from './issues.js';
import type { Separators } from './service-string.js';
import {
  NEEDS_CLEANING,
  NEW_ELEMENT,
  OFFSET_MASK,
  SEGMENT_COLUMN,
  SEGMENT_END,
  SEGMENT_FIRST_TOKEN,
  SEGMENT_LINE,
  SEGMENT_OFFSET,
  SEGMENT_STRIDE,
  TokenTable,
  tokenizeInto,
} from './tokenizer-table.js';

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

/** Reused by `tokenize`, which runs to completion before it is called again. */
let scratch = new TokenTable();
/** Past this many token slots the scratch table is dropped after use, not kept for the next call. */
const SCRATCH_KEEP_LIMIT = 1 << 20;

/**
 * Tokenizes an EDIFACT interchange into segments. Never throws: every irregularity becomes an
 * error or a warning with its segment position. `tokenizeInto` reads the same without making
 * the strings and arrays.
 */
export function tokenize(text: string): TokenizeResult {
  const table = tokenizeInto(text, scratch);
  try {
    return {
      separators: table.separators,
      hasServiceStringAdvice: table.hasServiceStringAdvice,
      segments: segmentsOf(table),
      errors: table.errors,
      warnings: table.warnings,
    };
  } finally {
    table.text = '';
    table.errors = [];
    table.warnings = [];
    if (table.tokens.length > SCRATCH_KEEP_LIMIT) scratch = new TokenTable();
  }
}

/** The segments of a table as strings and arrays. */
export function segmentsOf(table: TokenTable): Segment[] {
  const text = table.text;
  const release = table.release;
  const records = table.segments;
  const tokens = table.tokens;
  const count = table.segmentCount;
  const segments: Segment[] = [];
  // Tokens of a segment are gathered here and cut into exact-size arrays: growing arrays by
  // push would give every segment and composite a 16-slot backing store.
  const values: string[] = [];
  const starts: number[] = [];
  const composites: string[][] = [];
  for (let s = 0; s < count; s++) {
    const base = s * SEGMENT_STRIDE;
    const first = records[base + SEGMENT_FIRST_TOKEN];
    const last = s + 1 < count ? records[base + SEGMENT_STRIDE + SEGMENT_FIRST_TOKEN] : table.tokenCount;
    let elementCount = 0;
    let valueCount = 0;
    for (let t = first + 1; t < last; t++) {
      const start = tokens[t * 2];
      const end = tokens[t * 2 + 1];
      if (start & NEW_ELEMENT) starts[elementCount++] = valueCount;
      values[valueCount++] =
        end & NEEDS_CLEANING
          ? cleanToken(text, start & OFFSET_MASK, end & OFFSET_MASK, release)
          : text.slice(start & OFFSET_MASK, end);
    }
    for (let k = 0; k < elementCount; k++) {
      composites[k] = values.slice(starts[k], k + 1 < elementCount ? starts[k + 1] : valueCount);
    }
    segments.push({
      tag: table.valueOf(first),
      elements: composites.slice(0, elementCount),
      index: s + 1,
      line: records[base + SEGMENT_LINE],
      column: records[base + SEGMENT_COLUMN],
      offset: records[base + SEGMENT_OFFSET],
      end: records[base + SEGMENT_END],
    });
  }
  return segments;
}
