import { currentLanguage, t } from '../../i18n/index.js';
import type { Severity, WatchlistKind, WatchlistSharing, WatchlistSource } from '../../watchlist-types.js';

export const kindLabel = (kind: WatchlistKind) => t(`watchlists.kind.${kind}`);
export const sourceLabel = (source: WatchlistSource) => t(`watchlists.source.${source}`);
export const sharingLabel = (sharing: WatchlistSharing) => t(`watchlists.sharing.${sharing}`);
export const severityLabel = (severity: Severity) => t(`watchlists.severity.${severity}`);

const SEVERITY_TONES: Record<Severity, string> = {
  low: 'neutral',
  medium: 'info',
  high: 'warning',
  critical: 'danger',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge-${SEVERITY_TONES[severity] ?? 'neutral'}`} data-severity={severity}>
      {severityLabel(severity)}
    </span>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="badge badge-success">{t('watchlists.active')}</span>
  ) : (
    <span className="badge badge-neutral" data-testid="inactive-badge">
      {t('watchlists.inactive')}
    </span>
  );
}

/** A list of short values (dates, codes, numbers) separated by commas; a dash when empty. */
export function ValueList({ values, mono }: { values: readonly string[]; mono?: boolean }) {
  if (values.length === 0) return <span className="muted">—</span>;
  return <span className={mono ? 'mono' : undefined}>{values.join(', ')}</span>;
}

/** "0.934" -> "93%" (or "93.4%" with one decimal). */
export function percent(value: number, decimals = 0): string {
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
