import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatServiceStringAdvice, type Separators } from './service-string.js';
import { tokenize } from './tokenizer.js';
import { formatSegment } from './writer.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/edifact');
const fixtures = ['paxlst', 'pnrgov'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder)).map((file) => ({
    name: `${folder}/${file}`,
    text: readFileSync(join(FIXTURES, folder, file), 'utf8'),
  })),
);

type Shape = { tag: string; elements: string[][] };

/** What the writer keeps: trailing empty components and elements are not written. */
function normalised(segments: Shape[]): Shape[] {
  return segments.map(({ tag, elements }) => {
    const result = elements.map((components) => {
      const copy = [...components];
      while (copy.length > 1 && copy[copy.length - 1] === '') copy.pop();
      return copy;
    });
    while (
      result.length > 0 &&
      result[result.length - 1].length === 1 &&
      result[result.length - 1][0] === ''
    ) {
      result.pop();
    }
    return { tag, elements: result };
  });
}

const shapeOf = (text: string): Shape[] =>
  tokenize(text).segments.map((segment) => ({ tag: segment.tag, elements: segment.elements }));

/** Legal service characters other than the defaults; the structural ones are drawn distinct. */
const separatorsArbitrary: fc.Arbitrary<Separators> = fc
  .record({
    component: fc.constantFrom(':', '^', '<', '>'),
    element: fc.constantFrom('+', '-', '=', '{'),
    segment: fc.constantFrom("'", '~', '}', '"'),
    release: fc.constantFrom('?', '\\', '!'),
    decimal: fc.constantFrom('.', ','),
    repetition: fc.constantFrom(' ', '*'),
  })
  .filter((s) => new Set([s.component, s.element, s.segment, s.release, s.decimal, s.repetition]).size === 6);

const layout = fc
  .array(fc.constantFrom(' ', '\t', '\r', '\n', '\r\n'), { maxLength: 4 })
  .map((parts) => parts.join(''));

/** Each fixture's segments written again with `separators`, `after[i]` following terminator i. */
function rewrite(
  segments: Shape[],
  separators: Separators,
  una: string,
  after: (index: number) => string,
): string {
  return (
    una +
    segments
      .map((segment, index) => formatSegment(segment.tag, segment.elements, separators) + after(index))
      .join('')
  );
}

describe('service string advice checked against the interchange', () => {
  it('reads a PNRGOV whose UNA lost its decimal mark, the line break after it taken as no terminator', () => {
    const text =
      "UNA:+\\*'\nUNB+IATA:1+DL++101209:2100+020A07'\nUNH+1+PNRGOV:11:1:IA+DL'\nMSG+:22'\nUNT+3+1'\nUNZ+1+020A07'\n";
    const result = tokenize(text);
    expect(result.errors).toEqual([]);
    expect(result.separators).toMatchObject({ component: ':', element: '+', segment: "'", release: '\\' });
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNB', 'UNH', 'MSG', 'UNT', 'UNZ']);
    expect(result.segments[1]).toMatchObject({ line: 3, column: 1 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'una-corrected', line: 1, column: 1, tag: 'UNA' }),
    ]);
    expect(result.warnings[0].message).toContain('5 service characters');
  });

  it('reads a UNA of five characters directly followed by the header', () => {
    const result = tokenize("UNA:+.?'UNB+UNOA:4+A+B+200130:0300+1'UNH+1+PAXLST:D:02B:UN:IATA'");
    expect(result.errors).toEqual([]);
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNB', 'UNH']);
    expect(result.segments[0].elements[0]).toEqual(['UNOA', '4']);
    expect(result.separators).toMatchObject({ segment: "'", release: '?' });
  });

  it('keeps a line break as the terminator when nothing else ends the segments', () => {
    const result = tokenize('UNA:+.? \nUNB+UNOA:4+A+B+200130:0300+1\nUNH+1+PAXLST:D:02B:UN:IATA\n');
    expect(result.warnings).toEqual([]);
    expect(result.separators.segment).toBe('\n');
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNB', 'UNH']);
  });

  it('leaves a UNA that fits alone, even when data in the header looks like a tag', () => {
    const result = tokenize("UNA:+.? ' UNB+UNOA:4+APIS*ABE+USADHS+080708:0545+1' UNH+1+PAXLST'");
    expect(result.warnings).toEqual([]);
    expect(result.segments[0].elements[1]).toEqual(['APIS*ABE']);
  });

  it('still rejects an interchange whose separators cannot be told', () => {
    expect(tokenize("UNA::::::UNH+1+PAXLST'").errors.map((issue) => issue.code)).toEqual(['una-invalid']);
  });

  it('every fixture gives the same parse with other separators, one UNA character dropped, and any layout after terminators', () => {
    for (const fixture of fixtures) {
      const expected = normalised(shapeOf(fixture.text));
      expect(expected.length, fixture.name).toBeGreaterThan(3);
      fc.assert(
        fc.property(
          separatorsArbitrary,
          fc.integer({ min: -1, max: 5 }),
          fc.array(layout, { minLength: 1, maxLength: 16 }),
          (separators, dropped, layouts) => {
            const advice = formatServiceStringAdvice(separators);
            const una = dropped < 0 ? advice : advice.slice(0, 3 + dropped) + advice.slice(4 + dropped);
            const text = rewrite(expected, separators, una, (index) => layouts[index % layouts.length]);
            const result = tokenize(text);
            expect(result.errors, fixture.name).toEqual([]);
            expect(normalised(shapeOf(text))).toEqual(expected);
          },
        ),
        { numRuns: 12, endOnFailure: true },
      );
    }
  });
});
