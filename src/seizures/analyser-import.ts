/**
 * Import of handheld analyser results (Raman, FTIR and similar narcotics analysers), in the CSV or
 * JSON format documented in docs/analyser-import.md. Vendors export differently; a unit converts
 * the export to this format (or the device's template is set up to write it), and every problem is
 * reported with the line (CSV) or the path (JSON) and the field, so the officer can fix the file.
 */
import { readCsv } from '../csv.js';

export type LibraryMatch = 'match' | 'mixture' | 'no-match' | 'inconclusive';

export interface MixtureComponent {
  substance: string;
  /** 0 to 1, when the device gives one. */
  score?: number;
}

export interface AnalyserResult {
  device: string;
  serialNumber: string;
  /** ISO 8601 with its offset, as measured. */
  measuredAt: string;
  operator: string;
  sampleReference?: string;
  libraryMatch: LibraryMatch;
  /** The library match score (hit quality index) from 0 to 1. */
  score?: number;
  substance?: string;
  mixtureComponents: MixtureComponent[];
}

export interface ImportProblem {
  /** CSV: the line of the file (1 is the header); JSON: undefined. */
  line?: number;
  /** CSV: the column name; JSON: the path, e.g. results[2].score. */
  field: string;
  message: string;
}

export interface AnalyserImport {
  results: AnalyserResult[];
  /** Lines or entries not imported, and why. */
  problems: ImportProblem[];
  /** Imported all the same: columns this format does not know, which are ignored. */
  warnings: ImportProblem[];
}

export const CSV_COLUMNS = [
  'device',
  'serial_number',
  'measured_at',
  'operator',
  'sample_reference',
  'library_match',
  'score',
  'substance',
  'mixture_components',
] as const;

const REQUIRED_COLUMNS = ['device', 'serial_number', 'measured_at', 'operator', 'library_match'];

const MATCHES: Record<string, LibraryMatch> = {
  match: 'match',
  mixture: 'mixture',
  'no-match': 'no-match',
  'no match': 'no-match',
  nomatch: 'no-match',
  inconclusive: 'inconclusive',
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Report = (field: string, message: string) => void;

/** A score written as 0.93, "93%" or 93 (read as percent when above 1), between 0 and 1. */
function readScore(value: unknown, field: string, report: Report): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let number: number;
  if (typeof value === 'number') number = value > 1 ? value / 100 : value;
  else if (typeof value === 'string') {
    const text = value.trim();
    const percent = text.endsWith('%');
    number = Number(percent ? text.slice(0, -1).trim() : text);
    if (percent || number > 1) number /= 100;
  } else number = Number.NaN;
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    report(field, `"${String(value)}" is not a score between 0 and 1 (or 0 % and 100 %)`);
    return undefined;
  }
  return Math.round(number * 10000) / 10000;
}

/** Checks one result's fields; `field` turns a field name into what the problem should name. */
function buildResult(
  raw: Record<string, unknown>,
  components: MixtureComponent[],
  field: (name: string) => string,
  report: Report,
): AnalyserResult | undefined {
  let failed = false;
  const fail: Report = (name, message) => {
    failed = true;
    report(name, message);
  };
  const text = (name: string, required: boolean): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) fail(field(name), 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      fail(field(name), 'must be text');
      return undefined;
    }
    return value.trim();
  };
  const device = text('device', true);
  const serialNumber = text('serialNumber', true);
  const measuredAt = text('measuredAt', true);
  if (measuredAt !== undefined && (!ISO_DATE_TIME.test(measuredAt) || Number.isNaN(Date.parse(measuredAt))))
    fail(
      field('measuredAt'),
      `"${measuredAt}" is not an ISO 8601 date and time with its offset, e.g. 2026-03-14T10:20:00+01:00`,
    );
  const operator = text('operator', true);
  const sampleReference = text('sampleReference', false);
  const matchText = text('libraryMatch', true);
  const libraryMatch = matchText === undefined ? undefined : MATCHES[matchText.toLowerCase()];
  if (matchText !== undefined && libraryMatch === undefined)
    fail(field('libraryMatch'), `"${matchText}" is not one of match, mixture, no-match, inconclusive`);
  const score = readScore(raw.score, field('score'), fail);
  const substance = text('substance', libraryMatch === 'match');
  if (libraryMatch === 'mixture' && components.length === 0)
    fail(field('mixtureComponents'), 'a mixture needs its components');
  if (libraryMatch === 'no-match' && substance !== undefined)
    fail(field('substance'), 'a result without a library match names no substance');
  if (failed || !device || !serialNumber || !measuredAt || !operator || !libraryMatch) return undefined;
  return {
    device,
    serialNumber,
    measuredAt,
    operator,
    ...(sampleReference !== undefined ? { sampleReference } : {}),
    libraryMatch,
    ...(score !== undefined ? { score } : {}),
    ...(substance !== undefined ? { substance } : {}),
    mixtureComponents: components,
  };
}

