/**
 * The rule language's public face: the field catalogue, validation, compilation of one rule or
 * of a set of rules, and explanation. Pure: no I/O, no clock, no database. Code lists are passed
 * in by the caller, who owns their storage.
 */
import { prepareRule } from './validate.js';
import type { CodeLists, RuleIssue, RuleTree, Subject } from './types.js';

export { catalogue, fieldsOf, findField, listKindsFor, operatorsFor } from './catalogue.js';
export { compileRule, InvalidRuleError } from './compile.js';
export { compileRuleSet } from './rule-set.js';
export { codeListSchema, conditionSchema, ruleTreeSchema, subjectSchema } from './schema.js';
export { MAX_CONDITIONS, MAX_DEPTH, MAX_INLINE_VALUES } from './validate.js';
export { MAX_PATTERN_LENGTH } from './pattern.js';
export { codeKinds, codeListKinds, fieldTypes, operators, subjects } from './types.js';
export type * from './types.js';

/**
 * Every problem of a rule for a subject, each with the path of the condition (`all[1].any[0]`,
 * '' for the root) and what is wrong; empty when the rule is valid.
 */
export function validateRule(
  tree: RuleTree | unknown,
  subject: Subject,
  codeLists: CodeLists = new Map(),
): RuleIssue[] {
  return prepareRule(tree, subject, codeLists).issues;
}
