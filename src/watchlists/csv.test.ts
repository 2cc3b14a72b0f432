import { describe, expect, it } from 'vitest';
import { CSV_TEMPLATE, parseWatchlistCsv } from './csv.js';
import { entryContentHash, planImport } from './diff.js';

describe('watchlist CSV template', () => {
  it('reads the template itself, with several values per field and documents', () => {
    const parsed = parseWatchlistCsv(CSV_TEMPLATE, 'person');
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.entries[0]).toMatchObject({
      externalId: 'RS-2024-0017',
      kind: 'person',
      primaryName: 'Đorđe Petrović',
      aliases: [
        { name: 'Djordje Petrovic', quality: null },
        { name: 'Ђорђе Петровић', quality: null },
      ],
      datesOfBirth: ['1979-04-12', '1980'],
      sex: 'M',
      documents: [
        { type: 'passport', number: '008123456', issuingState: 'RS', note: null },
        { type: 'id-card', number: 'RS1234567', issuingState: 'RS', note: null },
      ],
      severity: 'high',
      validFrom: '2024-01-15',
      validTo: null,
    });
    expect(parsed.entries[1]).toMatchObject({
      nationalities: ['BA', 'HR'],
      validTo: '2026-02-01',
      severity: 'medium',
    });
  });

  it('reports every bad value with its line and column, and unknown or missing columns', () => {
    const parsed = parseWatchlistCsv(
      [
        'id,primary_name,sex,dates_of_birth,valid_from,valid_to,documents,extra',
        'A1,Ana,X,1990-02-30,2024-05-01,2024-01-01,passport:1:2:3,',
        'A1,,M,,,,,',
        ',Bob,,,,,,',
      ].join('\n'),
      'person',
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.warnings).toEqual([
      { where: 'line 1, column 8', message: 'unknown column "extra" is ignored' },
    ]);
    expect(parsed.errors).toEqual([
      {
        where: 'line 2, column 4 (dates_of_birth)',
        message: '"1990-02-30" is not a date: write YYYY-MM-DD or YYYY',
      },
      { where: 'line 2, column 3 (sex)', message: '"X" is not a sex: write M, F or leave empty' },
      {
        where: 'line 2, column 7 (documents)',
        message: '"passport:1:2:3" is not a document: write type:number:issuing state',
      },
      {
        where: 'line 2, column 6 (valid_to)',
        message: 'valid to (2024-01-01) is before valid from (2024-05-01)',
      },
      { where: 'line 3, column 1 (id)', message: 'id "A1" is used again (first on line 2)' },
      { where: 'line 3, column 2 (primary_name)', message: 'the primary name is empty' },
      { where: 'line 4, column 1 (id)', message: 'the id is empty: every entry needs its own id' },
    ]);
    expect(parseWatchlistCsv('name,dob\nx,1', 'person').errors).toEqual([
      {
        where: 'line 1',
        message: 'missing columns "id", "primary_name"; the header must name the columns of the template',
      },
    ]);
    expect(parseWatchlistCsv('', 'person').errors[0].message).toMatch(/the file is empty/);
  });

  it('takes a document number as the name of a document list entry that has none', () => {
    const parsed = parseWatchlistCsv(
      'id,documents,reason\nD1,passport:P1234567:MK,Stolen blank\nD2,,x',
      'document',
    );
    expect(parsed.entries.map((e) => [e.primaryName, e.kind])).toEqual([['P1234567', 'document']]);
    expect(parsed.errors).toEqual([
      { where: 'line 3, column 2 (documents)', message: 'a document list entry needs a document number' },
    ]);
  });
});

describe('re-import plan', () => {
  const [first, second] = parseWatchlistCsv(CSV_TEMPLATE, 'person').entries;
  const stored = (entry: typeof first, active = true) => ({
    id: `id-${entry.externalId}`,
    externalId: entry.externalId,
    primaryName: entry.primaryName,
    contentHash: entryContentHash(entry),
    active,
  });

  it('adds new entries, updates changed ones, deactivates missing ones and reactivates returning ones', () => {
    const changed = { ...first, aliases: [...first.aliases, { name: 'Đoka', quality: null }] };
    const third = { ...second, externalId: 'NEW-1' };
    const plan = planImport(
      [stored(first), stored(second, false), { ...stored(third), externalId: 'GONE' }],
      [changed, second, third],
    );
    expect(plan.counts).toEqual({
      total: 3,
      added: 1,
      updated: 1,
      unchanged: 0,
      reactivated: 1,
      deactivated: 1,
    });
    expect(plan.changes.map((c) => [c.change, c.externalId])).toEqual([
      ['updated', 'RS-2024-0017'],
      ['reactivated', 'RS-2024-0018'],
      ['added', 'NEW-1'],
      ['deactivated', 'GONE'],
    ]);
    expect(planImport([stored(first)], [first]).counts.unchanged).toBe(1);
  });
});
