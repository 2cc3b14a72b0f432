import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../csv.js';
import { compareCsv, readPersonsCsv, screenResultLines } from './names.js';

async function run(input: string) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const warnings: string[] = [];
  const summary = await compareCsv(Readable.from([input]), output, (m) => warnings.push(m));
  return { lines: chunks.join('').trimEnd().split('\n'), summary, warnings };
}

describe('names compare', () => {
  it('writes name1,name2,score,match for each input row, in order, across scripts and kinds', async () => {
    const { lines, summary } = await run(
      'name1,name2,kind\r\nĐorđe Petrović,DJORDJE PETROVIC,\r\n"Petrović, Đorđe",Ђорђе Петровић,person\r\nMarko Marković,Petar Petrović,person\r\nAlfa Trade d.o.o.,ALFA TRADE DOO,organisation\r\n',
    );
    expect(lines[0]).toBe('name1,name2,score,match');
    const rows = lines.slice(1).map((line) => line.split(/,(?=[^,]*,[^,]*$)|,(?=[^,]*$)/));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Đorđe Petrović,DJORDJE PETROVIC,0\.9\d*,true$/);
    expect(lines[2]).toMatch(/^"Petrović, Đorđe",Ђорђе Петровић,0\.9\d*,true$/);
    expect(lines[3]).toMatch(/^Marko Marković,Petar Petrović,0(\.[0-7]\d*)?,false$/);
    expect(lines[4]).toMatch(/^Alfa Trade d\.o\.o\.,ALFA TRADE DOO,(1|0\.9\d*),true$/);
    expect(rows).toHaveLength(4);
    expect(summary).toMatchObject({ pairs: 4, matches: 3 });
  });

  it('takes the columns by their header, warns about an unknown kind and refuses a header without the names', async () => {
    const { lines, warnings } = await run('kind,name2,name1\nfruit,Ana,Ana\n');
    expect(lines[1]).toMatch(/^Ana,Ana,1,true$/);
    expect(warnings).toEqual([
      'line 2: kind "fruit" is neither person nor organisation; compared as a person',
    ]);
    await expect(run('a,b\nx,y\n')).rejects.toThrow(
      /line 1: the header must name the columns name1 and name2/,
    );
    await expect(run('')).rejects.toThrow(/the input is empty/);
  });
});

describe('names screen persons file', () => {
  it('reads persons with optional evidence and reports rows it cannot use', () => {
    const { persons, problems } = readPersonsCsv(
      'id,name,date_of_birth,nationality,sex,document_number\n7,Ana Kovač,1991,BA,F,\n8,,,,,\n9,Bob,12/12/1990,,,P123\n',
    );
    expect(persons).toEqual([
      { line: 2, id: '7', name: 'Ana Kovač', dateOfBirth: '1991', nationality: 'BA', sex: 'F' },
      { line: 4, id: '9', name: 'Bob', documents: [{ number: 'P123' }] },
    ]);
    expect(problems).toEqual([
      'line 3: the name is empty; row skipped',
      'line 4: date_of_birth "12/12/1990" is not YYYY, YYYY-MM or YYYY-MM-DD; left out',
    ]);
  });
});

describe('CSV written by the names commands', () => {
  it('never leaves a cell that a spreadsheet would run as a formula', async () => {
    const { lines } = await run('name1,name2\n"=HYPERLINK(""http://x.example"",""Ana"")",@Ana\n');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x\.example"",""Ana""\)","'@Ana",/);
    const persons = [
      { line: 2, id: '-7', name: '+Marko Marković' },
      { line: 3, id: '8', name: 'Ana Kovač' },
    ];
    const candidate = {
      score: 0.91,
      match: true,
      matchedBy: 'name',
      list: { name: '=cmd|" /C calc"!A0' },
      entry: { id: 'e1', externalId: '@ref', primaryName: '-Ana Kovač' },
      explanation: { parts: [], adjustments: [{ detail: 'same date of birth', delta: 0.05 }] },
    };
    const written = screenResultLines(persons, [[], [candidate]]);
    const cells = written.flatMap((line) => readCsvRows(line, ',').rows[0]!.fields);
    const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(formulas).toEqual([]);
    expect(cells).toContain("'+Marko Marković");
    expect(cells).toContain('\'=cmd|" /C calc"!A0');
    expect(cells).toContain("'+0.05 same date of birth");
  });
});
