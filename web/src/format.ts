import { currentLanguage } from './i18n/index.js';

/** "2017-01-27T17:25:00" (local time at the airport, no offset) -> "2017-01-27 17:25", as sent. */
export function formatLocalDateTime(local: string | null | undefined): string {
  if (!local) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(local);
  if (!match) return local;
  return match[2] ? `${match[1]} ${match[2]}` : match[1];
}

/** An instant (ISO with offset or Z) in the browser's time zone, as "2017-01-27 17:25". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** "2017-01-27T16:25:00.000Z" -> "2017-01-27 16:25 UTC". */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.slice(0, 10);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

export function fullName(traveller: { surname: string; givenNames: string | null }): string {
  return traveller.givenNames ? `${traveller.surname}, ${traveller.givenNames}` : traveller.surname;
}

export function flightDesignator(flight: { carrier: string; flightNumber: string }): string {
  return `${flight.carrier} ${flight.flightNumber}`;
}

/**
 * Text for a value whose shape the server may refine (address, bags, references): strings and
 * numbers as they are, lists joined, objects as "key: value" pairs.
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return value.map(describeValue).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, entry]) => [key, describeValue(entry)])
      .filter(([, text]) => text !== '')
      .map(([key, text]) => `${key}: ${text}`)
      .join(', ');
  }
  return '';
}
