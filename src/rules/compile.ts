/**
 * The compiler: a prepared rule becomes a tree of closures over a field-slot table. A record's
 * field is normalised at most once per record, when a condition first asks for it, and shared by
 * every rule compiled against the same table; `test()` allocates nothing of its own.
 */
import { AppError } from '../errors.js';
import { conditionPredicate, estimatedCost, groupPredicate } from './predicates.js';
import type { Predicate } from './predicates.js';
import { FieldSlots } from './slots.js';
import { prepareRule } from './validate.js';
import type { PreparedCondition, PreparedNode } from './validate.js';
import type { CodeLists, CompiledRule, Explanation, RuleIssue, RuleTree, Subject } from './types.js';

/** A rule that does not validate; `details.issues` lists every problem with its path. */
export class InvalidRuleError extends AppError {
  constructor(readonly issues: RuleIssue[]) {
    const described = issues.map((issue) => `${issue.path || 'rule'}: ${issue.message}`).join('; ');
    super(422, 'invalid_rule', `The rule is not valid: ${described}`, { issues });
    this.name = 'InvalidRuleError';
  }
}

interface CompiledNode {
  test: Predicate;
  explain: () => Explanation;
}

/** How a condition becomes a predicate; a rule set passes one that shares repeated conditions. */
export type LeafCompiler = (node: PreparedCondition, slots: FieldSlots) => Predicate;

/** Compiles a prepared node against a slot table. */
export function compileNode(
  node: PreparedNode,
  slots: FieldSlots,
  compileLeaf: LeafCompiler = conditionPredicate,
): CompiledNode {
  if (node.kind === 'condition') {
    const test = compileLeaf(node, slots);
    const { path, definition, condition } = node;
    return {
      test,
      explain: () => ({
        path,
        field: definition.key,
        label: definition.label,
        operator: condition.operator,
        expected: condition.value ?? null,
        ...(condition.list !== undefined && { list: condition.list }),
        actual: slots.record[definition.key] ?? null,
        held: test(),
      }),
    };
  }
  const children = node.children.map((child) => compileNode(child, slots, compileLeaf));
  const { kind, path } = node;
  if (kind === 'not') {
    const [child] = children;
    return {
      test: () => !child.test(),
      explain: () => {
        const explained = child.explain();
        return { kind, path, held: !explained.held, children: [explained] };
      },
    };
  }
  return {
    // Cheap conditions first: a group's result does not depend on the order, its time does.
    test: groupPredicate(
      kind,
      node.children
        .map((child, i) => ({ cost: estimatedCost(child), test: children[i].test }))
        .sort((a, b) => a.cost - b.cost)
        .map((child) => child.test),
    ),
    explain: () => {
      // Every child is evaluated, not only up to the first decisive one: the analyst sees all.
      const explained = children.map((child) => child.explain());
      const held = kind === 'all' ? explained.every((e) => e.held) : explained.some((e) => e.held);
      return { kind, path, held, children: explained };
    },
  };
}

/** Validates and prepares, or throws InvalidRuleError naming every bad condition. */
export function prepareOrThrow(tree: RuleTree, subject: Subject, codeLists: CodeLists): PreparedNode {
  const { issues, root } = prepareRule(tree, subject, codeLists);
  if (!root) throw new InvalidRuleError(issues);
  return root;
}

/** One rule, compiled to a predicate with its own slot table. */
export function compileRule(
  tree: RuleTree,
  subject: Subject,
  codeLists: CodeLists = new Map(),
): CompiledRule {
  const slots = new FieldSlots();
  const compiled = compileNode(prepareOrThrow(tree, subject, codeLists), slots);
  const { test, explain } = compiled;
  return {
    test(record) {
      slots.begin(record);
      return test();
    },
    explain(record) {
      slots.begin(record);
      return explain();
    },
  };
}
