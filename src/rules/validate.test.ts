import { describe, expect, it } from 'vitest';
import { validateRule } from './api.js';
import { MAX_CONDITIONS, MAX_DEPTH } from './validate.js';
import type { CodeLists, RuleTree } from './types.js';

const lists: CodeLists = new Map([
  ['source-countries', { kind: 'country', items: ['CO', 'PE'] }],
  ['hub-airports', { kind: 'airport', items: ['IST'] }],
  ['drug-words', { kind: 'keyword', items: ['cocaine'] }],
]);

const issuesOf = (tree: unknown, subject: 'traveller' | 'reservation' = 'traveller') =>
  validateRule(tree, subject, lists);
const only = (tree: unknown, subject: 'traveller' | 'reservation' = 'traveller') => {
  const issues = issuesOf(tree, subject);
  expect(issues).toHaveLength(1);
  return issues[0];
};

describe('validateRule', () => {
  it('accepts a valid rule', () => {
    const rule: RuleTree = {
      all: [
        { field: 'reservation.tripType', operator: 'equals', value: 'one-way' },
        { any: [{ field: 'flight.originCountry', operator: 'inList', list: 'source-countries' }] },
        { not: { field: 'reservation.remarks', operator: 'contains', list: 'drug-words' } },
        { field: 'traveller.dateOfBirth', operator: 'between', value: ['1980-01-01', '1999-12-31'] },
        { field: 'traveller.surname', operator: 'isEmpty' },
      ],
    };
    expect(issuesOf(rule)).toEqual([]);
  });

  it('names every bad condition by its path', () => {
    const issues = issuesOf({
      all: [
        { field: 'traveller.age', operator: 'greaterThan', value: 30 },
        { any: [{ field: 'traveller.shoeSize', operator: 'equals', value: 44 }] },
        { any: [] },
      ],
    });
    expect(issues).toEqual([
      { path: 'all[1].any[0]', message: 'unknown field "traveller.shoeSize"' },
      { path: 'all[2]', message: 'empty "any" group: give it at least one condition' },
    ]);
  });

  it('refuses fields the subject does not carry', () => {
    expect(only({ field: 'traveller.age', operator: 'equals', value: 3 }, 'reservation')).toEqual({
      path: '',
      message: 'field "traveller.age" is not available in reservation rules',
    });
    expect(
      issuesOf({ field: 'reservation.paidInCash', operator: 'equals', value: true }, 'reservation'),
    ).toEqual([]);
  });

  it('refuses operators not valid for the field type', () => {
    expect(
      only({ any: [{ field: 'reservation.paidInCash', operator: 'greaterThan', value: true }] }).message,
    ).toMatch(
      /^operator "greaterThan" is not valid for reservation.paidInCash \(boolean\); use one of: equals, notEquals/,
    );
    expect(only({ field: 'traveller.age', operator: 'matches', value: '1*' }).message).toMatch(
      /not valid for traveller.age/,
    );
    expect(only({ field: 'traveller.age', operator: 'like', value: 1 }).message).toMatch(/operator "like"/);
  });

  it('refuses values of the wrong type', () => {
    expect(only({ field: 'traveller.age', operator: 'lessThan', value: '30' }).message).toBe(
      'traveller.age lessThan: value must be a number, got "30"',
    );
    expect(only({ field: 'document.expiry', operator: 'lessThan', value: '2026-02-30' }).message).toMatch(
      /must be a date as YYYY-MM-DD/,
    );
    expect(only({ field: 'flight.departureUtc', operator: 'greaterThan', value: 'soon' }).message).toMatch(
      /ISO 8601/,
    );
    expect(only({ field: 'reservation.paidInCash', operator: 'equals', value: 'yes' }).message).toMatch(
      /true or false/,
    );
    expect(only({ field: 'traveller.sex', operator: 'equals', value: 'Q' }).message).toMatch(
      /is not a sex code; use one of: M, F, X, U/,
    );
    expect(only({ field: 'traveller.nationality', operator: 'equals', value: 'QQ' }).message).toMatch(
      /not a known country code/,
    );
    expect(only({ field: 'flight.origin', operator: 'inList', value: ['BEG', 'belgrade'] }).message).toBe(
      'flight.origin inList: value[1] "belgrade" is not an airport code (IATA, 3 letters)',
    );
    expect(only({ field: 'traveller.age', operator: 'between', value: [30, 18] }).message).toMatch(
      /low 30 is above high 18/,
    );
    expect(only({ field: 'traveller.age', operator: 'between', value: 18 }).message).toMatch(
      /needs \[low, high\]/,
    );
    expect(only({ field: 'traveller.age', operator: 'equals', value: [1, 2] }).message).toMatch(
      /one value, not a list/,
    );
    expect(only({ field: 'document.number', operator: 'equals', value: '--' }).message).toMatch(
      /nothing left to compare/,
    );
    expect(only({ field: 'traveller.surname', operator: 'isEmpty', value: 'x' }).message).toMatch(
      /takes no value/,
    );
    expect(only({ field: 'traveller.surname', operator: 'equals' }).message).toMatch(
      /needs a value or a list/,
    );
    expect(only({ field: 'traveller.surname', operator: 'inList', value: [] }).message).toMatch(
      /list of values is empty/,
    );
  });

  it('refuses unknown code lists and lists of the wrong kind', () => {
    expect(only({ field: 'traveller.nationality', operator: 'inList', list: 'nowhere' }).message).toBe(
      'traveller.nationality inList: unknown code list "nowhere"',
    );
    expect(only({ field: 'traveller.nationality', operator: 'inList', list: 'hub-airports' }).message).toBe(
      'traveller.nationality inList: code list "hub-airports" holds airport entries, but traveller.nationality needs a country list',
    );
    expect(only({ field: 'traveller.age', operator: 'inList', list: 'source-countries' }).message).toMatch(
      /number fields take inline values, not code lists/,
    );
    expect(
      only({ field: 'traveller.nationality', operator: 'equals', list: 'source-countries' }).message,
    ).toMatch(/can be used with inList, notInList, contains, startsWith, endsWith only/);
    expect(
      only({ field: 'traveller.nationality', operator: 'inList', list: 'source-countries', value: ['CO'] })
        .message,
    ).toMatch(/either a value or a list/);
  });

  it('refuses bad patterns', () => {
    expect(only({ all: [{ field: 'traveller.surname', operator: 'matches', value: '(a+)+$' }] })).toEqual({
      path: 'all[0]',
      message: expect.stringMatching(
        /^traveller.surname matches: bad pattern "\(a\+\)\+\$": .*not regular expressions/,
      ),
    });
    expect(only({ field: 'traveller.surname', operator: 'matches', value: '[a-' }).message).toMatch(
      /bad pattern/,
    );
  });

  it('refuses nesting deeper than the limit and too many conditions', () => {
    let tree: unknown = { field: 'traveller.age', operator: 'equals', value: 1 };
    for (let i = 0; i < MAX_DEPTH; i++) tree = { not: tree };
    expect(issuesOf(tree)).toEqual([]);
    const deeper = { not: tree };
    expect(only(deeper)).toEqual({
      path: 'not.not.not.not.not.not',
      message: `groups nested deeper than ${MAX_DEPTH} levels`,
    });
    // Thousands of levels are refused without exhausting the stack.
    let abyss: unknown = { field: 'traveller.age', operator: 'equals', value: 1 };
    for (let i = 0; i < 100_000; i++) abyss = { any: [abyss] };
    expect(issuesOf(abyss)[0].message).toMatch(/nested deeper/);
    const many = {
      all: Array.from({ length: MAX_CONDITIONS + 1 }, () => ({
        field: 'traveller.age',
        operator: 'equals',
        value: 1,
      })),
    };
    expect(only(many)).toEqual({
      path: '',
      message: `the rule has ${MAX_CONDITIONS + 1} conditions; at most ${MAX_CONDITIONS} are allowed`,
    });
  });

  it('refuses nodes that are neither a condition nor one group', () => {
    expect(only({ all: [42] })).toEqual({
      path: 'all[0]',
      message: expect.stringMatching(/expected a condition/),
    });
    expect(
      only({ all: [{ field: 'traveller.age', operator: 'equals', value: 1 }], any: [] }).message,
    ).toMatch(/not all and any together/);
    expect(only({ all: 'x' }).message).toMatch(/must be a list/);
    expect(only(null).path).toBe('');
    expect(
      validateRule({ field: 'traveller.age', operator: 'equals', value: 1 }, 'cargo' as never, lists)[0]
        .message,
    ).toMatch(/unknown subject "cargo"/);
  });
});
