import { describe, expect, it } from 'vitest';
import * as seizures from './index.js';

describe('seizures public module', () => {
  it('offers the pure cores through one entry point', () => {
    const report = seizures.aggregateSeizures(
      [
        {
          id: 'a',
          occurredAt: '2026-05-02T08:00:00+02:00',
          items: [{ commodity: 'cash', quantity: { value: 25000, unit: 'EUR' } }],
        },
      ],
      'commodity',
      seizures.commodityRowLabels(seizures.COMMODITY_SEED),
    );
    expect(seizures.formatReportTable(report)).toEqual(['Cash | 1 | 25,000 EUR', 'Total | 1']);
    expect(seizures.checkContainerNumber('CSQU3054383').ok).toBe(true);
    expect(seizures.parseSeizureReference('RS-BEG-PCU-2026-0042').ok).toBe(true);
    expect(
      seizures.identifyByColourTests([{ test: 'duquenois-levine', colour: 'purple' }]).candidates[0].substance
        .id,
    ).toBe('cannabis');
    expect(seizures.ANALYSER_CSV_COLUMNS).toContain('library_match');
    expect(seizures.CUSTODY_EVENT_KINDS).toHaveLength(7);
  });
});
