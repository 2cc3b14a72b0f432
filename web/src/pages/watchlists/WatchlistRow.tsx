import { Link } from 'react-router-dom';
import { JurisdictionName } from '../../components/Jurisdiction.js';
import { formatInstant, formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { Watchlist } from '../../watchlist-types.js';
import { ActiveBadge, kindLabel, sharingLabel, sourceLabel } from './labels.js';

export function WatchlistRow({ list }: { list: Watchlist }) {
  return (
    <tr
      data-testid="watchlist-row"
      data-list-id={list.id}
      className={list.active ? undefined : 'row-inactive'}
    >
      <td>
        <Link to={`/watchlists/${list.id}`} className="strong-link">
          {list.name}
        </Link>
        {list.description && <span className="block muted small clamp-1">{list.description}</span>}
      </td>
      <td>{kindLabel(list.kind)}</td>
      <td>
        <span className={`source-tag source-${list.source}`}>{sourceLabel(list.source)}</span>
      </td>
      <td>
        {list.owner.unitName ?? '—'}
        <span className="block muted small">
          <JurisdictionName code={list.owner.jurisdiction} />
        </span>
      </td>
      <td>{sharingLabel(list.sharing)}</td>
      <td className="numeric" data-testid="watchlist-active-entries">
        {formatNumber(list.activeEntries)}
      </td>
      <td className="nowrap">
        {list.lastImportAt ? (
          formatInstant(list.lastImportAt)
        ) : (
          <span className="muted">{t('watchlists.never')}</span>
        )}
      </td>
      <td>
        <ActiveBadge active={list.active} />
      </td>
    </tr>
  );
}
