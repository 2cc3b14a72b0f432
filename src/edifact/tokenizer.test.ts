import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEdifactBytes } from './decode.js';
import { tokenize } from './tokenizer.js';

const fixture = (path: string) =>
  decodeEdifactBytes(readFileSync(new URL(`../../test/fixtures/edifact/${path}`, import.meta.url))).text;

const shape = (text: string) => tokenize(text).segments.map((segment) => [segment.tag, ...segment.elements]);

describe('tokenize: service string advice', () => {
  it('uses the ISO 9735 defaults without UNA', () => {
    const result = tokenize("UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'");
    expect(result.hasServiceStringAdvice).toBe(false);
    expect(result.separators).toEqual({
      component: ':',
      element: '+',
      decimal: '.',
      release: '?',
      repetition: ' ',
      segment: "'",
    });
    expect(shape("UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'")).toEqual([
      ['UNH', ['1'], ['PAXLST', 'D', '02B', 'UN', 'IATA']],
      ['BGM', ['745']],
    ]);
  });

  it('reads any separators from UNA, e.g. "-" elements and "*" terminators', () => {
    const text = 'UNA:-.? *UNH-1-PNRGOV:13:1:IA*TVL-230220:1010:1422-JFK-MBJ-DL-441*';
    const result = tokenize(text);
    expect(result.separators).toMatchObject({ component: ':', element: '-', segment: '*', release: '?' });
    expect(shape(text)[1]).toEqual(['TVL', ['230220', '1010', '1422'], ['JFK'], ['MBJ'], ['DL'], ['441']]);
  });

  it('takes "*" in the fifth UNA position as the repetition separator, not a delimiter', () => {
    const text = "UNA:+.?*'UNB+UNOA:4+APIS*C3K+USCSAPIS'";
    expect(tokenize(text).separators.repetition).toBe('*');
    expect(shape(text)).toEqual([['UNB', ['UNOA', '4'], ['APIS*C3K'], ['USCSAPIS']]]);
  });

  it('honours a backslash release character declared in UNA', () => {
    expect(shape("UNA:+.\\*'FTX+AAI+++5\\'6\\\\ TALL\\+WIDE'")).toEqual([
      ['FTX', ['AAI'], [''], [''], ["5'6\\ TALL+WIDE"]],
    ]);
  });

  it('reads on with "\'" when a UNA declares a terminator the interchange never uses', () => {
    const result = tokenize("UNA:+.\\*\u2019 UNB+IATA:1+1A'UNH+1+PNRGOV:11:1:IA'");
    expect(result.separators.segment).toBe("'");
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNB', 'UNH']);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['una-terminator-unused']);
  });

  it('places that warning at the UNA when the declared terminator is a line break', () => {
    // Found by the property test: the line break inside the UNA moved the column below 1.
    const result = tokenize("  UNA:+.? \nUNA:+.?*'");
    const warning = result.warnings.find((w) => w.code === 'una-terminator-unused');
    expect(warning).toMatchObject({ line: 1, column: 3, tag: 'UNA' });
    for (const issue of [...result.errors, ...result.warnings]) expect(issue.column).toBeGreaterThan(0);
  });

  it('reports an unusable UNA as an error and falls back to the defaults', () => {
    const result = tokenize("UNA::::::UNH+1+PAXLST'");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'una-invalid',
      segment: 0,
      line: 1,
      column: 1,
      tag: 'UNA',
    });
    expect(result.segments[0].tag).toBe('UNH');
  });

  it('reports a truncated UNA', () => {
    expect(tokenize('UNA:+').errors[0].code).toBe('una-truncated');
  });
});

describe('tokenize: release character', () => {
  it('keeps released separators and release characters as data', () => {
    expect(shape("NAD+FL+++O?'GRADY:EMMA?:JANE+1?+1 MAIN ST??'")).toEqual([
      ['NAD', ['FL'], [''], [''], ["O'GRADY", 'EMMA:JANE'], ['1+1 MAIN ST?']],
    ]);
  });

  it('warns about a release character at the very end, without failing', () => {
    const result = tokenize("UNH+1+PAXLST'FTX+AAI+++ABC?");
    expect(result.segments[1].elements[3]).toEqual(['ABC']);
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'release-at-end',
      'unterminated-segment',
    ]);
    expect(tokenize('?').warnings.map((warning) => warning.code)).toEqual(['release-at-end']);
  });

  it('releases the character after a line break that wrapped "?+"', () => {
    expect(shape("FTX+AAI+++A?\n+B'")).toEqual([['FTX', ['AAI'], [''], [''], ['A+B']]]);
  });
});

