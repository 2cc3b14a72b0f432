import { hasRole } from '../../auth.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type { RuleState, Subject } from '../../targeting-types.js';
import type { User } from '../../types.js';

/* Who may do what with rules: a mirror of the server's policy (src/access/model.ts). */
const RULE_WRITE_ROLES = ['admin', 'analyst', 'supervisor', 'pnr-analyst'];
export const mayWriteRules = (user: User | null) => RULE_WRITE_ROLES.some((role) => hasRole(user, role));

/** Changing one rule: administrators any; the others the rules of their own jurisdiction. */
export const mayEditRule = (user: User | null, rule: { owner: { jurisdiction: string } }) =>
  mayWriteRules(user) && (hasRole(user, 'admin') || rule.owner.jurisdiction === user?.unit.jurisdiction.code);

export const subjectLabel = (subject: Subject) => t(`rules.subject.${subject}` as CatalogueKey);
export const stateLabel = (state: RuleState) => t(`rules.state.${state}` as CatalogueKey);

const STATE_TONES: Record<RuleState, string> = { draft: 'neutral', active: 'success', retired: 'warning' };

export function RuleStateBadge({ state }: { state: RuleState }) {
  return (
    <span className={`badge badge-${STATE_TONES[state]}`} data-state={state} data-testid="rule-state">
      {stateLabel(state)}
    </span>
  );
}

/** A field value as the record gives it: lists joined, nothing as a dash. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(showValue).join(', ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
