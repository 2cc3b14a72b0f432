import { describe, expect, it } from 'vitest';
import { csvLine, readCsv, readCsvRows } from './csv.js';

describe('CSV', () => {
  it('reads quoted fields with separators, quotes and line breaks, CRLF and a byte-order mark', () => {
    const { rows, problems } = readCsvRows('\uFEFFa,b\r\n"Petrović, Đorđe","say ""hi"""\r\n"two\nlines",x\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Petrović, Đorđe', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'x'] },
    ]);
  });

  it('takes semicolons when the header has more of them than commas (spreadsheets in the region)', () => {
    const table = readCsv('ID;Primary_Name\n1;Ana Kovač, mlađa\n');
    expect(table.header).toEqual(['id', 'primary_name']);
    expect(table.rows[0].fields).toEqual(['1', 'Ana Kovač, mlađa']);
  });

  it('skips blank lines and reports a quote left open', () => {
    const { rows, problems } = readCsvRows('a\n\n"open\n');
    expect(rows.map((r) => r.fields)).toEqual([['a'], ['open\n']]);
    expect(problems).toEqual([
      { line: 3, message: 'a quoted field is not closed before the end of the file' },
    ]);
  });

  it('writes fields back so that they read the same', () => {
    const values = ['plain', 'with, comma', 'with "quote"', ' padded ', 'semi;colon'];
    const line = csvLine(values);
    expect(line).toBe('plain,"with, comma","with ""quote"""," padded ","semi;colon"');
    expect(readCsvRows(line, ',').rows[0].fields).toEqual(values);
  });

  it('writes text a spreadsheet would run as a formula as text, with a leading apostrophe', () => {
    const hostile = ['=HYPERLINK("http://x.example","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\r=1'];
    const line = csvLine(hostile);
    expect(line).toBe(`"'=HYPERLINK(""http://x.example"",""y"")","'+1+1","'-2+3","'@SUM(A1)","'\tx","'\r=1"`);
    const cells = readCsvRows(line, ',').rows[0].fields;
    expect(cells).toEqual(hostile.map((text) => `'${text}`));
    // Numbers stay numbers; such characters elsewhere in the text are harmless.
    expect(csvLine([-0.5, 'Ana-Marija', "O'Brien", 'a=b'])).toBe("-0.5,Ana-Marija,O'Brien,a=b");
  });
});
