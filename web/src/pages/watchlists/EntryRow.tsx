import { Link } from 'react-router-dom';
import { formatDate, formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { EntryListItem, WatchlistKind } from '../../watchlist-types.js';
import { SeverityBadge, ValueList } from './labels.js';

export function EntryRow({ entry, kind }: { entry: EntryListItem; kind: WatchlistKind }) {
  return (
    <tr
      data-testid="entry-row"
      data-entry-id={entry.id}
      data-external-id={entry.externalId}
      className={entry.active ? undefined : 'row-inactive'}
    >
      <td>
        <Link to={`/watchlists/entries/${entry.id}`} dir="auto" className="strong-link">
          {entry.primaryName || entry.documents[0] || entry.externalId}
        </Link>
        {entry.aliases > 0 && (
          <span className="muted small"> {t('entries.aliases', { count: entry.aliases })}</span>
        )}
        {!entry.active && (
          <span className="badge badge-neutral badge-spaced-left">{t('watchlists.inactive')}</span>
        )}
      </td>
      <td className="nowrap mono small">{entry.externalId}</td>
      {kind === 'person' && (
        <td className="nowrap">
          <ValueList values={entry.datesOfBirth} />
        </td>
      )}
      {kind !== 'organisation' && (
        <td>
          <ValueList values={entry.nationalities} />
        </td>
      )}
      <td className="small">
        <ValueList values={entry.documents} mono />
      </td>
      <td>{entry.category ?? <span className="muted">—</span>}</td>
      <td>
        <SeverityBadge severity={entry.severity} />
      </td>
      <td className="nowrap small">
        <Validity from={entry.validFrom} to={entry.validTo} />
      </td>
      <td className="nowrap small">{formatInstant(entry.updatedAt)}</td>
    </tr>
  );
}

function Validity({ from, to }: { from: string | null; to: string | null }) {
  if (from && to) return <>{t('entries.validRange', { from: formatDate(from), to: formatDate(to) })}</>;
  if (from) return <>{t('entries.validFrom', { from: formatDate(from) })}</>;
  if (to) return <>{t('entries.validUntil', { to: formatDate(to) })}</>;
  return <span className="muted">{t('entries.validAlways')}</span>;
}
