import { describe, expect, it } from 'vitest';
import { compileRule, InvalidRuleError } from './compile.js';
import type { CodeLists, Condition, ExplainedCondition, ExplainedGroup, RuleTree } from './types.js';

const lists: CodeLists = new Map([
  ['source-countries', { kind: 'country', items: ['CO', 'PER', 'Bolivia'] }],
  ['hub-airports', { kind: 'airport', items: ['ist', 'FRA'] }],
  ['stolen-documents', { kind: 'document-number', items: ['ab-123 456', 'X99'] }],
  ['drug-words', { kind: 'keyword', items: ['Cocaine', 'PAKET'] }],
  ['burner-phones', { kind: 'phone', items: ['+387 61 000 111'] }],
]);

/** Whether a rule holds on a record giving `actual` for one field (by default: the condition's). */
function holds(rule: RuleTree, actual: unknown, field = (rule as Condition).field) {
  return compileRule(rule, 'traveller', lists).test({ [field]: actual });
}

describe('string fields', () => {
  const surname = (operator: Condition['operator'], value?: Condition['value']) =>
    ({ field: 'traveller.surname', operator, ...(value !== undefined && { value }) }) as Condition;

  it('compares case- and diacritics-insensitively', () => {
    expect(holds(surname('equals', 'Đorđević'), 'DJORDJEVIC')).toBe(false);
    expect(holds(surname('equals', 'Đorđević'), 'DORDEVIC')).toBe(true);
    expect(holds(surname('equals', 'smith'), 'Jones')).toBe(false);
    expect(holds(surname('notEquals', 'smith'), 'Jones')).toBe(true);
    expect(holds(surname('notEquals', 'smith'), 'SMITH')).toBe(false);
  });

  it('contains, startsWith, endsWith with one value or alternatives', () => {
    expect(holds(surname('contains', 'OVI'), 'Petrović')).toBe(true);
    expect(holds(surname('contains', 'xyz'), 'Petrović')).toBe(false);
    expect(holds(surname('startsWith', 'pet'), 'Petrović')).toBe(true);
    expect(holds(surname('startsWith', 'vić'), 'Petrović')).toBe(false);
    expect(holds(surname('endsWith', 'vić'), 'Petrović')).toBe(true);
    expect(holds(surname('endsWith', ['ski', 'ić']), 'Petrović')).toBe(true);
    expect(holds(surname('endsWith', ['ski', 'son']), 'Petrović')).toBe(false);
  });

  it('in list and not in list, inline', () => {
    expect(holds(surname('inList', ['Smith', 'Jones']), 'JONES')).toBe(true);
    expect(holds(surname('inList', ['Smith', 'Jones']), 'Brown')).toBe(false);
    expect(holds(surname('notInList', ['Smith', 'Jones']), 'Brown')).toBe(true);
    expect(holds(surname('notInList', ['Smith', 'Jones']), 'smith')).toBe(false);
  });

  it('matches safe patterns', () => {
    expect(holds(surname('matches', 'PETR?V*'), 'Petrović')).toBe(true);
    expect(holds(surname('matches', 'PETR?V'), 'Petrović')).toBe(false);
  });

  it('treats missing and blank values as empty; no other operator holds on them', () => {
    for (const actual of [null, undefined, '', '   ']) {
      expect(holds(surname('isEmpty'), actual)).toBe(true);
      expect(holds(surname('notEmpty'), actual)).toBe(false);
      expect(holds(surname('equals', 'x'), actual)).toBe(false);
      expect(holds(surname('notEquals', 'x'), actual)).toBe(false);
      expect(holds(surname('notInList', ['x']), actual)).toBe(false);
      expect(holds(surname('matches', '*'), actual)).toBe(false);
    }
    expect(holds(surname('isEmpty'), 'Smith')).toBe(false);
    expect(holds(surname('notEmpty'), 'Smith')).toBe(true);
  });

  it('compares document numbers on letters and digits only, also against a list', () => {
    const number = (operator: Condition['operator'], value?: string, list?: string) =>
      ({ field: 'document.number', operator, value, list }) as Condition;
    expect(holds(number('equals', 'ab 123-456'), 'AB123456')).toBe(true);
    expect(holds(number('inList', undefined, 'stolen-documents'), 'AB123456')).toBe(true);
    expect(holds(number('inList', undefined, 'stolen-documents'), 'x-99')).toBe(true);
    expect(holds(number('inList', undefined, 'stolen-documents'), 'AB123457')).toBe(false);
  });

  it('searches free-text remarks for the keywords of a list', () => {
    const condition = { field: 'reservation.remarks', operator: 'contains', list: 'drug-words' } as const;
    expect(holds(condition, ['WCHR', 'pick up paket at hotel'])).toBe(true);
    expect(holds(condition, ['WCHR', 'vegetarian meal'])).toBe(false);
  });
});

