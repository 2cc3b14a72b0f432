import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useUser } from '../../auth.js';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { Watchlist } from '../../watchlist-types.js';
import { mayImportInto, mayManageList } from './access.js';
import { EntriesPanel } from './EntriesPanel.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportPanel } from './ImportPanel.js';
import { ListHeader } from './ListHeader.js';

export function WatchlistPage() {
  const { id = '' } = useParams();
  const list = useApi<Watchlist>(`/watchlists/${encodeURIComponent(id)}`);

  if (list.error) {
    return (
      <div className="page">
        <BackToWatchlists />
        <ErrorBanner error={list.error} onRetry={list.reload} />
      </div>
    );
  }
  if (!list.data || list.data.id !== id) return <Loading />;
  return <WatchlistContent key={id} list={list.data} reload={list.reload} />;
}

export function BackToWatchlists() {
  return (
    <Link to="/watchlists" className="back-link">
      ← {t('watchlists.back')}
    </Link>
  );
}

function WatchlistContent({ list, reload }: { list: Watchlist; reload: () => void }) {
  const user = useUser();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  // Bumped after an import or a new entry, so that the entries and the import history reload.
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => {
    reload();
    setRefresh((n) => n + 1);
  }, [reload]);
  const canManage = mayManageList(user, list);
  const canImport = mayImportInto(user, list);

  return (
    <div className="page" data-testid="watchlist-page" data-list-id={list.id}>
      <BackToWatchlists />
      {created && (
        <div className="banner banner-success" role="status" data-testid="list-created">
          <div className="banner-text">{t('watchlists.form.created', { name: created })}</div>
        </div>
      )}
      <ListHeader list={list} canManage={canManage} onChanged={reload} />
      {!list.active && (
        <div className="banner banner-warning" role="note" data-testid="list-inactive">
          <div className="banner-text">{t('watchlist.inactiveBanner')}</div>
        </div>
      )}
      <EntriesPanel list={list} canManage={canManage} refresh={refresh} onChanged={changed} />
      {canImport && (
        <ImportPanel
          target={list.source === 'un-sc' ? { format: 'un' } : { format: 'csv', listId: list.id }}
          onApplied={changed}
        />
      )}
      <ImportHistory listId={list.id} refresh={refresh} />
    </div>
  );
}
