import { z } from 'zod';
import { codeListKinds, ruleTreeSchema, subjects } from '../rules/api.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
export const severities = ['low', 'medium', 'high', 'critical'] as const;

export const ruleInputSchema = z
  .object({
    subject: z.enum(subjects).default('traveller'),
    name: z.string().trim().min(3, 'give the rule a name of at least 3 characters').max(200),
    description: z.string().trim().max(4000).default(''),
    severity: z.enum(severities).default('medium'),
    category: z.string().trim().min(1, 'give a hit category, e.g. drugs').max(100),
    condition: ruleTreeSchema,
    validFrom: isoDate.nullable().default(null),
    validTo: isoDate.nullable().default(null),
  })
  .refine((rule) => !rule.validFrom || !rule.validTo || rule.validFrom <= rule.validTo, {
    message: 'valid to is before valid from',
    path: ['validTo'],
  });
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const rulePatchSchema = z.object({
  name: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  severity: z.enum(severities).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  condition: ruleTreeSchema.optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  state: z.enum(['draft', 'active', 'retired']).optional(),
});
export type RulePatch = z.infer<typeof rulePatchSchema>;

export const ruleListQuerySchema = z.object({
  state: z.enum(['draft', 'active', 'retired']).optional(),
  subject: z.enum(subjects).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.stringbool().default(false),
});

export const ruleTestSchema = z.object({
  travellerId: z.uuid().optional(),
  reservationId: z.uuid().optional(),
  /** The reservation by its record locator, as officers know it (optionally with the carrier). */
  recordLocator: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{5,8}$/, 'must be a record locator of 5 to 8 letters and digits, e.g. 06A9FD')
    .transform((locator) => locator.toUpperCase())
    .optional(),
  carrier: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{2,3}$/, 'must be a two- or three-character airline designator')
    .transform((carrier) => carrier.toUpperCase())
    .optional(),
  version: z.number().int().min(1).optional(),
  condition: ruleTreeSchema.optional(),
});

export const backtestSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    version: z.number().int().min(1).optional(),
    compareWith: z.number().int().min(1).optional(),
  })
  .refine((b) => b.from <= b.to, { message: 'the end is before the start', path: ['to'] })
  .refine((b) => (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 <= 366, {
    message: 'a back-test covers at most a year',
    path: ['to'],
  });
export type BacktestInput = z.infer<typeof backtestSchema>;

export const codeListInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/i, 'use letters, digits and dashes, e.g. source-countries'),
  kind: z.enum(codeListKinds),
  description: z.string().trim().max(2000).default(''),
  items: z
    .array(
      z.object({
        value: z.string().trim().min(1).max(200),
        note: z.string().trim().max(500).nullable().default(null),
      }),
    )
    .max(100_000)
    .default([]),
});
export type CodeListInput = z.infer<typeof codeListInputSchema>;

export const codeListPatchSchema = z.object({
  description: z.string().trim().max(2000).optional(),
  items: codeListInputSchema.shape.items.optional(),
});

export const hitStatuses = ['new', 'in-review', 'referred', 'closed'] as const;
export const hitOutcomes = ['positive', 'negative', 'not-encountered', 'false-match'] as const;

export const hitListQuerySchema = z.object({
  status: z.enum([...hitStatuses, 'open']).optional(),
  source: z.enum(['rule', 'watchlist']).optional(),
  category: z.string().trim().max(100).optional(),
  severity: z.enum(severities).optional(),
  flight: z.uuid().optional(),
  airport: z.string().trim().max(4).optional(),
  rule: z.uuid().optional(),
  mine: z.stringbool().default(false),
  assignedToMe: z.stringbool().default(false),
  /** Hits referred to the reader or the reader's unit and not closed. */
  referredToMe: z.stringbool().default(false),
  /** `subject`: one row per subject (traveller, reservation, booked traveller) with its hits. */
  group: z.enum(['hit', 'subject']).default('hit'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type HitListQuery = z.infer<typeof hitListQuerySchema>;

export const hitPatchSchema = z
  .object({
    status: z.enum(hitStatuses).optional(),
    outcome: z.enum(hitOutcomes).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    assignedTo: z.uuid().nullable().optional(),
  })
  .refine((p) => p.status !== 'closed' || p.outcome, {
    message: 'closing a hit needs an outcome',
    path: ['outcome'],
  })
  .refine((p) => !p.outcome || p.status === 'closed' || p.status === undefined, {
    message: 'an outcome is given when closing',
    path: ['outcome'],
  });
export type HitPatch = z.infer<typeof hitPatchSchema>;

/** `POST /hits/:id/refer`: to a unit or to a user, and why. */
export const hitReferralSchema = z
  .object({
    toUnitId: z.uuid('choose a unit').optional(),
    toUserId: z.uuid('choose a user').optional(),
    reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
  })
  .refine((r) => r.toUnitId !== undefined || r.toUserId !== undefined, {
    message: 'name the recipient: a unit or a user',
    path: ['toUnitId'],
  })
  .refine((r) => r.toUnitId === undefined || r.toUserId === undefined, {
    message: 'refer to a unit or to a user, not both',
    path: ['toUserId'],
  });
export type HitReferral = z.infer<typeof hitReferralSchema>;

export const effectivenessQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
