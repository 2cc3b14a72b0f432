import { cleanToken } from './character-classes.js';
import type { ParseIssue, SegmentPosition } from './issues.js';
import { DEFAULT_SEPARATORS, type Separators } from './service-string.js';

/** Set on a token's start: the token is the first component of a data element. */
export const NEW_ELEMENT = 1 << 30;
/** Set on a token's end: the token holds release characters or line breaks to remove. */
export const NEEDS_CLEANING = 1 << 30;
/** Strips the flags from a token start or end (V8 strings are shorter than 2^30). */
export const OFFSET_MASK = NEW_ELEMENT - 1;

/** Int32 slots per segment in `TokenTable.segments`. */
export const SEGMENT_STRIDE = 6;
/** Slot of each field in a segment's record. */
export const SEGMENT_OFFSET = 0;
export const SEGMENT_END = 1;
export const SEGMENT_LINE = 2;
export const SEGMENT_COLUMN = 3;
/** Index in `tokens` (in tokens, not slots) of the segment's tag token. */
export const SEGMENT_FIRST_TOKEN = 4;
export const SEGMENT_ELEMENT_COUNT = 5;

/**
 * The tokens of an interchange as offsets into its text, in typed arrays that are reused from one
 * interchange to the next: reading an interchange this way makes no string and no object per
 * segment, element or component. Strings are made on demand with `tagOf` and `valueOf`.
 *
 * Segment `s` (0-based; its `index` is s + 1) owns tokens `firstToken(s)` to `firstToken(s + 1)`
 * (or `tokenCount`): its tag, then every component in order, `NEW_ELEMENT` marking the first
 * component of each data element. Every data element has at least one component.
 */
export class TokenTable {
  text = '';
  separators: Separators = { ...DEFAULT_SEPARATORS };
  hasServiceStringAdvice = false;
  errors: ParseIssue[] = [];
  warnings: ParseIssue[] = [];
  segmentCount = 0;
  /** `SEGMENT_STRIDE` slots per segment: offset, end, line, column, first token, element count. */
  segments: Int32Array;
  tokenCount = 0;
  /** Two slots per token: start (| NEW_ELEMENT), end (| NEEDS_CLEANING). */
  tokens: Int32Array;
  /** Char code of the release character, -1 when there is none. */
  release = -1;

  constructor(segmentCapacity = 1024, tokenCapacity = 8192) {
    this.segments = new Int32Array(segmentCapacity * SEGMENT_STRIDE);
    this.tokens = new Int32Array(tokenCapacity * 2);
  }

  firstToken(segment: number): number {
    return this.segments[segment * SEGMENT_STRIDE + SEGMENT_FIRST_TOKEN];
  }

  /** One past the last token of the segment. */
  endToken(segment: number): number {
    return segment + 1 < this.segmentCount
      ? this.segments[(segment + 1) * SEGMENT_STRIDE + SEGMENT_FIRST_TOKEN]
      : this.tokenCount;
  }

  /** The text of a token: released characters kept, release characters and line breaks removed. */
  valueOf(token: number): string {
    const start = this.tokens[token * 2] & OFFSET_MASK;
    const end = this.tokens[token * 2 + 1];
    return end & NEEDS_CLEANING
      ? cleanToken(this.text, start, end & OFFSET_MASK, this.release)
      : this.text.slice(start, end);
  }

  tagOf(segment: number): string {
    return this.valueOf(this.firstToken(segment));
  }

  /** Where the segment starts, to anchor an issue on it. */
  positionOf(segment: number): SegmentPosition {
    const base = segment * SEGMENT_STRIDE;
    return {
      index: segment + 1,
      line: this.segments[base + SEGMENT_LINE],
      column: this.segments[base + SEGMENT_COLUMN],
      tag: this.tagOf(segment),
    };
  }

  reset(text: string): void {
    this.text = text;
    this.separators = { ...DEFAULT_SEPARATORS };
    this.hasServiceStringAdvice = false;
    this.errors = [];
    this.warnings = [];
    this.segmentCount = 0;
    this.tokenCount = 0;
    this.release = -1;
  }

  /** Room for `count` more tokens. */
  reserveTokens(count: number): Int32Array {
    const needed = (this.tokenCount + count) * 2;
    if (needed > this.tokens.length) {
      const grown = new Int32Array(Math.max(needed, this.tokens.length * 2));
      grown.set(this.tokens.subarray(0, this.tokenCount * 2));
      this.tokens = grown;
    }
    return this.tokens;
  }

  /** Room for one more segment. */
  reserveSegment(): Int32Array {
    const needed = (this.segmentCount + 1) * SEGMENT_STRIDE;
    if (needed > this.segments.length) {
      const grown = new Int32Array(this.segments.length * 2);
      grown.set(this.segments);
      this.segments = grown;
    }
    return this.segments;
  }
}
