/**
 * CSV as spreadsheets write it (RFC 4180): comma or semicolon separated, fields quoted with
 * double quotes where they hold separators, quotes or line breaks, CRLF or LF, an optional
 * byte-order mark. Pure; used by the watchlist importer and the `names` commands.
 */

export interface CsvRow {
  /** Line of the file where the row starts (1-based). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/** The separator of the header line: a semicolon when it has more semicolons than commas. */
function detectSeparator(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  const count = (character: string) => first.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Every row of the text, the header included; an unterminated quote is reported, not fatal. */
export function readCsvRows(input: string, separator?: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let rowLine = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let wasQuoted = false;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else {
        if (character === '\n') line++;
        field += character;
      }
      continue;
    }
    if (character === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (character === sep) {
      fields.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      endRow();
      line++;
      rowLine = line;
    } else field += character;
  }
  if (quoted)
    problems.push({ line: rowLine, message: 'a quoted field is not closed before the end of the file' });
  if (field !== '' || fields.length > 0 || wasQuoted) endRow();
  return { rows, problems };
}

/** A table with a header: header names are trimmed and lower-cased. */
export function readCsv(input: string, separator?: string): CsvTable {
  const { rows, problems } = readCsvRows(input, separator);
  const [head, ...rest] = rows;
  return {
    header: head ? head.fields.map((name) => name.trim().toLowerCase()) : [],
    rows: rest,
    problems,
  };
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection: a name
 * `=HYPERLINK(...)` in a list would run on the analyst's machine).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field, quoted when it must be. Text that a spreadsheet would take for a formula gets a
 * leading apostrophe (OWASP's advice), shown as text; numbers and booleans are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
