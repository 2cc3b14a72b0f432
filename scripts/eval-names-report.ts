/**
 * The name-matching section of bench/RESULTS.md: written between its own markers, leaving
 * the sections other scripts write untouched.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SetResult } from './eval-names-sets.js';

export const SECTION_START = '<!-- names-quality:start -->';
export const SECTION_END = '<!-- names-quality:end -->';

const figure = (value: number | undefined, digits = 3) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
const percent = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : `${(100 * value).toFixed(value < 0.01 ? 3 : 2)} %`;

export function resultsTable(results: readonly SetResult[]): string {
  const rows = results.map(
    (result) =>
      `| ${result.set} | ${result.positives ? result.positives.toLocaleString('en-GB') : '—'} | ${result.negatives?.toLocaleString('en-GB') ?? '—'} | ${figure(result.precision)} | ${figure(result.recall)} | ${figure(result.f1)} | ${percent(result.falseHitRate)} | ${result.target} | ${result.met ? 'met' : '**not met**'} |`,
  );
  return [
    '| set | positives | negatives | precision | recall | F1 | false-hit rate | target | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function sectionMarkdown(
  results: readonly SetResult[],
  preamble: readonly string[],
  absent: readonly string[],
  development: readonly string[] = [],
): string {
  const lines = [SECTION_START, '## Name matching quality', '', ...preamble, ''];
  if (results.length > 0) lines.push(resultsTable(results), '');
  for (const result of results) {
    lines.push(`- **${result.set}**: ${result.description}.`);
    for (const note of result.notes) lines.push(`  ${note}.`);
  }
  for (const line of absent) lines.push(`- ${line}`);
  if (development.length > 0)
    lines.push('', '### Development set: the threshold and the curve', '', ...development);
  lines.push(SECTION_END);
  return lines.join('\n');
}

/** Replaces (or appends) the section in the results file, creating the file if needed. */
export function writeSection(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const updated =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + SECTION_END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, updated);
}
