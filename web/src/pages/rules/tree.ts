import { t, type CatalogueKey } from '../../i18n/index.js';
import {
  LIST_OPERATORS,
  type CatalogueField,
  type Condition,
  type ConditionValue,
  type Operator,
  type RuleIssue,
  type RuleTree,
} from '../../targeting-types.js';

/*
 * The rule builder's own model of a condition tree: every node has an id (React keys, issues),
 * values are kept as typed text until the rule is saved. `toRuleTree` gives the API's tree and the
 * path of every node, the same paths the server names in its issues (`all[1].any[0]`).
 */

export type GroupKind = 'all' | 'any' | 'not';

export interface GroupNode {
  id: string;
  kind: 'group';
  op: GroupKind;
  children: BuilderNode[];
}

export interface ConditionNode {
  id: string;
  kind: 'condition';
  field: string;
  operator: Operator | '';
  /** The value; the low end for `between`; the pattern for `matches`; 'true'/'false' for booleans. */
  value: string;
  /** The high end for `between`. */
  high: string;
  /** The values of `inList` / `notInList`. */
  items: string[];
  /** A code list named instead of values. */
  useList: boolean;
  list: string;
}

export type BuilderNode = GroupNode | ConditionNode;

let counter = 0;
const nextId = () => `node-${++counter}`;

export function newCondition(): ConditionNode {
  return {
    id: nextId(),
    kind: 'condition',
    field: '',
    operator: '',
    value: '',
    high: '',
    items: [],
    useList: false,
    list: '',
  };
}

export function newGroup(op: GroupKind = 'all', children: BuilderNode[] = [newCondition()]): GroupNode {
  return { id: nextId(), kind: 'group', op, children };
}

/** The builder's tree of a stored rule; the root is always a group. */
export function fromRuleTree(tree: RuleTree): GroupNode {
  const node = fromNode(tree);
  return node.kind === 'group' ? node : newGroup('all', [node]);
}

function fromNode(tree: RuleTree): BuilderNode {
  if ('all' in tree) return newGroup('all', tree.all.map(fromNode));
  if ('any' in tree) return newGroup('any', tree.any.map(fromNode));
  if ('not' in tree) {
    const inner = tree.not;
    return newGroup('not', 'all' in inner ? inner.all.map(fromNode) : [fromNode(inner)]);
  }
  return fromCondition(tree);
}

function fromCondition(condition: Condition): ConditionNode {
  const node = { ...newCondition(), field: condition.field, operator: condition.operator };
  if (condition.list !== undefined) return { ...node, useList: true, list: condition.list };
  const value = condition.value;
  if (Array.isArray(value)) {
    if (condition.operator === 'between')
      return { ...node, value: String(value[0] ?? ''), high: String(value[1] ?? '') };
    return { ...node, items: value.map(String) };
  }
  return { ...node, value: value === undefined ? '' : String(value) };
}

const join = (path: string, step: string) => (path ? `${path}.${step}` : step);

export interface Converted {
  tree: RuleTree;
  /** Node id -> path of the node in `tree`. */
  paths: Map<string, string>;
  /** What must be filled in before the rule can be sent, by node id. */
  missing: Map<string, string>;
}

/** The API's condition tree of the builder's tree, with the path of each node. */
export function toRuleTree(root: GroupNode, fields: Map<string, CatalogueField>): Converted {
  const paths = new Map<string, string>();
  const missing = new Map<string, string>();
  const convert = (node: BuilderNode, path: string): RuleTree => {
    paths.set(node.id, path);
    if (node.kind === 'condition') {
      const problem = missingPart(node, fields.get(node.field));
      if (problem) missing.set(node.id, problem);
      return toCondition(node, fields.get(node.field));
    }
    if (node.children.length === 0) missing.set(node.id, t('builder.missing.emptyGroup'));
    if (node.op === 'not') {
      const notPath = join(path, 'not');
      if (node.children.length === 1) return { not: convert(node.children[0], notPath) };
      return { not: { all: node.children.map((child, i) => convert(child, join(notPath, `all[${i}]`))) } };
    }
    const members = node.children.map((child, i) => convert(child, join(path, `${node.op}[${i}]`)));
    return node.op === 'all' ? { all: members } : { any: members };
  };
  return { tree: convert(root, ''), paths, missing };
}

