import { useEffect } from 'react';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { ImportRecord } from '../../watchlist-types.js';
import { ImportsTable } from './ImportsTable.js';

/** The files imported into a list, newest first, rejected ones with their errors. */
export function ImportHistory({ listId, refresh }: { listId: string; refresh: number }) {
  const imports = useApi<{ items: ImportRecord[] }>(`/watchlists/${listId}/imports`);
  const { reload } = imports;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  return (
    <section className="panel" aria-labelledby="import-history-heading" data-testid="import-history">
      <h2 id="import-history-heading" className="panel-title">
        {t('imports.title')}
      </h2>
      <ErrorBanner error={imports.error} onRetry={imports.reload} />
      {imports.loading && !imports.data && <Loading />}
      {imports.data && imports.data.items.length === 0 && <p className="muted">{t('imports.none')}</p>}
      {imports.data && imports.data.items.length > 0 && (
        <ImportsTable imports={imports.data.items} busy={imports.loading} />
      )}
    </section>
  );
}
