/**
 * Recovery of segments whose terminator the sender lost. The tokenizer cannot see it, so two
 * segments arrive as one; PNRGOV knows its tags and how many elements each may have, which is
 * enough to split them again in two common cases:
 *  - a line break followed by a PNRGOV tag inside a segment ("...SEJOONM’\nTVL+2705..."): the
 *    terminator was dropped or replaced (often by a typographic quote) at the end of the line;
 *  - a segment with more elements than the guide allows, one of which ends with a tag
 *    ("RPI+1+HKIFT+4:19+..."): the terminator was dropped between two segments on one line.
 */
import {
  formatServiceStringAdvice,
  issueAt,
  tokenize,
  type ParseIssue,
  type Segment,
  type Separators,
} from '../edifact/index.js';

export const PNRGOV_TAGS = new Set([
  'ABI',
  'ADD',
  'APD',
  'DAT',
  'EBD',
  'EQD',
  'EQN',
  'ERC',
  'FAR',
  'FOP',
  'FTI',
  'IFT',
  'LTS',
  'MON',
  'MSG',
  'ORG',
  'PDI',
  'PTK',
  'RCI',
  'REF',
  'RPI',
  'SAC',
  'SRC',
  'SSD',
  'SSR',
  'TBD',
  'TIF',
  'TKT',
  'TRA',
  'TRI',
  'TVL',
  'TXD',
]);

/** Most data elements each segment may have (PNRGOV 13.1); only segments with a small, sure bound. */
const MOST_ELEMENTS: Record<string, number> = { RPI: 2, EQN: 1, SAC: 3, MSG: 2, SRC: 1, ORG: 9, TRA: 3 };

/** Characters that word processors put where an apostrophe (the usual terminator) was. */
const TYPOGRAPHIC_QUOTES = new Set(['\u2019', '\u2018', '\u00b4', '`']);

function advance(text: string, from: number, to: number, line: number, column: number) {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (code !== 13) {
      column++;
    }
  }
  return { line, column };
}

/** Offsets in `raw` where a line starts with a PNRGOV tag and a separator after it. */
function taggedLineStarts(raw: string, separators: Separators): number[] {
  const starts: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    let j = i + 1;
    while (j < raw.length && (raw[j] === '\n' || raw[j] === '\r' || raw[j] === ' ' || raw[j] === '\t')) j++;
    const next = raw[j + 3];
    if (
      PNRGOV_TAGS.has(raw.slice(j, j + 3)) &&
      (next === separators.element || next === separators.segment)
    ) {
      starts.push(j);
    }
    i = j - 1;
  }
  return starts;
}

function splitAtLineStarts(
  text: string,
  segment: Segment,
  starts: number[],
  separators: Separators,
  warnings: ParseIssue[],
): Segment[] {
  const raw = text.slice(segment.offset, segment.end);
  const advice = formatServiceStringAdvice(separators);
  const pieces: Segment[] = [];
  const bounds = [0, ...starts, raw.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let piece = raw.slice(bounds[k], bounds[k + 1]).trimEnd();
    const last = k + 2 === bounds.length;
    if (!last) {
      if (TYPOGRAPHIC_QUOTES.has(piece[piece.length - 1])) piece = piece.slice(0, -1);
      piece += separators.segment;
    }
    const offset = segment.offset + bounds[k];
    const { line, column } = advance(text, segment.offset, offset, segment.line, segment.column);
    for (const read of tokenize(advice + piece).segments) {
      const shift = offset - advice.length;
      const at = advance(text, offset, read.offset + shift, line, column);
      pieces.push({
        ...read,
        index: segment.index,
        line: at.line,
        column: at.column,
        offset: read.offset + shift,
        end: read.end + shift,
      });
    }
    if (k > 0) {
      warnings.push(
        issueAt(
          { index: segment.index, line, column, tag: segment.tag },
          'missing-terminator',
          `segment ${segment.tag} runs on into a line starting with ${raw.slice(bounds[k], bounds[k] + 3)}: a segment terminator is missing; read as two segments`,
        ),
      );
    }
  }
  return pieces;
}

function splitOverflowingElements(
  text: string,
  segment: Segment,
  separators: Separators,
  warnings: ParseIssue[],
): Segment[] | null {
  if (segment.elements.length <= 1) return null;
  const most = MOST_ELEMENTS[segment.tag];
  if (most === undefined || segment.elements.length <= most) return null;
  for (let i = Math.min(most, segment.elements.length - 1) - 1; i >= 0; i--) {
    const composite = segment.elements[i];
    const value = composite[composite.length - 1] ?? '';
    const tag = value.slice(-3);
    if (value.length < 3 || !PNRGOV_TAGS.has(tag)) continue;
    const head = value.slice(0, -3);
    const firstElements = segment.elements.slice(0, i);
    if (head.length > 0 || composite.length > 1) firstElements.push([...composite.slice(0, -1), head]);
    const raw = text.slice(segment.offset, segment.end);
    const found = raw.indexOf(tag + separators.element);
    const offset = segment.offset + (found >= 0 ? found : 0);
    const at = advance(text, segment.offset, offset, segment.line, segment.column);
    warnings.push(
      issueAt(
        { index: segment.index, line: at.line, column: at.column, tag: segment.tag },
        'missing-terminator',
        `segment ${segment.tag} has ${segment.elements.length} elements (at most ${most} expected) and "${value}" ends with ${tag}: a segment terminator is missing; read as two segments`,
      ),
    );
    return [
      { ...segment, elements: firstElements, end: offset },
      {
        tag,
        elements: segment.elements.slice(i + 1),
        index: segment.index,
        line: at.line,
        column: at.column,
        offset,
        end: segment.end,
      },
    ];
  }
  return null;
}

function nextOccurrence(text: string, character: string, from: number): number {
  const found = text.indexOf(character, from);
  return found < 0 ? Infinity : found;
}

/**
 * Splits segments that swallowed the next one. Returns `segments` itself when nothing needed
 * repair, which is the case for almost every message.
 */
export function repairMergedSegments(
  text: string,
  segments: Segment[],
  separators: Separators,
  warnings: ParseIssue[],
): Segment[] {
  let repaired: Segment[] | null = null;
  // The next line breaks at or after the current segment, each searched once per line.
  let lineFeed = -1;
  let carriageReturn = -1;
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    if (lineFeed < segment.offset) lineFeed = nextOccurrence(text, '\n', segment.offset);
    if (carriageReturn < segment.offset) carriageReturn = nextOccurrence(text, '\r', segment.offset);
    let replacement: Segment[] | null = null;
    if (lineFeed < segment.end || carriageReturn < segment.end) {
      const starts = taggedLineStarts(text.slice(segment.offset, segment.end), separators);
      if (starts.length > 0) replacement = splitAtLineStarts(text, segment, starts, separators, warnings);
    }
    if (replacement === null) {
      // The usual case, a well-formed segment: nothing is allocated for it.
      const parts = splitOverflowingElements(text, segment, separators, warnings);
      if (parts && !repaired) repaired = segments.slice(0, s);
      if (repaired) repaired.push(...(parts ?? [segment]));
      continue;
    }
    const candidates = replacement;
    const split: Segment[] = [];
    for (const candidate of candidates)
      split.push(...(splitOverflowingElements(text, candidate, separators, warnings) ?? [candidate]));
    repaired ??= segments.slice(0, s);
    repaired.push(...split);
  }
  return repaired ?? segments;
}
