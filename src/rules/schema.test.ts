import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ruleTreeSchema } from './schema.js';
import { MAX_CONDITIONS, MAX_DEPTH } from './validate.js';

const leaf = { field: 'traveller.age', operator: 'greaterThan', value: 30 };

describe('ruleTreeSchema', () => {
  it('accepts nested groups of conditions', () => {
    const tree = {
      all: [leaf, { any: [leaf, { not: { field: 'traveller.surname', operator: 'isEmpty' } }] }],
    };
    expect(ruleTreeSchema.parse(tree)).toEqual(tree);
  });

  it('refuses unknown keys, operators and empty groups', () => {
    expect(ruleTreeSchema.safeParse({ ...leaf, extra: 1 }).success).toBe(false);
    expect(ruleTreeSchema.safeParse({ ...leaf, operator: 'like' }).success).toBe(false);
    expect(ruleTreeSchema.safeParse({ all: [] }).success).toBe(false);
  });

  it('refuses deep nesting before recursing, however deep', () => {
    let tree: unknown = leaf;
    for (let i = 0; i < 100_000; i++) tree = { not: tree };
    const result = ruleTreeSchema.safeParse(tree);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(`groups nested deeper than ${MAX_DEPTH} levels`);
    let allowed: unknown = leaf;
    for (let i = 0; i < MAX_DEPTH; i++) allowed = { all: [allowed] };
    expect(ruleTreeSchema.safeParse(allowed).success).toBe(true);
  });

  it('refuses too many conditions', () => {
    const result = ruleTreeSchema.safeParse({ any: Array.from({ length: MAX_CONDITIONS + 1 }, () => leaf) });
    expect(result.error?.issues[0].message).toBe(`more than ${MAX_CONDITIONS} conditions`);
  });

  it('describes itself as JSON Schema for the OpenAPI document', () => {
    const schema = JSON.stringify(z.toJSONSchema(ruleTreeSchema, { io: 'input' }));
    expect(schema).toContain('"operator"');
    expect(schema).toContain('"between"');
  });
});
