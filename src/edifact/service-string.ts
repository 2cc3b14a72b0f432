import { issueAt, type ParseIssue } from './issues.js';

/** The delimiters of an interchange, each a single character. */
export interface Separators {
  component: string;
  element: string;
  decimal: string;
  /** Empty when the interchange declares no release character. */
  release: string;
  /** Syntax version 4 repetition separator; a space means "not used". */
  repetition: string;
  segment: string;
}

/** ISO 9735 defaults, in force when an interchange has no UNA. */
export const DEFAULT_SEPARATORS: Readonly<Separators> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  segment: "'",
});

export interface ServiceStringAdvice {
  separators: Separators;
  /** Offset just after the UNA in the text. */
  end: number;
  issues: ParseIssue[];
}

const UNA_LENGTH = 9;

function isAlphanumericOrSpace(code: number): boolean {
  return (
    code === 32 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  );
}

/**
 * Reads the UNA service string advice starting at `offset` (which must point at "UNA").
 * Any characters are accepted as long as the structural ones stay distinct, because real
 * senders use `*`, `-` or even a typographic quote as terminators.
 */
export function readServiceStringAdvice(
  text: string,
  offset: number,
  line = 1,
  column = 1,
): ServiceStringAdvice {
  const position = { index: 0, line, column, tag: 'UNA' };
  if (text.length - offset < UNA_LENGTH) {
    return {
      separators: { ...DEFAULT_SEPARATORS },
      end: text.length,
      issues: [
        issueAt(
          position,
          'una-truncated',
          `UNA is truncated: expected 6 service characters after "UNA", found ${Math.max(0, text.length - offset - 3)}; default separators used`,
        ),
      ],
    };
  }
  const release = text[offset + 6];
  const separators: Separators = {
    component: text[offset + 3],
    element: text[offset + 4],
    decimal: text[offset + 5],
    release: release === ' ' ? '' : release,
    repetition: text[offset + 7],
    segment: text[offset + 8],
  };
  const structural = [separators.component, separators.element, separators.segment];
  if (separators.release) structural.push(separators.release);
  const distinct = new Set(structural).size === structural.length;
  const usable = structural.every((character) => !isAlphanumericOrSpace(character.charCodeAt(0)));
  if (!distinct || !usable) {
    return {
      separators: { ...DEFAULT_SEPARATORS },
      end: offset + UNA_LENGTH,
      issues: [
        issueAt(
          position,
          'una-invalid',
          `UNA "${text.slice(offset, offset + UNA_LENGTH)}" is unusable: expected distinct, non-alphanumeric component, element, release and segment characters; default separators used`,
        ),
      ],
    };
  }
  return { separators, end: offset + UNA_LENGTH, issues: [] };
}

/** The UNA that announces the given separators, e.g. for writing an interchange. */
export function formatServiceStringAdvice(separators: Separators): string {
  return (
    'UNA' +
    separators.component +
    separators.element +
    separators.decimal +
    (separators.release || ' ') +
    separators.repetition +
    separators.segment
  );
}

/**
 * A UNA whose terminator never occurs while apostrophes do is almost always a UNA mangled by
 * a word processor (a typographic quote for "'"): reading on with "'" saves the interchange.
 * Switches `separators` to "'" and returns the warning, or returns null when the UNA is fine.
 */
export function fallBackToApostropheIfTerminatorUnused(
  text: string,
  from: number,
  separators: Separators,
  line: number,
  column: number,
): ParseIssue | null {
  const declared = separators.segment;
  if (declared === "'" || text.indexOf(declared, from) !== -1) return null;
  if (text.indexOf("'", from) === -1) return null;
  if ([separators.component, separators.element, separators.release].includes("'")) return null;
  separators.segment = "'";
  return issueAt(
    { index: 0, line, column, tag: 'UNA' },
    'una-terminator-unused',
    `UNA declares segment terminator "${declared}" but the interchange never uses it; "'" used instead`,
  );
}