describe('number fields', () => {
  const age = (operator: Condition['operator'], value?: Condition['value']) =>
    ({ field: 'traveller.age', operator, value }) as Condition;

  it('compares', () => {
    expect(holds(age('equals', 30), 30)).toBe(true);
    expect(holds(age('equals', 30), 31)).toBe(false);
    expect(holds(age('notEquals', 30), 31)).toBe(true);
    expect(holds(age('lessThan', 30), 29)).toBe(true);
    expect(holds(age('lessThan', 30), 30)).toBe(false);
    expect(holds(age('lessOrEqual', 30), 30)).toBe(true);
    expect(holds(age('lessOrEqual', 30), 31)).toBe(false);
    expect(holds(age('greaterThan', 30), 31)).toBe(true);
    expect(holds(age('greaterThan', 30), 30)).toBe(false);
    expect(holds(age('greaterOrEqual', 30), 30)).toBe(true);
    expect(holds(age('greaterOrEqual', 30), 29)).toBe(false);
    expect(holds(age('inList', [18, 19]), 19)).toBe(true);
    expect(holds(age('notInList', [18, 19]), 19)).toBe(false);
  });

  it('between is inclusive at both ends', () => {
    expect(holds(age('between', [18, 25]), 18)).toBe(true);
    expect(holds(age('between', [18, 25]), 25)).toBe(true);
    expect(holds(age('between', [18, 25]), 17)).toBe(false);
    expect(holds(age('between', [18, 25]), 26)).toBe(false);
  });

  it('is false for every comparison on an unknown value, empty for isEmpty', () => {
    for (const actual of [null, undefined, 'n/a', Number.NaN]) {
      expect(holds(age('lessThan', 100), actual)).toBe(false);
      expect(holds(age('greaterThan', -1), actual)).toBe(false);
      expect(holds(age('notEquals', 1), actual)).toBe(false);
      expect(holds(age('isEmpty'), actual)).toBe(true);
    }
  });
});

describe('boolean fields', () => {
  it('equals, notEquals, emptiness', () => {
    const cash = (operator: Condition['operator'], value?: boolean) =>
      ({ field: 'reservation.paidInCash', operator, value }) as Condition;
    expect(holds(cash('equals', true), true)).toBe(true);
    expect(holds(cash('equals', true), false)).toBe(false);
    expect(holds(cash('notEquals', true), false)).toBe(true);
    expect(holds(cash('equals', false), null)).toBe(false);
    expect(holds(cash('isEmpty'), null)).toBe(true);
    expect(holds(cash('notEmpty'), false)).toBe(true);
  });
});

