import { addRepeatable, issueAt } from './issues.js';
import {
  NEW_ELEMENT,
  OFFSET_MASK,
  SEGMENT_FIRST_TOKEN,
  SEGMENT_OFFSET,
  SEGMENT_STRIDE,
  type TokenTable,
} from './token-table.js';

/**
 * The longest value a component may carry. The longest data element of the PAXLST and PNRGOV
 * directories is free text (4440, an..512); names (3036, 9936, 9942) are an..70 and codes an..3 to
 * an..35. A value past this is not data but a broken or hostile file, and must not reach a
 * database index (a row of an index holds at most about 2,700 bytes).
 */
export const MAX_COMPONENT_LENGTH = 512;

/**
 * Reports the first component of `segment` longer than MAX_COMPONENT_LENGTH as an error, from
 * `candidate` on (the first whose raw span is longer): the interchange is rejected, with where.
 * The segment is the last one of the table.
 */
export function reportOverlongComponent(
  table: TokenTable,
  segment: number,
  candidate: number,
  seen: Map<string, number>,
): void {
  const tokens = table.tokens;
  let token = candidate;
  // Release characters and line breaks make a raw span longer than its value.
  while (
    token < table.tokenCount &&
    ((tokens[token * 2 + 1] & OFFSET_MASK) - (tokens[token * 2] & OFFSET_MASK) <= MAX_COMPONENT_LENGTH ||
      table.valueOf(token).length <= MAX_COMPONENT_LENGTH)
  )
    token++;
  if (token >= table.tokenCount) return;
  const first = table.segments[segment * SEGMENT_STRIDE + SEGMENT_FIRST_TOKEN];
  let element = 0;
  let component = 0;
  for (let t = first + 1; t <= token; t++) {
    if (tokens[t * 2] & NEW_ELEMENT) {
      element++;
      component = 1;
    } else component++;
  }
  const read = table.positionOf(segment);
  // A tag that is not one (text with no separator) is not quoted whole.
  const position = { ...read, tag: read.tag.length <= 3 ? read.tag : `${read.tag.slice(0, 3)}…` };
  const text = table.text;
  const start = tokens[token * 2] & OFFSET_MASK;
  const segmentStart = table.segments[segment * SEGMENT_STRIDE + SEGMENT_OFFSET];
  let line = position.line;
  let lineStart = -1;
  for (let i = segmentStart; i < start; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = lineStart < 0 ? position.column + (start - segmentStart) : start - lineStart + 1;
  addRepeatable(
    table.errors,
    issueAt(
      position,
      'element-too-long',
      `${position.tag} element ${element}, component ${component} (line ${line}, column ${column}) is ${table.valueOf(token).length} characters long: no element may be longer than ${MAX_COMPONENT_LENGTH}`,
    ),
    seen,
  );
}
