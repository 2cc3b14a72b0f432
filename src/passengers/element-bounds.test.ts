import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaxlst } from './paxlst.js';
import { parsePnrgov } from './pnrgov.js';

const fixture = (path: string) =>
  readFileSync(new URL(`../../test/fixtures/edifact/${path}`, import.meta.url), 'utf8');

/** A name part of Cyrillic letters: two bytes each in UTF-8, so a long name is a large index row. */
const cyrillic = (count: number) => 'ЂОРЂЕВИЋ'.repeat(Math.ceil(count / 8)).slice(0, count);

describe('bounds of indexed values', () => {
  it('rejects a PAXLST name longer than 512 in all, though each part is within the element bound', () => {
    const parts = Array.from({ length: 5 }, () => cyrillic(120)).join(':');
    const text = fixture('paxlst/Test1.txt').replace(/NAD\+FM\+\+\+[^']*/, `NAD+FM+++${parts}`);
    const parsed = parsePaxlst(text);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        tag: 'NAD',
        code: 'element-too-long',
        message: 'NAD element 4 is 600 characters long: a name may not be longer than 512',
      }),
    ]);
    expect(parsed.errors[0]!.line).toBeGreaterThan(0);
  });

  it('rejects a PAXLST flight number or document number longer than a code may be', () => {
    const text = fixture('paxlst/Test1.txt')
      .replace(/TDT\+20\+[^+']*/, `TDT+20+UA${'9'.repeat(80)}`)
      .replace(/DOC\+([^+']*)\+[^+':]*/, `DOC+$1+${'X'.repeat(71)}`);
    expect(parsePaxlst(text).errors.map((error) => error.message)).toEqual([
      'TDT element 2, component 1 is 82 characters long: a flight number may not be longer than 70',
      'DOC element 2, component 1 is 71 characters long: a document number may not be longer than 70',
    ]);
  });

  it('rejects a PNRGOV record locator longer than a reference may be', () => {
    const text = fixture('pnrgov/pnrWithDoco.txt').replace(
      /RCI\+([^:']*):[^:']*/,
      `RCI+$1:${'L'.repeat(141)}`,
    );
    expect(parsePnrgov(text).errors.map((error) => error.message)).toContain(
      'RCI element 1, component 2 is 141 characters long: a record locator may not be longer than 140',
    );
  });

  it('accepts the real samples as they are', () => {
    expect(parsePaxlst(fixture('paxlst/Test1.txt')).errors).toEqual([]);
    expect(parsePnrgov(fixture('pnrgov/pnrWithDoco.txt')).errors).toEqual([]);
  });
});
