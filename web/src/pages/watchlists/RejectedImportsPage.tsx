import { useMemo } from 'react';
import { useUser } from '../../auth.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { ImportRecord, Watchlist } from '../../watchlist-types.js';
import { mayManageWatchlists } from './access.js';
import { ImportsTable } from './ImportsTable.js';
import { BackToWatchlists } from './WatchlistPage.js';

/** Every rejected import (the managers' view): which file, into which list, and its errors. */
export function RejectedImportsPage() {
  const user = useUser();
  const allowed = mayManageWatchlists(user);
  const imports = useApi<{ items: ImportRecord[] }>(allowed ? '/watchlist-imports' : null, {
    status: 'rejected',
  });
  const lists = useApi<{ items: Watchlist[] }>(allowed ? '/watchlists' : null, { includeInactive: 'true' });
  const listNames = useMemo(
    () => new Map((lists.data?.items ?? []).map((list) => [list.id, list.name])),
    [lists.data],
  );

  return (
    <div className="page">
      <BackToWatchlists />
      <header className="page-header">
        <h1>{t('watchlists.rejectedImports')}</h1>
        <p className="page-lead">{t('imports.rejectedLead')}</p>
      </header>
      <section className="panel">
        {!allowed && (
          <EmptyState title={t('forbidden.title')} icon="lock">
            <p>{t('errors.forbidden')}</p>
          </EmptyState>
        )}
        <ErrorBanner error={imports.error} onRetry={imports.reload} />
        {imports.loading && !imports.data && <Loading />}
        {imports.data && imports.data.items.length === 0 && (
          <EmptyState title={t('imports.rejectedNone')} icon="inbox" />
        )}
        {imports.data && imports.data.items.length > 0 && (
          <ImportsTable imports={imports.data.items} busy={imports.loading} listNames={listNames} />
        )}
      </section>
    </div>
  );
}
