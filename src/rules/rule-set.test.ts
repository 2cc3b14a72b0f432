import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './rule-set.js';
import { InvalidRuleError } from './compile.js';
import type { CodeLists, ExplainedCondition, ExplainedGroup, RuleTree, SubjectRecord } from './types.js';

const lists: CodeLists = new Map([
  ['source-countries', { kind: 'country', items: ['CO', 'PE', 'BO', 'EC'] }],
]);

/** The classic courier profile: one-way, cash, booked at most two days out, from a source country. */
const courierProfile: RuleTree = {
  all: [
    { field: 'reservation.tripType', operator: 'equals', value: 'one-way' },
    { field: 'reservation.paidInCash', operator: 'equals', value: true },
    { field: 'reservation.daysBookedBeforeDeparture', operator: 'lessOrEqual', value: 2 },
    {
      any: [
        { field: 'flight.originCountry', operator: 'inList', list: 'source-countries' },
        { field: 'journey.countries', operator: 'inList', list: 'source-countries' },
      ],
    },
  ],
};
const youngMale: RuleTree = {
  all: [
    { field: 'traveller.sex', operator: 'equals', value: 'M' },
    { field: 'traveller.age', operator: 'between', value: [18, 30] },
  ],
};

const courier: SubjectRecord = {
  'traveller.sex': 'M',
  'traveller.age': 24,
  'reservation.present': true,
  'reservation.tripType': 'one-way',
  'reservation.paidInCash': true,
  'reservation.daysBookedBeforeDeparture': 1,
  'flight.originCountry': 'ES',
  'journey.countries': ['BO', 'ES', 'RS'],
};
const tourist: SubjectRecord = {
  ...courier,
  'traveller.age': 45,
  'reservation.tripType': 'return',
  'reservation.daysBookedBeforeDeparture': 60,
};

describe('compileRuleSet', () => {
  const set = compileRuleSet(
    [
      { id: 'courier', tree: courierProfile },
      { id: 'young-male', tree: youngMale },
    ],
    'traveller',
    lists,
  );

  it('returns the rules that fire, in rule order', () => {
    expect(set.size).toBe(2);
    expect(set.fired(courier)).toEqual(['courier', 'young-male']);
    expect(set.fired(tourist)).toEqual([]);
    expect(set.fired({ ...courier, 'traveller.age': 31 })).toEqual(['courier']);
    expect(set.fired({})).toEqual([]);
  });

  it('explains one rule on demand', () => {
    const fired = set.explain('courier', courier) as ExplainedGroup;
    expect(fired.held).toBe(true);
    const missed = set.explain('courier', tourist) as ExplainedGroup;
    expect(missed.held).toBe(false);
    const failing = missed.children.filter((child) => !child.held) as ExplainedCondition[];
    expect(failing.map((child) => [child.field, child.actual])).toEqual([
      ['reservation.tripType', 'return'],
      ['reservation.daysBookedBeforeDeparture', 60],
    ]);
    expect(set.explain('no-such-rule', courier)).toBeUndefined();
  });

  it('reads and normalises each field once per record, however many rules use it', () => {
    const reads = new Map<string, number>();
    const counting = new Proxy(courier, {
      get(target, key: string) {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return target[key];
      },
    });
    const both = compileRuleSet(
      [
        { id: 'a', tree: youngMale },
        { id: 'b', tree: youngMale },
        { id: 'c', tree: { field: 'traveller.age', operator: 'greaterThan', value: 20 } },
      ],
      'traveller',
      lists,
    );
    expect(both.fired(counting)).toEqual(['a', 'b', 'c']);
    expect(reads.get('traveller.age')).toBe(1);
    expect(reads.get('traveller.sex')).toBe(1);
    // A new record is read afresh.
    expect(both.fired({ 'traveller.sex': 'F', 'traveller.age': 19 })).toEqual([]);
  });

  it('evaluates a condition shared by several rules once per record, afresh for each record', () => {
    const cash = { field: 'reservation.paidInCash', operator: 'equals', value: true } as const;
    const shared = compileRuleSet(
      [
        { id: 'cash', tree: cash },
        {
          id: 'cash-and-young',
          tree: { all: [cash, { field: 'traveller.age', operator: 'lessThan', value: 30 }] },
        },
        { id: 'not-cash', tree: { not: cash } },
      ],
      'traveller',
      lists,
    );
    expect(shared.fired({ 'reservation.paidInCash': true, 'traveller.age': 20 })).toEqual([
      'cash',
      'cash-and-young',
    ]);
    expect(shared.fired({ 'reservation.paidInCash': false, 'traveller.age': 20 })).toEqual(['not-cash']);
    expect(shared.fired({ 'reservation.paidInCash': true, 'traveller.age': 40 })).toEqual(['cash']);
    const explained = shared.explain('cash-and-young', {
      'reservation.paidInCash': true,
      'traveller.age': 40,
    }) as ExplainedGroup;
    expect(explained.children.map((child) => child.held)).toEqual([true, false]);
  });

  it('throws on an invalid rule, naming it, unless told to skip it', () => {
    const rules = [
      { id: 'good', tree: youngMale },
      {
        id: 'stale',
        tree: { field: 'flight.originCountry', operator: 'inList', list: 'deleted-list' } as RuleTree,
      },
    ];
    expect(() => compileRuleSet(rules, 'traveller', lists)).toThrow(
      /rule stale: flight.originCountry inList: unknown code list/,
    );
    expect(() => compileRuleSet(rules, 'traveller', lists)).toThrow(InvalidRuleError);
    const lenient = compileRuleSet(rules, 'traveller', lists, { skipInvalid: true });
    expect(lenient.size).toBe(1);
    expect(lenient.rejected).toEqual([
      {
        id: 'stale',
        issues: [{ path: '', message: 'flight.originCountry inList: unknown code list "deleted-list"' }],
      },
    ]);
    expect(lenient.fired(courier)).toEqual(['good']);
  });

  it('refuses the same id twice', () => {
    expect(() =>
      compileRuleSet(
        [
          { id: 'x', tree: youngMale },
          { id: 'x', tree: youngMale },
        ],
        'traveller',
        lists,
      ),
    ).toThrow(/given twice/);
  });

  it('compiles reservation rules over reservation records', () => {
    const reservations = compileRuleSet([{ id: 'courier', tree: courierProfile }], 'reservation', lists);
    const {
      'traveller.sex': _sex,
      'traveller.age': _age,
      'reservation.present': _present,
      ...reservation
    } = courier;
    expect(reservations.fired(reservation)).toEqual(['courier']);
    expect(() => compileRuleSet([{ id: 'y', tree: youngMale }], 'reservation', lists)).toThrow(
      /not available in reservation rules/,
    );
  });
});
