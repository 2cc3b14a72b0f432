/**
 * The seizure table of programme reports, one line per row and a total:
 *
 *   Heroin | 3 | 12.4 kg
 *   Cigarettes | 5 | 1,200,000 pieces
 *   Medicines | 2 | 40 ampoules; 15 boxes
 *   Vehicle parts | 1 | large quantities
 *   Total | 11
 *
 * Numbers are written as the programme writes them: thousands grouped with commas, a decimal point,
 * no trailing zeros; mass and volume to three decimals (a gram, a millilitre) unless smaller than
 * that, money to two, counts whole. A row with no quantity at all has no third column.
 */
import type { Quantity } from './quantity.js';
import { unitKind } from './quantity.js';
import type { ReportRow, SeizureReport } from './report.js';

const formats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, useGrouping: true });
    formats.set(decimals, format);
  }
  return format;
}

/** A figure with its unit: "12.4 kg", "1,200,000 pieces", "15,000.5 EUR". */
export function formatQuantity(quantity: Quantity): string {
  const kind = unitKind(quantity.unit);
  const decimals = kind === 'mass' || kind === 'volume' ? 3 : kind === 'currency' ? 2 : 0;
  // A trace (0.4 g of cocaine is 0.0004 kg) keeps its first significant digits rather than read 0.
  const trace = quantity.value > 0 && quantity.value < 10 ** -decimals;
  const written = trace
    ? new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(quantity.value)
    : numberFormat(decimals).format(quantity.value);
  return `${written} ${quantity.unit}`;
}

/** The figures of a row: quantities first, then the descriptive ones, separated by "; ". */
export function formatRowFigures(row: ReportRow): string {
  return [...row.quantities.map(formatQuantity), ...row.descriptive].join('; ');
}

/** The lines of the table, the total last. */
export function formatReportTable(report: SeizureReport): string[] {
  const lines = report.rows.map((row) => {
    const figures = formatRowFigures(row);
    return figures === '' ? `${row.label} | ${row.cases}` : `${row.label} | ${row.cases} | ${figures}`;
  });
  lines.push(`Total | ${report.total.cases}`);
  return lines;
}
