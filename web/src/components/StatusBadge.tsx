import { t, type CatalogueKey } from '../i18n/index.js';

const TONES: Record<string, string> = {
  parsed: 'success',
  partial: 'warning',
  rejected: 'danger',
  duplicate: 'neutral',
  inbound: 'info',
  outbound: 'info',
  other: 'neutral',
};

/** A coloured label for a status word that has a catalogue entry `status.<word>`. */
export function StatusBadge({ status }: { status: string }) {
  const key = `status.${status}` as CatalogueKey;
  const label = t(key) === key ? status : t(key);
  return (
    <span className={`badge badge-${TONES[status] ?? 'neutral'}`} data-status={status}>
      {label}
    </span>
  );
}

export function CountBadge({
  count,
  tone,
  label,
}: {
  count: number;
  tone: 'danger' | 'warning';
  label: string;
}) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <span className={`badge badge-${tone}`} title={label} aria-label={`${count} ${label}`}>
      {count}
    </span>
  );
}
