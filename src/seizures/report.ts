/**
 * The seizure report: cases grouped by commodity, unit, jurisdiction, location, procedure or month,
 * with the shape of `GET /api/v1/reports/seizures`:
 * `{ rows: [{ key, label, cases, quantities: [{ value, unit }], descriptive: [text], value: [{ amount,
 * currency }] }], total: { cases } }`.
 *
 * Rules: quantities are summed per unit, then brought to one unit per kind (g and t to kg, ml to l);
 * pieces, each named count and each currency stay figures of their own; descriptive quantities are
 * listed once each; a case counts once in every row it has items in, and once in the total.
 *
 * Two paths, one result. Small sets are aggregated here from whole records (`aggregateSeizures`).
 * For the yearly report over a million items the store lets the database do the heavy part and
 * hands this module only partial sums, which `mergeReportPartials` turns into the same report:
 *
 *   -- quantities: one row per (row key, stored unit); units are stored in one spelling each
 *   SELECT <row key> AS key, i.quantity_unit AS unit, sum(i.quantity_value) AS value
 *     FROM seizure_items i JOIN seizures s ON s.id = i.seizure_id
 *    WHERE s.occurred_at >= $from AND s.occurred_at < $to AND i.quantity_unit IS NOT NULL
 *    GROUP BY 1, 2;
 *   -- values: the same with value_currency, sum(value_amount)
 *   -- descriptive: SELECT DISTINCT <row key>, i.quantity_text ... WHERE i.quantity_text IS NOT NULL
 *   -- cases per row: SELECT <row key>, count(DISTINCT s.id) ... GROUP BY 1
 *   -- total: SELECT count(DISTINCT s.id) FROM seizures s WHERE <period>   (cases without items too)
 *
 * `<row key>` is i.commodity_code, s.unit_id, s.jurisdiction_id, s.location_id, s.procedure, or
 * to_char(s.occurred_at AT TIME ZONE <zone>, 'YYYY-MM'). Each query returns at most (rows x units)
 * lines, so the merge in JavaScript is cheap whatever the number of items; unit conversion and the
 * "kinds agree" rule live only here, never in SQL. Partials of several queries (for instance one per
 * month, or per partition) merge by adding up, provided they cover disjoint sets of cases, since
 * case counts of overlapping sets cannot be added.
 */
import type { MoneyAmount, Quantity } from './quantity.js';
import { NAMED_COUNTS, roundFigure, toReportUnit, unitKind } from './quantity.js';

export const REPORT_GROUPINGS = [
  'commodity',
  'unit',
  'jurisdiction',
  'location',
  'procedure',
  'month',
] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export interface ReportItem {
  commodity: string;
  quantity?: Quantity;
  quantityText?: string;
  value?: MoneyAmount;
}

export interface ReportCase {
  id: string;
  /** ISO 8601 local date and time of the seizure; its month is the month written there. */
  occurredAt: string;
  unit?: string;
  jurisdiction?: string;
  location?: string;
  procedure?: string;
  items: ReportItem[];
}

export interface ReportRow {
  key: string;
  label: string;
  cases: number;
  quantities: Quantity[];
  descriptive: string[];
  value: MoneyAmount[];
}

export interface SeizureReport {
  rows: ReportRow[];
  total: { cases: number };
}

/** What a database returns, numbers possibly as text (PostgreSQL numeric and bigint). */
export interface ReportPartials {
  caseCounts: { key: string; cases: number | string }[];
  quantitySums: { key: string; unit: string; value: number | string }[];
  valueSums: { key: string; currency: string; amount: number | string }[];
  descriptive: { key: string; text: string }[];
  totalCases: number | string;
}

/** The label and the place of a row (the commodity taxonomy's order, say); undefined: the key itself. */
export type RowLabelOf = (key: string) => { label: string; order?: number } | undefined;

/** The key of a row when the case or item does not say (a seizure without a recorded location). */
export const NOT_RECORDED = '';
const NOT_RECORDED_LABEL = 'Not recorded';

function caseKey(grouping: Exclude<ReportGrouping, 'commodity'>, seizure: ReportCase): string {
  if (grouping === 'month') {
    const month = /^(\d{4}-\d{2})-\d{2}/.exec(seizure.occurredAt);
    if (!month)
      throw new Error(`Seizure ${seizure.id}: occurredAt ${seizure.occurredAt} is not an ISO 8601 date`);
    return month[1];
  }
  return seizure[grouping] ?? NOT_RECORDED;
}

