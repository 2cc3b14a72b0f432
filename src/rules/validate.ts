/**
 * Validation of a rule against the field catalogue and the code lists, done together with the
 * preparation the compiler needs: every value checked against its field's type and normalised
 * once, lists turned into Sets, patterns compiled. Each issue names the condition by its path.
 */
import { findField, listKindsFor, operatorsFor, CLOSED_CODES } from './catalogue.js';
import { characterFold, parseDay, parseInstant, scalarNormaliser, isKnownCountry } from './normalise.js';
import type { Normalised } from './normalise.js';
import { compilePattern } from './pattern.js';
import { subjects } from './types.js';
import type { CodeLists, Condition, FieldDefinition, Operator, RuleIssue, Subject } from './types.js';

/** Groups may nest this deep (a group inside a group inside ...). */
export const MAX_DEPTH = 6;
/** Conditions (leaves) one rule may hold. */
export const MAX_CONDITIONS = 200;
/** Values an inline list may hold. */
export const MAX_INLINE_VALUES = 1000;
const MAX_ISSUES = 50;

/** What a condition compares with, in normal form. */
export type Operand =
  | { type: 'none' }
  | { type: 'scalar'; value: Normalised }
  | { type: 'range'; low: number; high: number }
  | { type: 'set'; values: ReadonlySet<Normalised> }
  | { type: 'strings'; values: readonly string[] }
  | { type: 'pattern'; test: (value: string) => boolean };

/** Normalised code lists, shared by the rules prepared together. */
export type ListCache = Map<string, Operand>;

export interface PreparedCondition {
  kind: 'condition';
  path: string;
  condition: Condition;
  definition: FieldDefinition;
  operand: Operand;
}

export interface PreparedGroup {
  kind: 'all' | 'any' | 'not';
  path: string;
  children: PreparedNode[];
}

export type PreparedNode = PreparedCondition | PreparedGroup;

const LIST_OPERATORS: readonly Operator[] = ['inList', 'notInList', 'contains', 'startsWith', 'endsWith'];
const ORDER_OPERATORS: readonly Operator[] = ['lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual'];
const TYPE_NAMES = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date as YYYY-MM-DD',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
const join = (path: string, step: string) => (path ? `${path}.${step}` : step);

/** Validates and prepares a rule; `root` is set only when there are no issues. */
export function prepareRule(
  tree: unknown,
  subject: Subject,
  codeLists: CodeLists,
  listCache: ListCache = new Map(),
): { issues: RuleIssue[]; root?: PreparedNode } {
  const issues: RuleIssue[] = [];
  let conditions = 0;
  const fail = (path: string, message: string): undefined => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
    return undefined;
  };
  if (!(subjects as readonly string[]).includes(subject)) {
    fail('', `unknown subject ${show(subject)}; rules are about ${subjects.join(' or ')}`);
    return { issues };
  }

  const walk = (node: unknown, path: string, depth: number): PreparedNode | undefined => {
    if (!isObject(node))
      return fail(path, 'expected a condition {field, operator, value} or a group {all}, {any} or {not}');
    const keys = ['field', 'all', 'any', 'not'].filter((key) => key in node);
    if (keys.length !== 1)
      return fail(
        path,
        keys.length === 0
          ? 'expected a condition {field, operator, value} or a group {all}, {any} or {not}'
          : `a node is one condition or one group, not ${keys.join(' and ')} together`,
      );
    const kind = keys[0];
    if (kind === 'field') {
      conditions++;
      return prepareCondition(node, path, subject, codeLists, listCache, fail);
    }
    if (depth >= MAX_DEPTH) return fail(path, `groups nested deeper than ${MAX_DEPTH} levels`);
    if (kind === 'not') {
      const child = walk(node.not, join(path, 'not'), depth + 1);
      return child && { kind: 'not', path, children: [child] };
    }
    const members = node[kind];
    if (!Array.isArray(members)) return fail(path, `"${kind}" must be a list of conditions`);
    if (members.length === 0) return fail(path, `empty "${kind}" group: give it at least one condition`);
    const children = members.map((member, i) => walk(member, join(path, `${kind}[${i}]`), depth + 1));
    return children.every((child) => child !== undefined)
      ? { kind: kind as 'all' | 'any', path, children: children as PreparedNode[] }
      : undefined;
  };

  const root = walk(tree, '', 0);
  if (conditions > MAX_CONDITIONS)
    fail('', `the rule has ${conditions} conditions; at most ${MAX_CONDITIONS} are allowed`);
  return issues.length === 0 && root ? { issues, root } : { issues };
}