describe('tokenize: layout', () => {
  it('drops line breaks inside segments and blank lines, spaces and tabs between them', () => {
    const text = "UNH+00102181551362+PNRGOV:11:1:IA+AUTZ000623052013221001SIN201305\n28'\r\n\r\n \t MSG+:22'";
    expect(shape(text)).toEqual([
      ['UNH', ['00102181551362'], ['PNRGOV', '11', '1', 'IA'], ['AUTZ000623052013221001SIN20130528']],
      ['MSG', ['', '22']],
    ]);
  });

  it('records index, line and column of every segment with LF, CRLF and CR line ends', () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      const text = `\uFEFFUNB+UNOA:4+A+B+200130:0300+1'${lineEnd}  UNH+1+PAXLST:D:02B:UN:IATA'BGM+745'${lineEnd}UNT+3+1'`;
      const positions = tokenize(text).segments.map(({ tag, index, line, column }) => ({
        tag,
        index,
        line,
        column,
      }));
      expect(positions).toEqual([
        { tag: 'UNB', index: 1, line: 1, column: 1 },
        { tag: 'UNH', index: 2, line: 2, column: 3 },
        { tag: 'BGM', index: 3, line: 2, column: 30 },
        { tag: 'UNT', index: 4, line: 3, column: 1 },
      ]);
    }
  });

  it('keeps raw offsets so that the error queue can show the segment as received', () => {
    const text = "UNA:+.? 'UNH+1+PAXLST'  BGM+745'";
    const bgm = tokenize(text).segments[1];
    expect(text.slice(bgm.offset, bgm.end)).toBe("BGM+745'");
  });

  it('cuts an unterminated last segment at its line break and reports the text after it', () => {
    const result = tokenize(
      "UNE+1+7'\nUNZ+1+00102181551362\n\nModify above message to create bad message.\n",
    );
    expect(shape("UNE+1+7'\nUNZ+1+00102181551362\n\nModify above message.\n")[1]).toEqual([
      'UNZ',
      ['1'],
      ['00102181551362'],
    ]);
    expect(result.warnings.map(({ code, segment, line }) => ({ code, segment, line }))).toEqual([
      { code: 'unterminated-segment', segment: 2, line: 2 },
      { code: 'text-after-last-segment', segment: 2, line: 2 },
    ]);
  });

  it('reports a word after the last terminator as trailing text, not as a segment', () => {
    const result = tokenize("UNZ+1+123456789'\n13Nov09\n");
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNZ']);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'text-after-last-segment', segment: 2, line: 2, column: 1 }),
    ]);
  });

  it('points at malformed and empty segments with their positions', () => {
    const text = "UNH+1+PAXLST:D:02B:UN:IATA'\nBGM+745'\nnad+FL+++DOE'\n''\nDTM:329+780706'\nUNT+6+1'";
    const result = tokenize(text);
    expect(result.segments.map((segment) => segment.tag)).toEqual(['UNH', 'BGM', 'nad', 'DTM', 'UNT']);
    expect(
      result.warnings.map(({ code, segment, line, column, tag }) => ({ code, segment, line, column, tag })),
    ).toEqual([
      { code: 'malformed-tag', segment: 3, line: 3, column: 1, tag: 'nad' },
      { code: 'empty-segment', segment: 4, line: 4, column: 1, tag: undefined },
      { code: 'empty-segment', segment: 4, line: 4, column: 2, tag: undefined },
      { code: 'malformed-tag', segment: 4, line: 5, column: 1, tag: 'DTM' },
    ]);
    expect(result.warnings[3].message).toContain('expected "+" after the segment tag');
  });

  it('returns nothing, without throwing, for empty or blank input', () => {
    expect(tokenize('').segments).toEqual([]);
    expect(tokenize(' \r\n\t').segments).toEqual([]);
  });
});

describe('tokenize: real samples', () => {
  it('reads every segment of the GTAS samples with their own UNAs and line ends', () => {
    const counts = {
      'paxlst/Test3.txt': 3135,
      'paxlst/apisMessage.txt': 37,
      'pnrgov/danglingMetaCharacter.txt': 57,
      'pnrgov/infant.edi': 84,
      'pnrgov/2_pnrs_basic.edi': 136,
    };
    for (const [path, count] of Object.entries(counts)) {
      const result = tokenize(fixture(path));
      expect(result.errors, path).toEqual([]);
      expect(result.segments, path).toHaveLength(count);
    }
  });

  it('counts lines of a CR-only file (Test3.txt)', () => {
    const segments = tokenize(fixture('paxlst/Test3.txt')).segments;
    const lastTraveller = segments.filter((segment) => segment.tag === 'NAD').at(-1);
    expect(lastTraveller).toMatchObject({ line: 261, column: 1 });
    expect(lastTraveller?.elements[3]).toEqual(['Pfaffelhuber', 'Lisa', 'Pat']);
  });
});
