import { hasRole } from '../../auth.js';
import { isPnrWithheld } from '../../components/PnrWithheld.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type { RuleState, Subject } from '../../targeting-types.js';
import type { User } from '../../types.js';

/* Who may do what with rules: a mirror of the server's policy (src/access/model.ts). */
const RULE_WRITE_ROLES = ['admin', 'analyst', 'supervisor', 'pnr-analyst'];
export const mayWriteRules = (user: User | null) => RULE_WRITE_ROLES.some((role) => hasRole(user, role));

/** Changing one rule (edit, activate, retire): the server says whether the user may, and why not. */
export const mayEditRule = (user: User | null, rule: { change: { allowed: boolean } }) =>
  mayWriteRules(user) && rule.change.allowed;

/** Why the user may not change a rule, in the user's language; null when they may. */
export const changeRefusal = (rule: { change: { reason: string | null } }) =>
  rule.change.reason ? t(`rules.change.${rule.change.reason}` as CatalogueKey) : null;

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
  if (isPnrWithheld(value)) return t('pnr.withheld');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
