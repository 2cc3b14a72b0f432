import { describe, expect, it } from 'vitest';
import { COMMODITY_SEED, commodityRowLabels } from './commodities.js';
import type { ReportCase, ReportItem } from './report.js';
import { aggregateSeizures, mergeReportPartials, reportPartialsOf } from './report.js';
import { formatQuantity, formatReportTable } from './report-table.js';

const labels = commodityRowLabels(COMMODITY_SEED);

let nextId = 1;
function seizure(items: ReportItem[], extra: Partial<ReportCase> = {}): ReportCase {
  return { id: `S${nextId++}`, occurredAt: '2026-03-14T10:20:00+01:00', procedure: 'road', items, ...extra };
}
const kg = (value: number, unit = 'kg') => ({ value, unit });

/** The made-up programme table of the issue, entered record by record as officers would. */
function programmeRecords(): ReportCase[] {
  return [
    seizure([{ commodity: 'heroin', quantity: kg(2.5) }]),
    seizure([
      { commodity: 'heroin', quantity: kg(4800, 'g') },
      { commodity: 'heroin', quantity: kg(5) },
    ]),
    seizure([{ commodity: 'heroin', quantity: kg(100, 'g'), value: { amount: 3000, currency: 'EUR' } }]),
    seizure([{ commodity: 'cigarettes', quantity: kg(400000, 'pieces') }]),
    seizure([{ commodity: 'cigarettes', quantity: kg(200000, 'pieces') }]),
    seizure([{ commodity: 'cigarettes', quantity: kg(300000, 'pieces') }]),
    seizure([{ commodity: 'cigarettes', quantity: kg(100000, 'pieces') }]),
    seizure([
      { commodity: 'cigarettes', quantity: kg(150000, 'pieces') },
      { commodity: 'cigarettes', quantity: kg(50000, 'pieces') },
    ]),
    seizure([
      { commodity: 'medicines', quantity: kg(25, 'ampoules') },
      { commodity: 'medicines', quantity: kg(15, 'boxes') },
    ]),
    seizure([{ commodity: 'medicines', quantity: kg(15, 'ampoules') }]),
    seizure([{ commodity: 'vehicle-parts', quantityText: 'large quantities' }]),
  ];
}