/** "Cocaine hydrochloride=0.71; Levamisole=0.18" (scores optional) to components. */
function readComponents(text: string, field: string, report: Report): MixtureComponent[] {
  const components: MixtureComponent[] = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const [name, score, extra] = part.split('=');
    if (extra !== undefined || name.trim() === '') {
      report(field, `"${part.trim()}" is not written as substance or substance=score`);
      continue;
    }
    const value = score === undefined ? undefined : readScore(score.trim(), field, report);
    components.push(
      value === undefined ? { substance: name.trim() } : { substance: name.trim(), score: value },
    );
  }
  return components;
}

const CAMEL: Record<string, string> = {
  serial_number: 'serialNumber',
  measured_at: 'measuredAt',
  sample_reference: 'sampleReference',
  library_match: 'libraryMatch',
  mixture_components: 'mixtureComponents',
};

/** Results from the CSV export: one line per measurement, the header naming the columns. */
export function parseAnalyserCsv(text: string): AnalyserImport {
  const table = readCsv(text);
  const problems: ImportProblem[] = table.problems.map((p) => ({
    line: p.line,
    field: 'file',
    message: p.message,
  }));
  const warnings: ImportProblem[] = [];
  const missing = REQUIRED_COLUMNS.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    problems.push({ line: 1, field: 'header', message: `missing column(s): ${missing.join(', ')}` });
    return { results: [], problems, warnings };
  }
  const unknown = table.header.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    warnings.push({ line: 1, field: 'header', message: `unknown column(s) ignored: ${unknown.join(', ')}` });
  const results: AnalyserResult[] = [];
  for (const row of table.rows) {
    const report: Report = (field, message) => problems.push({ line: row.line, field, message });
    if (row.fields.length > table.header.length)
      report('line', `${row.fields.length} fields for ${table.header.length} columns`);
    const raw: Record<string, unknown> = {};
    table.header.forEach((column, index) => (raw[CAMEL[column] ?? column] = row.fields[index] ?? ''));
    const before = problems.length;
    const components = readComponents(String(raw.mixtureComponents ?? ''), 'mixture_components', report);
    const columnOf = (name: string) => Object.keys(CAMEL).find((column) => CAMEL[column] === name) ?? name;
    const result = buildResult(raw, components, columnOf, report);
    if (result && problems.length === before) results.push(result);
  }
  return { results, problems, warnings };
}

/**
 * Results from the JSON export: `{ format: "interdict-analyser-results", version: 1, device?,
 * serialNumber?, results: [...] }`; device and serial number given once at the top apply to every
 * result that does not name its own.
 */
export function parseAnalyserJson(text: string): AnalyserImport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return {
      results: [],
      problems: [{ field: 'file', message: `not JSON: ${(error as Error).message}` }],
      warnings: [],
    };
  }
  const problems: ImportProblem[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return { results: [], problems: [{ field: '$', message: 'must be an object' }], warnings: [] };
  const top = document as Record<string, unknown>;
  if (top.format !== 'interdict-analyser-results')
    problems.push({ field: 'format', message: 'must be "interdict-analyser-results"' });
  if (top.version !== 1) problems.push({ field: 'version', message: 'must be 1' });
  if (!Array.isArray(top.results)) problems.push({ field: 'results', message: 'must be a list' });
  if (problems.length > 0) return { results: [], problems, warnings: [] };
  const results: AnalyserResult[] = [];
  (top.results as unknown[]).forEach((entry, index) => {
    const path = `results[${index}]`;
    const report: Report = (field, message) => problems.push({ field, message });
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      report(path, 'must be an object');
      return;
    }
    const raw: Record<string, unknown> = { device: top.device, serialNumber: top.serialNumber, ...entry };
    const before = problems.length;
    const components: MixtureComponent[] = [];
    const listed = raw.mixtureComponents ?? [];
    if (!Array.isArray(listed)) report(`${path}.mixtureComponents`, 'must be a list');
    else
      listed.forEach((component, position) => {
        const at = `${path}.mixtureComponents[${position}]`;
        const value = component as { substance?: unknown; score?: unknown } | null;
        if (typeof value?.substance !== 'string' || value.substance.trim() === '')
          return report(`${at}.substance`, 'is required');
        const score = readScore(value.score, `${at}.score`, report);
        components.push(
          score === undefined
            ? { substance: value.substance.trim() }
            : { substance: value.substance.trim(), score },
        );
      });
    const result = buildResult(raw, components, (name) => `${path}.${name}`, report);
    if (result && problems.length === before) results.push(result);
  });
  return { results, problems, warnings: [] };
}

/** Either format, told apart by the first character that is not white space. */
export function parseAnalyserExport(text: string): AnalyserImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.trimStart().startsWith('{') ? parseAnalyserJson(body) : parseAnalyserCsv(body);
}