describe('date and datetime fields', () => {
  it('compares calendar days', () => {
    const birth = (operator: Condition['operator'], value?: Condition['value']) =>
      ({ field: 'traveller.dateOfBirth', operator, value }) as Condition;
    expect(holds(birth('equals', '1990-05-01'), '1990-05-01')).toBe(true);
    expect(holds(birth('lessThan', '1990-05-01'), '1990-04-30')).toBe(true);
    expect(holds(birth('lessThan', '1990-05-01'), '1990-05-01')).toBe(false);
    expect(holds(birth('greaterOrEqual', '1990-05-01'), '2001-01-01')).toBe(true);
    expect(holds(birth('between', ['1990-01-01', '1990-12-31']), '1990-12-31')).toBe(true);
    expect(holds(birth('between', ['1990-01-01', '1990-12-31']), '1991-01-01')).toBe(false);
    expect(holds(birth('lessThan', '2100-01-01'), 'not a date')).toBe(false);
    expect(holds(birth('isEmpty'), 'not a date')).toBe(true);
  });

  it('compares instants across offsets', () => {
    const departure = (operator: Condition['operator'], value?: Condition['value']) =>
      ({ field: 'flight.departureUtc', operator, value }) as Condition;
    expect(holds(departure('equals', '2026-05-01T10:30Z'), '2026-05-01T12:30:00+02:00')).toBe(true);
    expect(holds(departure('greaterThan', '2026-05-01T10:30Z'), '2026-05-01T10:31:00Z')).toBe(true);
    expect(holds(departure('greaterThan', '2026-05-01T10:30Z'), '2026-05-01T10:30:00Z')).toBe(false);
    expect(
      holds(departure('between', ['2026-05-01T00:00Z', '2026-05-01T06:00Z']), '2026-05-01T06:00:00Z'),
    ).toBe(true);
    expect(holds(departure('lessOrEqual', '2026-05-01'), new Date(Date.UTC(2026, 3, 30)))).toBe(true);
  });
});

describe('code fields', () => {
  it('compare case-insensitively and bring countries to one code set', () => {
    const nationality = (operator: Condition['operator'], value?: Condition['value'], list?: string) =>
      ({ field: 'traveller.nationality', operator, value, list }) as Condition;
    expect(holds(nationality('equals', 'co'), 'CO')).toBe(true);
    expect(holds(nationality('equals', 'CO'), 'COL')).toBe(true);
    expect(holds(nationality('inList', ['co', 'pe']), 'per')).toBe(true);
    expect(holds(nationality('inList', undefined, 'source-countries'), 'BOL')).toBe(true);
    expect(holds(nationality('notInList', undefined, 'source-countries'), 'RS')).toBe(true);
    expect(holds(nationality('inList', undefined, 'source-countries'), 'RS')).toBe(false);
    expect(holds({ field: 'traveller.sex', operator: 'equals', value: 'f' }, 'F')).toBe(true);
    expect(holds({ field: 'reservation.tripType', operator: 'equals', value: 'ONE-WAY' }, 'one-way')).toBe(
      true,
    );
    expect(holds({ field: 'document.type', operator: 'startsWith', value: 'p' }, 'PM')).toBe(true);
    expect(holds({ field: 'flight.carrier', operator: 'matches', value: 'j?' }, 'JU')).toBe(true);
  });
});

describe('list-valued fields', () => {
  const countries = (operator: Condition['operator'], value?: Condition['value'], list?: string) =>
    ({ field: 'journey.countries', operator, value, list }) as Condition;

  it('hold when any element satisfies the condition', () => {
    expect(holds(countries('equals', 'TR'), ['RS', 'TR'])).toBe(true);
    expect(holds(countries('equals', 'TR'), ['RS', 'BA'])).toBe(false);
    expect(holds(countries('inList', undefined, 'source-countries'), ['RS', 'CO'])).toBe(true);
    // notEquals on a list: some element differs (use `not` around equals for "none is").
    expect(holds(countries('notEquals', 'RS'), ['RS', 'TR'])).toBe(true);
    expect(holds({ not: countries('equals', 'TR') }, ['RS', 'BA'], 'journey.countries')).toBe(true);
    expect(holds({ not: countries('equals', 'TR') }, ['RS', 'TR'], 'journey.countries')).toBe(false);
    const phones = { field: 'reservation.phones', operator: 'inList', list: 'burner-phones' } as const;
    expect(holds(phones, ['+44 20 1234', '00387 61 000-111'])).toBe(true);
    expect(
      holds({ field: 'journey.airports', operator: 'inList', list: 'hub-airports' }, ['BEG', 'IST']),
    ).toBe(true);
  });

  it('isEmpty and notEmpty look at the whole list', () => {
    expect(holds(countries('isEmpty'), [])).toBe(true);
    expect(holds(countries('isEmpty'), null)).toBe(true);
    expect(holds(countries('isEmpty'), ['RS'])).toBe(false);
    expect(holds(countries('notEmpty'), ['RS'])).toBe(true);
    expect(holds(countries('equals', 'RS'), [])).toBe(false);
    expect(holds(countries('notEquals', 'RS'), [])).toBe(false);
  });
});