describe('seizure report', () => {
  it('reproduces the programme table of the issue from the records', () => {
    const report = aggregateSeizures(programmeRecords(), 'commodity', labels);
    expect(formatReportTable(report)).toEqual([
      'Heroin | 3 | 12.4 kg',
      'Cigarettes | 5 | 1,200,000 pieces',
      'Medicines | 2 | 40 ampoules; 15 boxes',
      'Vehicle parts | 1 | large quantities',
      'Total | 11',
    ]);
    expect(report.rows[0]).toEqual({
      key: 'heroin',
      label: 'Heroin',
      cases: 3,
      quantities: [{ value: 12.4, unit: 'kg' }],
      descriptive: [],
      value: [{ amount: 3000, currency: 'EUR' }],
    });
    expect(report.rows[3]).toMatchObject({
      key: 'vehicle-parts',
      quantities: [],
      descriptive: ['large quantities'],
    });
    expect(report.total).toEqual({ cases: 11 });
  });

  it('counts a case once in each row it has items in and once in the total', () => {
    const mixed = seizure([
      { commodity: 'cocaine', quantity: kg(1) },
      { commodity: 'cocaine', quantity: kg(2) },
      { commodity: 'cash', quantity: kg(50000, 'EUR') },
    ]);
    const report = aggregateSeizures(
      [mixed, seizure([{ commodity: 'cash', quantity: kg(2000, 'USD') }])],
      'commodity',
      labels,
    );
    expect(report.rows.map((row) => [row.key, row.cases])).toEqual([
      ['cocaine', 1],
      ['cash', 2],
    ]);
    expect(report.rows[1].quantities).toEqual([
      { value: 50000, unit: 'EUR' },
      { value: 2000, unit: 'USD' },
    ]);
    expect(report.total.cases).toBe(2);
  });

  it('brings g and t to kg and ml to l, keeps pieces, each named count and each currency apart', () => {
    const report = aggregateSeizures(
      [
        seizure([
          { commodity: 'medicines', quantity: kg(25, 'ampoules') },
          { commodity: 'medicines', quantity: kg(33, 'pieces') },
          { commodity: 'medicines', quantity: kg(750, 'ml') },
          { commodity: 'medicines', quantity: kg(2, 'l') },
          { commodity: 'medicines', quantity: kg(0.2, 't') },
          { commodity: 'medicines', quantity: kg(300, 'g') },
          { commodity: 'medicines', quantity: kg(4, 'cartons') },
          { commodity: 'medicines', quantityText: 'several bags' },
          { commodity: 'medicines', quantityText: 'Several bags ' },
        ]),
      ],
      'commodity',
      labels,
    );
    expect(report.rows[0].quantities).toEqual([
      { value: 200.3, unit: 'kg' },
      { value: 2.75, unit: 'l' },
      { value: 33, unit: 'pieces' },
      { value: 25, unit: 'ampoules' },
      { value: 4, unit: 'cartons' },
    ]);
    expect(report.rows[0].descriptive).toEqual(['several bags']);
    expect(formatReportTable(report)[0]).toBe(
      'Medicines | 1 | 200.3 kg; 2.75 l; 33 pieces; 25 ampoules; 4 cartons; several bags',
    );
  });

  it('sums estimated values per currency', () => {
    const report = aggregateSeizures(
      [
        seizure([
          { commodity: 'alcohol', quantity: kg(10, 'bottles'), value: { amount: 0.1, currency: 'EUR' } },
        ]),
        seizure([{ commodity: 'alcohol', value: { amount: 0.2, currency: 'EUR' } }]),
        seizure([{ commodity: 'alcohol', value: { amount: 1500, currency: 'RSD' } }]),
      ],
      'commodity',
    );
    expect(report.rows[0].value).toEqual([
      { amount: 0.3, currency: 'EUR' },
      { amount: 1500, currency: 'RSD' },
    ]);
    expect(report.rows[0].label).toBe('alcohol');
  });

  it('groups by case fields and by month, a case without the field under "Not recorded"', () => {
    const cases = [
      seizure([{ commodity: 'heroin', quantity: kg(1) }], {
        location: 'BEG',
        occurredAt: '2026-01-31T23:30:00+01:00',
      }),
      seizure([{ commodity: 'cocaine', quantity: kg(2) }], {
        location: 'BEG',
        occurredAt: '2026-02-01T00:10:00+01:00',
      }),
      seizure([], { occurredAt: '2026-02-03' }),
    ];
    const byLocation = aggregateSeizures(cases, 'location');
    expect(byLocation.rows.map((row) => [row.key, row.label, row.cases])).toEqual([
      ['BEG', 'BEG', 2],
      ['', 'Not recorded', 1],
    ]);
    expect(byLocation.rows[0].quantities).toEqual([{ value: 3, unit: 'kg' }]);
    const byMonth = aggregateSeizures(cases, 'month');
    expect(byMonth.rows.map((row) => [row.key, row.cases])).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
    ]);
    expect(aggregateSeizures(cases, 'procedure').rows).toHaveLength(1);
    expect(() => aggregateSeizures([seizure([], { occurredAt: 'yesterday' })], 'month')).toThrow(/ISO 8601/);
  });

  it('gives the same report from partial sums as the database returns them, numbers as text', () => {
    const report = mergeReportPartials(
      {
        caseCounts: [
          { key: 'heroin', cases: '3' },
          { key: 'cigarettes', cases: '5' },
        ],
        quantitySums: [
          { key: 'heroin', unit: 'kg', value: '7.5' },
          { key: 'heroin', unit: 'g', value: '4900.000' },
          { key: 'cigarettes', unit: 'pieces', value: '1200000' },
        ],
        valueSums: [{ key: 'heroin', currency: 'EUR', amount: '3000.00' }],
        descriptive: [],
        totalCases: '8',
      },
      labels,
    );
    expect(formatReportTable(report)).toEqual([
      'Heroin | 3 | 12.4 kg',
      'Cigarettes | 5 | 1,200,000 pieces',
      'Total | 8',
    ]);
    expect(report.rows[0].value).toEqual([{ amount: 3000, currency: 'EUR' }]);
  });

  it('adds up partials of disjoint sets of cases to the report of all of them', () => {
    const records = programmeRecords();
    const whole = aggregateSeizures(records, 'commodity', labels);
    const parts = [records.slice(0, 4), records.slice(4, 9), records.slice(9)].map((part) =>
      reportPartialsOf(part, 'commodity'),
    );
    expect(mergeReportPartials(parts, labels)).toEqual(whole);
  });

  it('orders rows by the taxonomy, then by label', () => {
    const report = aggregateSeizures(
      [
        seizure([{ commodity: 'other', quantityText: 'misc' }]),
        seizure([{ commodity: 'cash', quantity: kg(10, 'EUR') }]),
        seizure([{ commodity: 'unlisted-b', quantityText: 'x' }]),
        seizure([{ commodity: 'unlisted-a', quantityText: 'x' }]),
        seizure([{ commodity: 'heroin', quantity: kg(1) }]),
      ],
      'commodity',
      labels,
    );
    expect(report.rows.map((row) => row.key)).toEqual([
      'heroin',
      'cash',
      'other',
      'unlisted-a',
      'unlisted-b',
    ]);
  });
});

describe('figures in the table', () => {
  it('writes numbers as the programme writes them', () => {
    expect(formatQuantity({ value: 1200000, unit: 'pieces' })).toBe('1,200,000 pieces');
    expect(formatQuantity({ value: 12.4, unit: 'kg' })).toBe('12.4 kg');
    expect(formatQuantity({ value: 0.0004, unit: 'kg' })).toBe('0.0004 kg');
    expect(formatQuantity({ value: 2.0004, unit: 'kg' })).toBe('2 kg');
    expect(formatQuantity({ value: 1234.5678, unit: 'l' })).toBe('1,234.568 l');
    expect(formatQuantity({ value: 15000.5, unit: 'EUR' })).toBe('15,000.5 EUR');
  });
});
