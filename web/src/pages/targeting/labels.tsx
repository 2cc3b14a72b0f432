import { hasRole } from '../../auth.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type { HitOutcome, HitStatus, RestrictedList } from '../../targeting-types.js';
import type { User } from '../../types.js';

export const statusLabel = (status: HitStatus) => t(`hits.status.${status}` as CatalogueKey);
export const outcomeLabel = (outcome: HitOutcome) => t(`hits.outcome.${outcome}` as CatalogueKey);

const STATUS_TONES: Record<HitStatus, string> = {
  new: 'danger',
  'in-review': 'warning',
  referred: 'info',
  closed: 'neutral',
};

export function HitStatusBadge({ status, outcome }: { status: HitStatus; outcome?: HitOutcome | null }) {
  return (
    <span
      className={`badge badge-${STATUS_TONES[status] ?? 'neutral'}`}
      data-status={status}
      data-testid="hit-status"
    >
      {statusLabel(status)}
      {outcome ? ` · ${outcomeLabel(outcome)}` : ''}
    </span>
  );
}

export function NoLongerMatching() {
  return (
    <span
      className="badge badge-neutral"
      title={t('hits.noLongerMatchingHint')}
      data-testid="no-longer-matching"
    >
      {t('hits.noLongerMatching')}
    </span>
  );
}

/** Reopening a closed hit: supervisors and administrators (src/targeting/hit-service.ts). */
export const mayReopen = (user: User | null) => hasRole(user, 'supervisor') || hasRole(user, 'admin');
const REVIEW_ROLES = ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'];
export const mayReview = (user: User | null) => REVIEW_ROLES.some((role) => hasRole(user, role));

/** A hit of a unit-only list the user's unit may not see: whom to contact, not the entry or the list. */
export function RestrictedListNotice({ list }: { list: RestrictedList }) {
  return (
    <span className="muted" data-testid="restricted-list">
      {list.contactUnit
        ? t('hits.restrictedList', { unit: list.contactUnit })
        : t('hits.restrictedListNoUnit')}
    </span>
  );
}
