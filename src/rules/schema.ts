/**
 * The zod schema of a rule tree, for HTTP bodies and the OpenAPI description. It checks shape
 * only; `validateRule` checks meaning (fields, operators, value types, code lists).
 */
import { z } from 'zod';
import { MAX_CONDITIONS, MAX_DEPTH, MAX_INLINE_VALUES } from './validate.js';
import { codeListKinds, operators, subjects } from './types.js';
import type { RuleTree } from './types.js';

const text = z.string().max(500);

export const conditionSchema = z
  .object({
    field: z.string().min(1).max(100).describe('Field key from the catalogue, e.g. traveller.nationality'),
    operator: z.enum(operators),
    value: z
      .union([text, z.number(), z.boolean(), z.array(z.union([text, z.number()])).max(MAX_INLINE_VALUES)])
      .optional()
      .describe('A value; [low, high] for between; a list for inList/notInList; a pattern for matches'),
    list: z.string().min(1).max(200).optional().describe('Name of a code list, instead of value'),
  })
  .strict();

const treeSchema: z.ZodType<RuleTree> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.object({ all: z.array(treeSchema).min(1) }).strict(),
    z.object({ any: z.array(treeSchema).min(1) }).strict(),
    z.object({ not: treeSchema }).strict(),
  ]),
);

/**
 * Depth and size, measured without recursion before the recursive schema runs, so that a body
 * nested thousands of levels deep is refused instead of exhausting the stack.
 */
function measure(input: unknown): { depth: number; conditions: number } {
  let depth = 0;
  let conditions = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: input, depth: 0 }];
  while (stack.length > 0 && depth <= MAX_DEPTH && conditions <= MAX_CONDITIONS) {
    const { node, depth: level } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const group = node as { all?: unknown; any?: unknown; not?: unknown; field?: unknown };
    if ('field' in group) conditions++;
    const members = [group.all, group.any].flatMap((list) => (Array.isArray(list) ? list : []));
    if (group.not !== undefined) members.push(group.not);
    if (members.length > 0) depth = Math.max(depth, level + 1);
    for (const member of members) stack.push({ node: member, depth: level + 1 });
  }
  return { depth, conditions };
}

/** A rule's condition tree: groups nested at most MAX_DEPTH deep, at most MAX_CONDITIONS conditions. */
export const ruleTreeSchema = z.preprocess((input, context) => {
  const { depth, conditions } = measure(input);
  if (depth > MAX_DEPTH)
    context.addIssue({ code: 'custom', message: `groups nested deeper than ${MAX_DEPTH} levels` });
  else if (conditions > MAX_CONDITIONS)
    context.addIssue({ code: 'custom', message: `more than ${MAX_CONDITIONS} conditions` });
  return input;
}, treeSchema);

export const subjectSchema = z.enum(subjects);

export const codeListSchema = z.object({
  kind: z.enum(codeListKinds),
  items: z.array(z.string().min(1).max(500)).max(100_000),
});
