import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { csvLine, readCsv, readCsvRows } from '../csv.js';
import { compareNames } from '../names/api.js';

/** CSV records of a stream, one at a time: a quoted field may run over several lines. */
async function* csvRecords(input: Readable): AsyncGenerator<{ line: number; fields: string[] }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let pending = '';
  let start = 0;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (pending === '') start = number;
    pending = pending === '' ? line : `${pending}\n${line}`;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const { rows } = readCsvRows(pending, ',');
    pending = '';
    if (rows.length > 0) yield { line: start, fields: rows[0].fields };
  }
  if (pending !== '') {
    const { rows } = readCsvRows(pending, ',');
    if (rows.length > 0) yield { line: start, fields: rows[0].fields };
  }
}

const KINDS: Record<string, 'person' | 'organisation'> = {
  '': 'person',
  person: 'person',
  individual: 'person',
  organisation: 'organisation',
  organization: 'organisation',
  entity: 'organisation',
  company: 'organisation',
};

export interface CompareSummary {
  pairs: number;
  matches: number;
  problems: string[];
}

/**
 * `interdict names compare`: CSV `name1,name2[,kind]` in, CSV `name1,name2,score,match` out,
 * one output row per input row, in order. Streams, so any number of pairs fits in memory.
 */
export async function compareCsv(
  input: Readable,
  output: Writable,
  warn: (message: string) => void,
): Promise<CompareSummary> {
  const summary: CompareSummary = { pairs: 0, matches: 0, problems: [] };
  const problem = (message: string) => {
    summary.problems.push(message);
    warn(message);
  };
  let columns: { name1: number; name2: number; kind: number } | undefined;
  const write = (text: string) =>
    output.write(text) ? Promise.resolve() : new Promise<void>((resolve) => output.once('drain', resolve));
  for await (const record of csvRecords(input)) {
    if (!columns) {
      const header = record.fields.map((f) =>
        f
          .trim()
          .replace(/^\uFEFF/, '')
          .toLowerCase(),
      );
      columns = {
        name1: header.indexOf('name1'),
        name2: header.indexOf('name2'),
        kind: header.indexOf('kind'),
      };
      if (columns.name1 < 0 || columns.name2 < 0)
        throw new Error(
          `line ${record.line}: the header must name the columns name1 and name2 (and optionally kind); found "${record.fields.join(',')}"`,
        );
      await write(`${csvLine(['name1', 'name2', 'score', 'match'])}\n`);
      continue;
    }
    const name1 = record.fields[columns.name1] ?? '';
    const name2 = record.fields[columns.name2] ?? '';
    const kindText = columns.kind >= 0 ? (record.fields[columns.kind] ?? '').trim().toLowerCase() : '';
    let kind = KINDS[kindText];
    if (!kind) {
      problem(
        `line ${record.line}: kind "${kindText}" is neither person nor organisation; compared as a person`,
      );
      kind = 'person';
    }
    const result =
      name1.trim() && name2.trim() ? compareNames(name1, name2, kind) : { score: 0, match: false };
    summary.pairs++;
    if (result.match) summary.matches++;
    await write(`${csvLine([name1, name2, Number(result.score.toFixed(4)), result.match])}\n`);
  }
  if (!columns) throw new Error('the input is empty: expected a CSV header name1,name2[,kind]');
  return summary;
}

export interface PersonRow {
  line: number;
  id: string;
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'M' | 'F';
  documents?: { number: string }[];
}

/** The persons CSV of `interdict names screen --list`: name, and optionally id, date_of_birth, nationality, sex, document_number. */
export function readPersonsCsv(text: string): { persons: PersonRow[]; problems: string[] } {
  const table = readCsv(text);
  const problems = table.problems.map((p) => `line ${p.line}: ${p.message}`);
  const at = (name: string) => table.header.indexOf(name);
  if (at('name') < 0)
    return {
      persons: [],
      problems: [
        ...problems,
        'line 1: the header must name a column "name" (and optionally id, date_of_birth, nationality, sex, document_number)',
      ],
    };
  const persons: PersonRow[] = [];
  for (const row of table.rows) {
    const get = (name: string) => (at(name) >= 0 ? (row.fields[at(name)] ?? '').trim() : '');
    const name = get('name');
    if (!name) {
      problems.push(`line ${row.line}: the name is empty; row skipped`);
      continue;
    }
    const person: PersonRow = { line: row.line, id: get('id') || String(row.line), name };
    const dob = get('date_of_birth');
    if (dob && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(dob)) person.dateOfBirth = dob;
    else if (dob)
      problems.push(`line ${row.line}: date_of_birth "${dob}" is not YYYY, YYYY-MM or YYYY-MM-DD; left out`);
    if (get('nationality')) person.nationality = get('nationality');
    const sex = get('sex').toUpperCase();
    if (sex === 'M' || sex === 'F') person.sex = sex;
    if (get('document_number')) person.documents = [{ number: get('document_number') }];
    persons.push(person);
  }
  return { persons, problems };
}

/** What `names screen` writes of a candidate: the fields of the watchlist's candidate view it shows. */
export interface ScreenedCandidate {
  score: number;
  match: boolean;
  matchedBy: string;
  list: { name: string };
  entry: { id: string; externalId: string | null; primaryName: string };
  explanation: Parameters<typeof explainBriefly>[0]['explanation'];
}

export const SCREEN_COLUMNS = [
  'id',
  'name',
  'score',
  'match',
  'matched_by',
  'list',
  'entry_id',
  'entry_reference',
  'entry_name',
  'explanation',
] as const;

/** The CSV lines of `names screen` after its header: each candidate of each person, or one empty row. */
export function screenResultLines(persons: PersonRow[], results: ScreenedCandidate[][]): string[] {
  return persons.flatMap((person, index) => {
    const candidates = results[index] ?? [];
    if (candidates.length === 0) return [csvLine([person.id, person.name, 0, false, '', '', '', '', '', ''])];
    return candidates.map((c) =>
      csvLine([
        person.id,
        person.name,
        Number(c.score.toFixed(4)),
        c.match,
        c.matchedBy,
        c.list.name,
        c.entry.id,
        c.entry.externalId,
        c.entry.primaryName,
        explainBriefly(c),
      ]),
    );
  });
}

/** One line of a name-match explanation, for CSV output. */
export function explainBriefly(candidate: {
  matchedBy: string;
  explanation: {
    parts: { query: string; candidate: string; method: string; similarity: number }[];
    adjustments: { detail: string; delta: number }[];
  };
}): string {
  const parts = candidate.explanation.parts.map(
    (p) => `${p.query}~${p.candidate} (${p.method} ${p.similarity.toFixed(2)})`,
  );
  const adjustments = candidate.explanation.adjustments.map(
    (a) => `${a.delta >= 0 ? '+' : ''}${a.delta.toFixed(2)} ${a.detail}`,
  );
  return [...parts, ...adjustments].join('; ');
}
