import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePaxlst } from '../../bench/paxlst-generator.js';
import { tokenize } from './tokenizer.js';
import {
  NEW_ELEMENT,
  SEGMENT_COLUMN,
  SEGMENT_ELEMENT_COUNT,
  SEGMENT_END,
  SEGMENT_LINE,
  SEGMENT_OFFSET,
  SEGMENT_STRIDE,
  TokenTable,
  tokenizeInto,
} from './tokenizer-table.js';

/** The segments of a table rebuilt through its public accessors. */
function readBack(table: TokenTable) {
  const segments = [];
  for (let s = 0; s < table.segmentCount; s++) {
    const base = s * SEGMENT_STRIDE;
    const elements: string[][] = [];
    for (let t = table.firstToken(s) + 1; t < table.endToken(s); t++) {
      if (table.tokens[t * 2] & NEW_ELEMENT) elements.push([]);
      elements[elements.length - 1].push(table.valueOf(t));
    }
    expect(elements).toHaveLength(table.segments[base + SEGMENT_ELEMENT_COUNT]);
    segments.push({
      tag: table.tagOf(s),
      elements,
      index: s + 1,
      line: table.segments[base + SEGMENT_LINE],
      column: table.segments[base + SEGMENT_COLUMN],
      offset: table.segments[base + SEGMENT_OFFSET],
      end: table.segments[base + SEGMENT_END],
    });
  }
  return {
    separators: table.separators,
    hasServiceStringAdvice: table.hasServiceStringAdvice,
    segments,
    errors: table.errors,
    warnings: table.warnings,
  };
}

const piece = fc.constantFrom(
  'UNA:+.? ',
  "UNA:+.?*'",
  'UNA:-.? *',
  'UNA:+.? \n',
  "UNA\n+.? '",
  'UNB+UNOA:4+A+B+200130:0300+1',
  'NAD+FL+++DOE:JOHN',
  "'",
  '+',
  ':',
  '?',
  '*',
  '-',
  ' ',
  '\r',
  '\n',
  '\r\n',
  '\uFEFF',
  'A',
  'abc',
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('tokenizeInto', () => {
  it('holds what tokenize returns, issues and positions included, on arbitrary input', () => {
    const table = new TokenTable(1, 1);
    fc.assert(
      fc.property(text, (input) => {
        expect(readBack(tokenizeInto(input, table))).toEqual(tokenize(input));
      }),
      { numRuns: 500 },
    );
  });

  it('marks the first component of each element and keeps positions without making strings', () => {
    const table = tokenizeInto("UNA:+.? '\nNAD+FL+++O?'GRADY:EMMA'\r\n  DTM+329:\n991340'");
    expect(table.segmentCount).toBe(2);
    expect(table.tagOf(0)).toBe('NAD');
    expect(table.positionOf(1)).toEqual({ index: 2, line: 3, column: 3, tag: 'DTM' });
    const flags = [];
    for (let t = table.firstToken(0); t < table.endToken(0); t++)
      flags.push([table.valueOf(t), (table.tokens[t * 2] & NEW_ELEMENT) !== 0]);
    expect(flags).toEqual([
      ['NAD', false],
      ['FL', true],
      ['', true],
      ['', true],
      ["O'GRADY", true],
      ['EMMA', false],
    ]);
    expect(table.valueOf(table.endToken(1) - 1)).toBe('991340');
  });

  it('grows a small table and reuses it for the next interchange, large then small', () => {
    const table = new TokenTable(1, 1);
    const large = generatePaxlst(1, 300);
    expect(readBack(tokenizeInto(large, table))).toEqual(tokenize(large));
    const small = "UNH+1+PAXLST:D:05B:UN:IATA'UNT+2+1'";
    expect(readBack(tokenizeInto(small, table))).toEqual(tokenize(small));
    expect(table.segmentCount).toBe(2);
  });
});
