import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInterchange } from './envelope.js';
import { detectMessageTypes } from './message-type.js';
import { DEFAULT_SEPARATORS, type Separators } from './service-string.js';
import { tokenize, type TokenizeResult } from './tokenizer.js';
import { formatSegments } from './writer.js';

/** Pieces that make EDIFACT-like noise: service strings, separators, release characters, line ends. */
const edifactPiece = fc.constantFrom(
  'UNA:+.? ',
  "UNA:+.?*'",
  'UNA:-.? *',
  'UNA',
  'UNB+UNOA:4+A+B+200130:0300+1',
  'UNH+1+PAXLST:D:02B:UN:IATA',
  'UNT+2+1',
  'UNE+1+1',
  'UNZ+1+1',
  'NAD+FL+++DOE:JOHN',
  'DTM+329:991340',
  "'",
  '+',
  ':',
  '?',
  '??',
  '*',
  '-',
  '\\',
  ' ',
  '\r',
  '\n',
  '\r\n',
  '\uFEFF',
  '\u2019',
  'A',
  '0',
);
const edifactish = fc.array(edifactPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 400 });

/** Null when positions are consistent, else what is wrong (one expect per run keeps this fast). */
function positionProblem(text: string, result: TokenizeResult): string | null {
  let previousEnd = 0;
  for (let position = 0; position < result.segments.length; position++) {
    const segment = result.segments[position];
    if (segment.index !== position + 1) return `segment ${position} has index ${segment.index}`;
    if (segment.line < 1 || segment.column < 1)
      return `segment ${segment.index} at ${segment.line}:${segment.column}`;
    if (segment.offset < previousEnd || segment.end <= segment.offset || segment.end > text.length) {
      return `segment ${segment.index} spans ${segment.offset}-${segment.end}`;
    }
    previousEnd = segment.end;
  }
  for (const issue of [...result.errors, ...result.warnings]) {
    if (issue.line < 1 || issue.column < 1 || issue.message.length === 0)
      return `issue ${JSON.stringify(issue)}`;
  }
  return null;
}

describe('robustness on arbitrary input', () => {
  it('tokenize never throws and keeps positions consistent', () => {
    fc.assert(
      fc.property(fc.oneof(edifactish, anyText), (text) => {
        expect(positionProblem(text, tokenize(text))).toBeNull();
      }),
      { numRuns: 600 },
    );
  });

  it('the envelope reader and type detection never throw, and report no message as an error', () => {
    fc.assert(
      fc.property(fc.oneof(edifactish, anyText), (text) => {
        const interchange = readInterchange(text);
        if (interchange.messages.length === 0) expect(interchange.errors.length).toBeGreaterThan(0);
        expect(Array.isArray(detectMessageTypes(text))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on pathological input (no hang, no quadratic blow-up)', () => {
    for (const piece of ['?', "'", '+', ':', '\n', '\r\n', 'UNA', "UNH+1'", '?\n', ' ']) {
      const text = piece.repeat(Math.ceil(100_000 / piece.length));
      const started = performance.now();
      const result = tokenize(text);
      expect(positionProblem(text, result)).toBeNull();
      expect(result.warnings.length).toBeLessThan(200);
      readInterchange(text);
      expect(performance.now() - started, JSON.stringify(piece)).toBeLessThan(1_500);
    }
  });
});

const CUSTOM_SEPARATORS: Separators = { ...DEFAULT_SEPARATORS, element: '-', segment: '*' };
const tag = fc.stringMatching(/^[A-Z][A-Z0-9]{2}$/).filter((value) => value !== 'UNA');
const value = fc.string({
  unit: fc.constantFrom('A', 'z', '1', ' ', ':', '+', "'", '?', '*', '-', '\\', '.', 'Đ', 'ж'),
  maxLength: 8,
});
const segment = fc.record({
  tag,
  elements: fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
});

/** What the writer keeps: trailing empty components and elements are not written. */
function normalised(elements: string[][]): string[][] {
  const result = elements.map((components) => {
    const copy = [...components];
    while (copy.length > 1 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (result.length > 0 && result[result.length - 1].length === 1 && result[result.length - 1][0] === '') {
    result.pop();
  }
  return result;
}

describe('writer and tokenizer round trip', () => {
  for (const [name, separators] of [
    ['default separators', DEFAULT_SEPARATORS],
    ['"-" and "*" separators with a UNA', CUSTOM_SEPARATORS],
  ] as const) {
    it(`reads back what was written, separators and release characters included (${name})`, () => {
      fc.assert(
        fc.property(
          fc.array(segment, { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          (segments, lineBreaks) => {
            const text = formatSegments(segments, separators, { lineBreaks });
            const result = tokenize(text);
            expect(result.errors).toEqual([]);
            expect(result.segments.map((read) => ({ tag: read.tag, elements: read.elements }))).toEqual(
              segments.map((written) => ({ tag: written.tag, elements: normalised(written.elements) })),
            );
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