function prepareCondition(
  node: Record<string, unknown>,
  path: string,
  subject: Subject,
  codeLists: CodeLists,
  listCache: ListCache,
  fail: (path: string, message: string) => undefined,
): PreparedCondition | undefined {
  const { field, operator, value, list } = node;
  if (typeof field !== 'string') return fail(path, 'the field must be a field key such as "traveller.age"');
  const definition = findField(field, subject);
  if (!definition) {
    const other = subjects.find((s) => s !== subject && findField(field, s));
    return fail(
      path,
      other ? `field "${field}" is not available in ${subject} rules` : `unknown field ${show(field)}`,
    );
  }
  const allowed = operatorsFor(definition);
  if (typeof operator !== 'string' || !allowed.includes(operator as Operator))
    return fail(
      path,
      `operator ${show(operator)} is not valid for ${field} (${describeType(definition)}); use one of: ${allowed.join(', ')}`,
    );
  const op = operator as Operator;
  const condition: Condition = {
    field,
    operator: op,
    ...(value !== undefined && { value: value as Condition['value'] }),
    ...(list !== undefined && { list: list as string }),
  };
  const prepared = (operand: Operand | undefined): PreparedCondition | undefined =>
    operand && { kind: 'condition', path, condition, definition, operand };
  const at = (message: string) => fail(path, `${field} ${op}: ${message}`);

  if (op === 'isEmpty' || op === 'notEmpty') {
    if (value !== undefined || list !== undefined) return at('takes no value');
    return prepared({ type: 'none' });
  }
  if (value !== undefined && list !== undefined) return at('give either a value or a list, not both');
  if (list !== undefined) {
    if (!LIST_OPERATORS.includes(op))
      return at(`a code list can be used with ${LIST_OPERATORS.join(', ')} only`);
    if (typeof list !== 'string') return at('the list must be the name of a code list');
    const codeList = codeLists.get(list);
    if (!codeList) return at(`unknown code list ${show(list)}`);
    const kinds = listKindsFor(definition);
    if (!kinds.includes(codeList.kind))
      return at(
        kinds.length === 0
          ? `${describeType(definition)} fields take inline values, not code lists`
          : `code list ${show(list)} holds ${codeList.kind} entries, but ${field} needs a ${kinds.join(' or ')} list`,
      );
    const asSet = op === 'inList' || op === 'notInList';
    // Lists are normalised once per field kind, however many rules of a set name them.
    const cacheKey = JSON.stringify([list, definition.type, definition.codeKind, definition.textKind, asSet]);
    let operand = listCache.get(cacheKey);
    if (!operand) {
      const normalise = scalarNormaliser(definition);
      const items = codeList.items.map((item) => normalise(item)).filter((item) => item !== null);
      operand = asSet
        ? { type: 'set', values: new Set(items) }
        : { type: 'strings', values: items as string[] };
      listCache.set(cacheKey, operand);
    }
    return prepared(operand);
  }
  if (value === undefined) return at('needs a value or a list');

  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return at('needs [low, high]');
    const low = checkValue(definition, value[0], at, 'low');
    const high = checkValue(definition, value[1], at, 'high');
    if (low === undefined || high === undefined) return undefined;
    if ((low as number) > (high as number))
      return at(`low ${show(value[0])} is above high ${show(value[1])}`);
    return prepared({ type: 'range', low: low as number, high: high as number });
  }
  const alternatives =
    op === 'inList' || op === 'notInList' || op === 'contains' || op === 'startsWith' || op === 'endsWith';
  if (Array.isArray(value)) {
    if (!alternatives) return at('needs one value, not a list');
    if (value.length === 0) return at('the list of values is empty');
    if (value.length > MAX_INLINE_VALUES) return at(`more than ${MAX_INLINE_VALUES} values; use a code list`);
    const checked = value.map((element, i) => checkValue(definition, element, at, `value[${i}]`, op));
    if (checked.some((element) => element === undefined)) return undefined;
    return prepared(
      op === 'inList' || op === 'notInList'
        ? { type: 'set', values: new Set(checked as Normalised[]) }
        : { type: 'strings', values: checked as string[] },
    );
  }
  if (op === 'matches') {
    if (typeof value !== 'string') return at('the pattern must be text');
    const pattern = compilePattern(value, characterFold(definition));
    return pattern.ok
      ? prepared({ type: 'pattern', test: pattern.test })
      : at(`bad pattern ${show(value)}: ${pattern.message}`);
  }
  const checked = checkValue(definition, value, at, 'value', op);
  if (checked === undefined) return undefined;
  if (op === 'inList' || op === 'notInList') return prepared({ type: 'set', values: new Set([checked]) });
  if (op === 'contains' || op === 'startsWith' || op === 'endsWith')
    return prepared({ type: 'strings', values: [checked as string] });
  return prepared({ type: 'scalar', value: checked });
}

