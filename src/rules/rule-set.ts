/**
 * Many rules over one record. The rules share one slot table, so each field is read and
 * normalised once per record, however many rules read it; and a condition written identically
 * in several rules (same field, operator and value or list) is evaluated once per record.
 */
import { InvalidRuleError, compileNode } from './compile.js';
import type { LeafCompiler } from './compile.js';
import { conditionPredicate } from './predicates.js';
import type { Predicate } from './predicates.js';
import { FieldSlots } from './slots.js';
import { prepareRule } from './validate.js';
import type { ListCache, PreparedCondition, PreparedNode } from './validate.js';
import type {
  CodeLists,
  CompiledRuleSet,
  Explanation,
  RuleIssue,
  RuleSetOptions,
  RuleTree,
  Subject,
} from './types.js';

export function compileRuleSet(
  rules: readonly { id: string; tree: RuleTree }[],
  subject: Subject,
  codeLists: CodeLists = new Map(),
  options: RuleSetOptions = {},
): CompiledRuleSet {
  const slots = new FieldSlots();
  const ids: string[] = [];
  const tests: (() => boolean)[] = [];
  const explainers = new Map<string, () => Explanation>();
  const rejected: { id: string; issues: RuleIssue[] }[] = [];

  const prepared: { id: string; root: PreparedNode }[] = [];
  const seen = new Set<string>();
  const listCache: ListCache = new Map();
  for (const { id, tree } of rules) {
    if (seen.has(id)) throw new Error(`rule ${id} is given twice`);
    seen.add(id);
    const { issues, root } = prepareRule(tree, subject, codeLists, listCache);
    if (root) prepared.push({ id, root });
    else if (options.skipInvalid) rejected.push({ id, issues });
    else
      throw new InvalidRuleError(
        issues.map((issue) => ({ ...issue, message: `rule ${id}: ${issue.message}` })),
      );
  }

  const compileLeaf = sharedLeaves(prepared.map((rule) => rule.root));
  for (const { id, root } of prepared) {
    const compiled = compileNode(root, slots, compileLeaf);
    ids.push(id);
    tests.push(compiled.test);
    explainers.set(id, compiled.explain);
  }

  const count = ids.length;
  return {
    size: count,
    rejected,
    fired(record) {
      slots.begin(record);
      const fired: string[] = [];
      for (let i = 0; i < count; i++) if (tests[i]()) fired.push(ids[i]);
      return fired;
    },
    explain(ruleId, record) {
      const explain = explainers.get(ruleId);
      if (!explain) return undefined;
      slots.begin(record);
      return explain();
    },
  };
}

const leafKey = ({ condition }: PreparedCondition) =>
  JSON.stringify([condition.field, condition.operator, condition.value ?? null, condition.list ?? null]);

/** A leaf compiler that gives conditions occurring more than once one memoised predicate. */
function sharedLeaves(roots: PreparedNode[]): LeafCompiler {
  const occurrences = new Map<string, number>();
  const count = (node: PreparedNode): void => {
    if (node.kind !== 'condition') return node.children.forEach(count);
    const key = leafKey(node);
    occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  };
  roots.forEach(count);
  const shared = new Map<string, Predicate>();
  return (node, slots) => {
    const key = leafKey(node);
    if ((occurrences.get(key) ?? 0) < 2) return conditionPredicate(node, slots);
    let predicate = shared.get(key);
    if (!predicate) {
      const evaluate = conditionPredicate(node, slots);
      let generation = -1;
      let result = false;
      predicate = () => {
        if (generation !== slots.generation) {
          generation = slots.generation;
          result = evaluate();
        }
        return result;
      };
      shared.set(key, predicate);
    }
    return predicate;
  };
}
