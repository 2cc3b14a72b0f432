import { can, type Actor } from '../access/model.js';
import { isPnrField, mayReadPnr, requirePnrClearance } from '../access/pnr-visibility.js';
import { forbidden } from '../errors.js';
import type { RuleTree, Subject } from '../rules/api.js';

/** A condition of a rule that reads a PNR field, with its path in the tree (`all[1].any[0]`, '' for the root). */
export interface PnrCondition {
  path: string;
  field: string;
}

/** Every condition of the tree that reads a PNR field, where it is. */
export function pnrConditions(tree: RuleTree, path = ''): PnrCondition[] {
  const child = (key: string, index?: number) =>
    `${path ? `${path}.` : ''}${key}${index === undefined ? '' : `[${index}]`}`;
  if ('all' in tree) return tree.all.flatMap((inner, i) => pnrConditions(inner, child('all', i)));
  if ('any' in tree) return tree.any.flatMap((inner, i) => pnrConditions(inner, child('any', i)));
  if ('not' in tree) return pnrConditions(tree.not, child('not'));
  return isPnrField(tree.field) ? [{ path, field: tree.field }] : [];
}

/** A rule about reservations, or one whose conditions read the reservation: its hits come of PNR data. */
export function usesPnr(subject: Subject, tree: RuleTree): boolean {
  return subject === 'reservation' || pnrConditions(tree).length > 0;
}

/** Refuses (403 pnr_restricted) a role without PNR clearance a rule that uses PNR data, naming where. */
export function requirePnrRuleClearance(actor: Actor, subject: Subject, tree: RuleTree): void {
  if (mayReadPnr(actor)) return;
  const found = pnrConditions(tree);
  if (found.length > 0)
    requirePnrClearance(
      actor,
      `The condition ${found.map((c) => `${c.path || 'rule'} (${c.field})`).join(', ')}`,
      { conditions: found },
    );
  if (subject === 'reservation') requirePnrClearance(actor, 'A rule on reservations');
}

/** What the access rules need to know of a rule. */
export interface RuleOwnership {
  subject: Subject;
  condition: RuleTree;
  createdBy: string;
  owner: { unitId: string; jurisdiction: string };
}

/** Why a change is refused: the role writes no rules, the rule is another unit's, or it uses PNR data. */
export type RuleChangeRefusal = { code: 'no-rule-writer' | 'not-owner' | 'pnr'; message: string };

/**
 * Why the actor may not change (edit, activate, retire) the rule, or null when they may. A rule is
 * changed by its owner, by users of the owner's unit who write rules, by supervisors of its
 * jurisdiction and by administrators; a rule that uses PNR data only by PNR-cleared roles.
 */
export function ruleChangeRefusal(actor: Actor, rule: RuleOwnership): RuleChangeRefusal | null {
  if (!can(actor, 'rules:write'))
    return { code: 'no-rule-writer', message: 'Your role does not write rules' };
  if (actor.roles.includes('admin')) return null;
  const mayChange =
    rule.createdBy === actor.name ||
    rule.owner.unitId === actor.unitId ||
    (actor.roles.includes('supervisor') && rule.owner.jurisdiction === actor.jurisdictionCode);
  if (!mayChange)
    return {
      code: 'not-owner',
      message:
        "Only the rule's owner, the users of its unit, supervisors of its jurisdiction and administrators change this rule",
    };
  if (!mayReadPnr(actor) && usesPnr(rule.subject, rule.condition))
    return { code: 'pnr', message: 'This rule uses PNR data: only PNR-cleared roles change it' };
  return null;
}

/** Refuses (403) a change the actor may not make to the rule (see ruleChangeRefusal). */
export function requireRuleChange(actor: Actor, rule: RuleOwnership): void {
  const refusal = ruleChangeRefusal(actor, rule);
  if (!refusal) return;
  // Naming the conditions that read PNR fields says what to take out, or whom to ask.
  if (refusal.code === 'pnr') requirePnrRuleClearance(actor, rule.subject, rule.condition);
  throw forbidden(refusal.message);
}