/** The partial sums of a set of cases, as the SQL above would return them. */
export function reportPartialsOf(cases: readonly ReportCase[], grouping: ReportGrouping): ReportPartials {
  const caseCounts = new Map<string, number>();
  const quantities = new Map<string, { key: string; unit: string; value: number }>();
  const values = new Map<string, { key: string; currency: string; amount: number }>();
  const descriptive = new Map<string, { key: string; text: string }>();
  const rowsOfCase = new Set<string>();
  for (const seizure of cases) {
    const rowOfCase = grouping === 'commodity' ? undefined : caseKey(grouping, seizure);
    rowsOfCase.clear();
    if (rowOfCase !== undefined) rowsOfCase.add(rowOfCase);
    for (const item of seizure.items) {
      const key = rowOfCase ?? item.commodity;
      rowsOfCase.add(key);
      if (item.quantity) {
        const id = `${key}\u0000${item.quantity.unit}`;
        const sum = quantities.get(id) ?? { key, unit: item.quantity.unit, value: 0 };
        sum.value += item.quantity.value;
        quantities.set(id, sum);
      } else if (item.quantityText)
        descriptive.set(`${key}\u0000${item.quantityText}`, { key, text: item.quantityText });
      if (item.value) {
        const id = `${key}\u0000${item.value.currency}`;
        const sum = values.get(id) ?? { key, currency: item.value.currency, amount: 0 };
        sum.amount += item.value.amount;
        values.set(id, sum);
      }
    }
    // A case counts once in each row it has items in, however many items it has there.
    for (const key of rowsOfCase) caseCounts.set(key, (caseCounts.get(key) ?? 0) + 1);
  }
  return {
    caseCounts: [...caseCounts].map(([key, cases]) => ({ key, cases })),
    quantitySums: [...quantities.values()],
    valueSums: [...values.values()],
    descriptive: [...descriptive.values()],
    totalCases: new Set(cases.map((seizure) => seizure.id)).size,
  };
}

const KIND_ORDER = { mass: 0, volume: 1, pieces: 2, 'named-count': 3, currency: 4 } as const;

function compareUnits(a: string, b: string): number {
  const kindA = KIND_ORDER[unitKind(a)];
  const kindB = KIND_ORDER[unitKind(b)];
  if (kindA !== kindB) return kindA - kindB;
  if (kindA === KIND_ORDER['named-count']) return NAMED_COUNTS.indexOf(a) - NAMED_COUNTS.indexOf(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The report from partial sums, in the database's case or from `reportPartialsOf`. Several partials
 * (of disjoint sets of cases) are added up.
 */
export function mergeReportPartials(
  partials: ReportPartials | readonly ReportPartials[],
  labelOf: RowLabelOf = () => undefined,
): SeizureReport {
  const all = Array.isArray(partials)
    ? (partials as readonly ReportPartials[])
    : [partials as ReportPartials];
  const rows = new Map<
    string,
    { cases: number; units: Map<string, number>; money: Map<string, number>; texts: Map<string, string> }
  >();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { cases: 0, units: new Map(), money: new Map(), texts: new Map() }));
    return found;
  };
  let totalCases = 0;
  for (const part of all) {
    totalCases += Number(part.totalCases);
    for (const { key, cases } of part.caseCounts) row(key).cases += Number(cases);
    for (const { key, unit, value } of part.quantitySums) {
      const converted = toReportUnit({ value: Number(value), unit });
      const units = row(key).units;
      units.set(converted.unit, (units.get(converted.unit) ?? 0) + converted.value);
    }
    for (const { key, currency, amount } of part.valueSums) {
      const money = row(key).money;
      money.set(currency, (money.get(currency) ?? 0) + Number(amount));
    }
    for (const { key, text } of part.descriptive) {
      const texts = row(key).texts;
      const same = text.trim().toLowerCase();
      if (!texts.has(same)) texts.set(same, text.trim());
    }
  }
  const built = [...rows].map(([key, sums]) => {
    const described = labelOf(key);
    return {
      order: described?.order,
      row: {
        key,
        label: described?.label ?? (key === NOT_RECORDED ? NOT_RECORDED_LABEL : key),
        cases: sums.cases,
        quantities: [...sums.units]
          .sort(([a], [b]) => compareUnits(a, b))
          .map(([unit, value]) => ({ value: roundFigure(value), unit })),
        descriptive: [...sums.texts.values()].sort((a, b) => a.localeCompare(b, 'en')),
        value: [...sums.money]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([currency, amount]) => ({ amount: roundFigure(amount), currency })),
      },
    };
  });
  built.sort(
    (a, b) =>
      (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
      a.row.label.localeCompare(b.row.label, 'en') ||
      (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0),
  );
  return { rows: built.map((entry) => entry.row), total: { cases: totalCases } };
}

/** The report of a set of whole cases (small sets, tests, exports of a few records). */
export function aggregateSeizures(
  cases: readonly ReportCase[],
  grouping: ReportGrouping,
  labelOf?: RowLabelOf,
): SeizureReport {
  return mergeReportPartials(reportPartialsOf(cases, grouping), labelOf);
}
