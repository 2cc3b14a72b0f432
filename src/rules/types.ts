/**
 * The types of the rule language: fields, operators, conditions, code lists, issues and
 * explanations. Shared by the catalogue, the validator, the compiler and the HTTP schema.
 */

/** What a rule is written about: one API traveller (with flight and linked reservation), or one reservation. */
export const subjects = ['traveller', 'reservation'] as const;
export type Subject = (typeof subjects)[number];

export const fieldTypes = ['string', 'number', 'boolean', 'date', 'datetime', 'code'] as const;
/**
 * `date` is a calendar day (YYYY-MM-DD); `datetime` an instant (ISO 8601, UTC when no offset);
 * `code` a short code compared case-insensitively (countries, airports, carriers ...).
 */
export type FieldType = (typeof fieldTypes)[number];

export const codeKinds = [
  'country',
  'airport',
  'carrier',
  'document-type',
  'sex',
  'trip-type',
  'payment-type',
  'role',
  'direction',
] as const;
export type CodeKind = (typeof codeKinds)[number];

/**
 * How a string field is normalised before comparison. `text`: case and diacritics folded,
 * white space collapsed; `document-number`: upper case, only A-Z and 0-9; `phone`: digits only;
 * `email`: lower case.
 */
export type TextKind = 'text' | 'document-number' | 'phone' | 'email';

export interface FieldDefinition {
  /** The key of the field in a subject record, e.g. `traveller.nationality`. */
  key: string;
  label: string;
  description: string;
  type: FieldType;
  /** For `code` fields: which codes. */
  codeKind?: CodeKind;
  /** For `string` fields: how values are normalised (default `text`). */
  textKind?: TextKind;
  /**
   * A list-valued field (route countries, phones). A condition holds when ANY element satisfies
   * it, except `isEmpty`/`notEmpty`, which look at the whole list. Wrap in `not` for "none".
   */
  multiple?: boolean;
  /** The subjects whose records carry this field. */
  subjects: readonly Subject[];
}

export const operators = [
  'equals',
  'notEquals',
  'lessThan',
  'lessOrEqual',
  'greaterThan',
  'greaterOrEqual',
  'between',
  'inList',
  'notInList',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'isEmpty',
  'notEmpty',
] as const;
export type Operator = (typeof operators)[number];

export type ConditionValue = string | number | boolean | readonly (string | number)[];

/**
 * One test of one field. `value` is what the field is compared with: a scalar; `[low, high]` for
 * `between` (inclusive); an array for `inList`/`notInList` (and, as alternatives, for
 * `contains`/`startsWith`/`endsWith`); a pattern for `matches`; nothing for `isEmpty`/`notEmpty`.
 * `list` instead names a code list that users maintain.
 */
export interface Condition {
  field: string;
  operator: Operator;
  value?: ConditionValue;
  list?: string;
}

export type RuleTree =
  Condition | { all: readonly RuleTree[] } | { any: readonly RuleTree[] } | { not: RuleTree };

export const codeListKinds = [
  'airport',
  'country',
  'carrier',
  'document-number',
  'keyword',
  'phone',
  'email',
  'other',
] as const;
export type CodeListKind = (typeof codeListKinds)[number];

export interface CodeList {
  kind: CodeListKind;
  items: readonly string[];
}

/** Code lists by name, as users maintain them; referenced by `list` in a condition. */
export type CodeLists = ReadonlyMap<string, CodeList>;

/** A record of a subject: field key -> value (null or absent when unknown). */
export type SubjectRecord = Readonly<Record<string, unknown>>;

/** What is wrong with a rule, and where: `path` like `all[1].any[0]` ('' for the root). */
export interface RuleIssue {
  path: string;
  message: string;
}

export interface ExplainedCondition {
  path: string;
  field: string;
  label: string;
  operator: Operator;
  /** The value of the condition as written (null when it names a list or takes no value). */
  expected: unknown;
  /** The code list the condition names, if any. */
  list?: string;
  /** The value seen in the record, as the record gives it (null when unknown). */
  actual: unknown;
  held: boolean;
}

export interface ExplainedGroup {
  kind: 'all' | 'any' | 'not';
  path: string;
  held: boolean;
  children: Explanation[];
}

/** An evaluation explained: a tree mirroring the rule, every condition evaluated. */
export type Explanation = ExplainedCondition | ExplainedGroup;

export interface CompiledRule {
  /** Whether the rule fires on the record. Cheap: no explanation is built. */
  test(record: SubjectRecord): boolean;
  /** Why the rule fires or not: every condition with the value seen. */
  explain(record: SubjectRecord): Explanation;
}

export interface RuleSetOptions {
  /**
   * Skip rules that no longer validate (a code list deleted since) and report them in
   * `rejected`, instead of throwing. For screening, where one broken rule must not stop the rest.
   */
  skipInvalid?: boolean;
}

export interface CompiledRuleSet {
  /** The ids of the rules that fire on the record, in the order the rules were given. */
  fired(record: SubjectRecord): string[];
  /** Why one rule of the set fires or not; undefined for an id not in the set. */
  explain(ruleId: string, record: SubjectRecord): Explanation | undefined;
  /** How many rules the set evaluates. */
  readonly size: number;
  /** Rules left out because they are invalid (only with `skipInvalid`). */
  readonly rejected: readonly { id: string; issues: RuleIssue[] }[];
}
