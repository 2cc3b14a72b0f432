import { readCsv } from '../csv.js';
import type { ImportIssue, ParsedList, WatchlistEntryInput, WatchlistKind } from './model.js';

/**
 * The CSV template for national and manual lists (docs/watchlist-csv.md describes it). One row
 * per entry; several values in one field are separated by "|"; a document is written
 * `type:number:issuing state` (type and state may be left out: `:AB123456:` or `AB123456`).
 */
export const CSV_COLUMNS = [
  'id',
  'primary_name',
  'aliases',
  'original_script_names',
  'dates_of_birth',
  'places_of_birth',
  'nationalities',
  'sex',
  'documents',
  'reason',
  'category',
  'severity',
  'valid_from',
  'valid_to',
  'source_reference',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const CSV_TEMPLATE = [
  CSV_COLUMNS.join(','),
  'RS-2024-0017,Đorđe Petrović,Djordje Petrovic|Ђорђе Петровић,Ђорђе Петровић,1979-04-12|1980,Niš,RS,M,passport:008123456:RS|id-card:RS1234567:RS,Suspected courier (cocaine),drugs,high,2024-01-15,,Case 17/2024',
  'RS-2024-0018,Ana Kovač,,,1991,,BA|HR,F,,Cash smuggling,cash,medium,2024-02-01,2026-02-01,',
].join('\r\n');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const many = (value: string): string[] =>
  value
    .split('|')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Reads a watchlist CSV into entries of the list's kind; every problem names its line and column. */
export function parseWatchlistCsv(text: string, kind: WatchlistKind): ParsedList {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const table = readCsv(text);
  for (const problem of table.problems)
    errors.push({ where: `line ${problem.line}`, message: problem.message });
  if (table.header.length === 0) {
    errors.push({
      where: 'line 1',
      message: `the file is empty: expected a header line (${CSV_COLUMNS.join(',')})`,
    });
    return { generatedAt: null, entries: [], errors, warnings };
  }
  const position = new Map<string, number>();
  table.header.forEach((name, index) => {
    if (position.has(name)) errors.push({ where: 'line 1', message: `column "${name}" appears twice` });
    else if (!(CSV_COLUMNS as readonly string[]).includes(name))
      warnings.push({ where: `line 1, column ${index + 1}`, message: `unknown column "${name}" is ignored` });
    position.set(name, index);
  });
  const required: Column[] = kind === 'document' ? ['id', 'documents'] : ['id', 'primary_name'];
  const missing = required.filter((name) => !position.has(name));
  if (missing.length > 0) {
    errors.push({
      where: 'line 1',
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; the header must name the columns of the template`,
    });
    return { generatedAt: null, entries: [], errors, warnings };
  }

  const seen = new Map<string, number>();
  const entries: WatchlistEntryInput[] = [];
  for (const row of table.rows) {
    const rowErrors: ImportIssue[] = [];
    const at = (column: Column) => `line ${row.line}, column ${(position.get(column) ?? 0) + 1} (${column})`;
    const get = (column: Column) => {
      const index = position.get(column);
      return index === undefined ? '' : (row.fields[index] ?? '').trim();
    };
    if (
      row.fields.length > table.header.length &&
      row.fields.slice(table.header.length).some((f) => f.trim())
    )
      warnings.push({
        where: `line ${row.line}`,
        message: `${row.fields.length} fields for ${table.header.length} columns: the extra ones are ignored`,
      });

    const id = get('id');
    if (!id) rowErrors.push({ where: at('id'), message: 'the id is empty: every entry needs its own id' });
    else if (seen.has(id))
      rowErrors.push({
        where: at('id'),
        message: `id "${id}" is used again (first on line ${seen.get(id)})`,
      });
    else seen.set(id, row.line);

    const datesOfBirth = many(get('dates_of_birth'));
    for (const date of datesOfBirth)
      if (!/^\d{4}$/.test(date) && !validDate(date))
        rowErrors.push({
          where: at('dates_of_birth'),
          message: `"${date}" is not a date: write YYYY-MM-DD or YYYY`,
        });

    const sexText = get('sex').toUpperCase();
    const sex =
      sexText === 'M' || sexText === 'MALE' ? 'M' : sexText === 'F' || sexText === 'FEMALE' ? 'F' : null;
    if (sexText && !sex)
      rowErrors.push({
        where: at('sex'),
        message: `"${get('sex')}" is not a sex: write M, F or leave empty`,
      });

    const documents = many(get('documents')).map((written) => {
      const parts = written.split(':').map((part) => part.trim());
      const [type, number, state] = parts.length === 1 ? ['', parts[0], ''] : parts;
      if (parts.length > 3 || !number)
        rowErrors.push({
          where: at('documents'),
          message: `"${written}" is not a document: write type:number:issuing state`,
        });
      return { type: type || null, number: number ?? '', issuingState: state || null, note: null };
    });
    if (kind === 'document' && documents.length === 0)
      rowErrors.push({ where: at('documents'), message: 'a document list entry needs a document number' });

    const severityText = get('severity').toLowerCase() || 'medium';
    const severity = SEVERITIES.find((s) => s === severityText);
    if (!severity)
      rowErrors.push({
        where: at('severity'),
        message: `"${get('severity')}" is not a severity: write ${SEVERITIES.join(', ')}`,
      });

    const validity = (column: 'valid_from' | 'valid_to') => {
      const value = get(column);
      if (value && !validDate(value))
        rowErrors.push({ where: at(column), message: `"${value}" is not a date: write YYYY-MM-DD` });
      return value || null;
    };
    const validFrom = validity('valid_from');
    const validTo = validity('valid_to');
    if (validFrom && validTo && validTo < validFrom)
      rowErrors.push({
        where: at('valid_to'),
        message: `valid to (${validTo}) is before valid from (${validFrom})`,
      });

    let primaryName = get('primary_name').replace(/\s+/g, ' ');
    if (!primaryName && kind === 'document') primaryName = documents[0]?.number ?? '';
    if (!primaryName && kind !== 'document')
      rowErrors.push({ where: at('primary_name'), message: 'the primary name is empty' });
    if (primaryName.length > 500)
      rowErrors.push({
        where: at('primary_name'),
        message: 'the primary name is longer than 500 characters',
      });

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    entries.push({
      externalId: id,
      kind,
      primaryName,
      aliases: many(get('aliases')).map((name) => ({ name, quality: null })),
      originalScriptNames: many(get('original_script_names')),
      datesOfBirth,
      placesOfBirth: many(get('places_of_birth')),
      nationalities: many(get('nationalities')),
      sex,
      documents,
      reason: get('reason') || null,
      category: get('category') || null,
      severity: severity ?? 'medium',
      validFrom,
      validTo,
      sourceReference: get('source_reference') || null,
    });
  }
  if (table.rows.length === 0)
    warnings.push({ where: 'line 2', message: 'the file has a header but no entries' });
  return { generatedAt: null, entries, errors, warnings };
}