export const takesNoValue = (operator: Operator | '') => operator === 'isEmpty' || operator === 'notEmpty';
export const mayUseList = (operator: Operator | '', field: CatalogueField | undefined) =>
  operator !== '' && LIST_OPERATORS.includes(operator) && (field?.listKinds.length ?? 0) > 0;

function missingPart(node: ConditionNode, field: CatalogueField | undefined): string | null {
  if (!node.field || !field) return t('builder.missing.field');
  if (!node.operator) return t('builder.missing.operator');
  if (takesNoValue(node.operator)) return null;
  if (node.useList && mayUseList(node.operator, field)) return node.list ? null : t('builder.missing.list');
  if (node.operator === 'between')
    return node.value.trim() && node.high.trim() ? null : t('builder.missing.between');
  if (node.operator === 'inList' || node.operator === 'notInList')
    return node.items.length > 0 ? null : t('builder.missing.items');
  if (!node.value.trim()) return t('builder.missing.value');
  if (field.type === 'number' && !Number.isFinite(Number(node.value))) return t('builder.missing.number');
  return null;
}

function scalar(text: string, field: CatalogueField | undefined): string | number | boolean {
  const trimmed = text.trim();
  if (field?.type === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (field?.type === 'boolean') return trimmed === 'true';
  return trimmed;
}

function toCondition(node: ConditionNode, field: CatalogueField | undefined): Condition {
  const operator = (node.operator || 'equals') as Operator;
  const base = { field: node.field, operator };
  if (takesNoValue(operator)) return base;
  if (node.useList && mayUseList(operator, field)) return { ...base, list: node.list };
  let value: ConditionValue;
  if (operator === 'between')
    value = [scalar(node.value, field), scalar(node.high, field)] as (string | number)[];
  else if (operator === 'inList' || operator === 'notInList')
    value = node.items.map((item) => scalar(item, field)) as (string | number)[];
  else value = scalar(node.value, field);
  return { ...base, value };
}

/**
 * The path of a server issue in the builder's terms: rule issues come as `all[1].any[0]`; schema
 * errors as `body.condition.all.1.any.0.value`.
 */
export function issuePath(path: string): string | null {
  if (!path.startsWith('body.')) return path;
  if (!path.startsWith('body.condition')) return null;
  const steps = path.slice('body.condition'.length).split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if ((step === 'all' || step === 'any') && /^\d+$/.test(steps[i + 1] ?? '')) {
      out.push(`${step}[${steps[i + 1]}]`);
      i++;
    } else if (step === 'not') out.push('not');
    else break;
  }
  return out.join('.');
}

/** Issues by node id; an issue whose path names no node goes to the root. */
export function issuesByNode(issues: RuleIssue[], paths: Map<string, string>, rootId: string) {
  const byPath = new Map([...paths].map(([id, path]) => [path, id]));
  const result = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issuePath(issue.path);
    const id = (path !== null && byPath.get(path)) || rootId;
    result.set(id, [...(result.get(id) ?? []), issue.message]);
  }
  return result;
}

export const operatorLabel = (operator: Operator) => t(`builder.op.${operator}` as CatalogueKey);

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(value);
}

/** One condition in words: "Origin airport is in list transit-hubs". */
export function describeCondition(condition: Condition, label: string): string {
  const op = operatorLabel(condition.operator);
  if (condition.list !== undefined)
    return `${label} ${op} ${t('builder.describe.list', { list: condition.list })}`;
  if (condition.value === undefined) return `${label} ${op}`;
  if (condition.operator === 'between' && Array.isArray(condition.value))
    return `${label} ${op} ${t('builder.describe.range', { low: describeValue(condition.value[0]), high: describeValue(condition.value[1]) })}`;
  return `${label} ${op} ${describeValue(condition.value)}`;
}

/** A rule in plain words: "Origin airport is in list transit-hubs AND Nationality equals GB". */
export function describeTree(tree: RuleTree, labels: Map<string, string>, nested = false): string {
  const group = (members: readonly RuleTree[], word: string) => {
    const text = members.map((member) => describeTree(member, labels, true)).join(` ${word} `);
    return nested && members.length > 1 ? `(${text})` : text;
  };
  if ('all' in tree) return group(tree.all, t('builder.describe.and'));
  if ('any' in tree) return group(tree.any, t('builder.describe.or'));
  if ('not' in tree) return `${t('builder.describe.not')} (${describeTree(tree.not, labels)})`;
  return describeCondition(tree, labels.get(tree.field) ?? tree.field);
}