function describeType(definition: FieldDefinition): string {
  const base = definition.type === 'code' ? `${definition.codeKind} code` : definition.type;
  return definition.multiple ? `list of ${base}` : base;
}

/** Checks one rule value against the field's type; its normal form, or undefined after an issue. */
function checkValue(
  definition: FieldDefinition,
  value: unknown,
  at: (message: string) => undefined,
  what: string,
  operator: Operator = 'equals',
): Normalised | undefined {
  const wrong = (expected: string) => at(`${what} must be ${expected}, got ${show(value)}`);
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong(TYPE_NAMES.number);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong(TYPE_NAMES.boolean);
    case 'date': {
      const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDay(value) : null;
      return day ?? wrong(TYPE_NAMES.date);
    }
    case 'datetime':
      return parseInstant(value) ?? wrong('a date and time as ISO 8601, e.g. 2026-05-01T10:30Z');
    default: {
      if (typeof value !== 'string' || value.trim() === '') return wrong(TYPE_NAMES.string);
      const normal = scalarNormaliser(definition)(value);
      if (normal === null) return at(`${what} ${show(value)} has nothing left to compare once normalised`);
      if (definition.type === 'code' && !ORDER_OPERATORS.includes(operator) && operator !== 'startsWith') {
        const problem = codeProblem(definition, value.trim().toUpperCase());
        if (problem) return at(`${what} ${show(value)} ${problem}`);
      }
      return normal;
    }
  }
}

/** Why a whole code cannot be one of the field's codes; null when it can. */
function codeProblem(definition: FieldDefinition, code: string): string | null {
  const kind = definition.codeKind!;
  const closed = CLOSED_CODES[kind];
  if (closed) return closed.includes(code) ? null : `is not a ${kind} code; use one of: ${closed.join(', ')}`;
  switch (kind) {
    case 'country':
      return isKnownCountry(code) ? null : 'is not a known country code';
    case 'airport':
      return /^[A-Z]{3,4}$/.test(code) ? null : 'is not an airport code (IATA, 3 letters)';
    case 'carrier':
      return /^[A-Z0-9]{2}[A-Z]?$/.test(code) ? null : 'is not a carrier code (IATA, 2 characters)';
    default:
      return /^[A-Z0-9]{1,3}$/.test(code) ? null : `is not a ${kind} code`;
  }
}