describe('groups and explanations', () => {
  const rule: RuleTree = {
    all: [
      { field: 'traveller.age', operator: 'between', value: [18, 30] },
      {
        any: [
          { field: 'flight.originCountry', operator: 'inList', list: 'source-countries' },
          { not: { field: 'reservation.present', operator: 'equals', value: true } },
        ],
      },
    ],
  };
  const compiled = compileRule(rule, 'traveller', lists);

  it('evaluates all, any and not', () => {
    expect(
      compiled.test({ 'traveller.age': 20, 'flight.originCountry': 'CO', 'reservation.present': true }),
    ).toBe(true);
    expect(
      compiled.test({ 'traveller.age': 20, 'flight.originCountry': 'RS', 'reservation.present': false }),
    ).toBe(true);
    expect(
      compiled.test({ 'traveller.age': 20, 'flight.originCountry': 'RS', 'reservation.present': true }),
    ).toBe(false);
    expect(compiled.test({ 'traveller.age': 40, 'flight.originCountry': 'CO' })).toBe(false);
  });

  it('explains every condition with the values seen, mirroring the rule', () => {
    const explanation = compiled.explain({
      'traveller.age': 40,
      'flight.originCountry': 'COL',
      'reservation.present': true,
    }) as ExplainedGroup;
    expect(explanation).toMatchObject({ kind: 'all', path: '', held: false });
    const [age, either] = explanation.children as [ExplainedCondition, ExplainedGroup];
    expect(age).toEqual({
      path: 'all[0]',
      field: 'traveller.age',
      label: 'Age',
      operator: 'between',
      expected: [18, 30],
      actual: 40,
      held: false,
    });
    // Children after a failing one are still evaluated and shown.
    expect(either).toMatchObject({ kind: 'any', path: 'all[1]', held: true });
    expect(either.children[0]).toMatchObject({
      path: 'all[1].any[0]',
      list: 'source-countries',
      expected: null,
      actual: 'COL',
      held: true,
    });
    expect(either.children[1]).toMatchObject({ kind: 'not', path: 'all[1].any[1]', held: false });
    expect((either.children[1] as ExplainedGroup).children[0]).toMatchObject({
      path: 'all[1].any[1].not',
      actual: true,
      held: true,
    });
  });

  it('agrees with test() and shows unknown values as null', () => {
    const record = { 'traveller.age': 25 };
    const explanation = compiled.explain(record);
    expect(explanation.held).toBe(compiled.test(record));
    expect(explanation.held).toBe(true);
    const origin = ((explanation as ExplainedGroup).children[1] as ExplainedGroup).children[0];
    expect(origin).toMatchObject({ actual: null, held: false });
  });

  it('does not keep values of one record for the next', () => {
    expect(
      compiled.test({ 'traveller.age': 20, 'flight.originCountry': 'CO', 'reservation.present': true }),
    ).toBe(true);
    expect(
      compiled.test({ 'traveller.age': 50, 'flight.originCountry': 'CO', 'reservation.present': true }),
    ).toBe(false);
  });

  it('refuses an invalid rule with a typed error listing the issues', () => {
    const bad = {
      all: [{ field: 'traveller.age', operator: 'equals', value: 'old' }],
    } as unknown as RuleTree;
    expect(() => compileRule(bad, 'traveller', lists)).toThrow(InvalidRuleError);
    try {
      compileRule(bad, 'traveller', lists);
    } catch (error) {
      expect(error).toMatchObject({ status: 422, code: 'invalid_rule' });
      expect((error as InvalidRuleError).issues).toEqual([
        { path: 'all[0]', message: 'traveller.age equals: value must be a number, got "old"' },
      ]);
      expect((error as Error).message).toContain('all[0]: traveller.age equals');
    }
  });
});
