import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api.js';
import { useUser } from '../../auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import { formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { EntryDetail, Watchlist } from '../../watchlist-types.js';
import { mayManageList } from './access.js';
import { EntryDetails } from './EntryDetails.js';
import { EntryForm } from './EntryForm.js';
import { EntryHistory } from './EntryHistory.js';
import { ActiveBadge, kindLabel, SeverityBadge } from './labels.js';
import { BackToWatchlists } from './WatchlistPage.js';

export function EntryPage() {
  const { id = '' } = useParams();
  const entry = useApi<EntryDetail>(`/watchlist-entries/${encodeURIComponent(id)}`);
  if (entry.error) {
    return (
      <div className="page">
        <BackToWatchlists />
        <ErrorBanner error={entry.error} onRetry={entry.reload} />
      </div>
    );
  }
  if (!entry.data || entry.data.id !== id) return <Loading />;
  return <EntryContentPage key={id} entry={entry.data} reload={entry.reload} />;
}

type Dialog = 'deactivate' | 'reactivate' | null;

function EntryContentPage({ entry, reload }: { entry: EntryDetail; reload: () => void }) {
  const user = useUser();
  // The list's owner decides who may change the entry; the entry only names its list.
  const list = useApi<Watchlist>(`/watchlists/${entry.list.id}`);
  const canManage = list.data ? mayManageList(user, list.data) : false;
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const setActive = async (active: boolean, reason?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<EntryDetail>(
        `/watchlist-entries/${entry.id}/${active ? 'reactivate' : 'deactivate'}`,
        active ? undefined : { reason },
      );
      setDialog(null);
      setSaved(null);
      reload();
    } catch (cause) {
      setError(cause);
      if (active) setDialog(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="entry-page" data-entry-id={entry.id}>
      <Link to={`/watchlists/${entry.list.id}`} className="back-link">
        ← {t('entry.back', { list: entry.list.name })}
      </Link>
      <header className="page-header page-header-row">
        <div>
          <h1 dir="auto" data-testid="entry-name">
            {entry.primaryName}
          </h1>
          <div className="badge-row">
            <SeverityBadge severity={entry.severity} /> <ActiveBadge active={entry.active} />{' '}
            <span className="badge badge-info">{kindLabel(entry.kind)}</span>{' '}
            <span className="muted small">
              {t('entry.version')} {entry.version} · {t('entry.updated')} {formatInstant(entry.updatedAt)}
            </span>
          </div>
        </div>
        {canManage && !editing && (
          <div className="header-actions">
            <button
              type="button"
              className="button"
              onClick={() => setEditing(true)}
              data-testid="edit-entry"
            >
              {t('entry.edit')}
            </button>
            {entry.active ? (
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setDialog('deactivate')}
                data-testid="deactivate-entry"
              >
                {t('entry.deactivate')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => setDialog('reactivate')}
                data-testid="reactivate-entry"
              >
                {t('entry.reactivate')}
              </button>
            )}
          </div>
        )}
      </header>
      {dialog === null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {saved !== null && (
        <div className="banner banner-success" role="status" data-testid="entry-saved">
          <div className="banner-text">{t('entry.saved', { version: saved })}</div>
        </div>
      )}
      {!entry.active && (
        <div className="banner banner-warning" role="note" data-testid="entry-inactive">
          <div className="banner-text">
            {t('entry.inactiveBanner', { at: formatInstant(entry.deactivatedAt ?? entry.updatedAt) })}
          </div>
        </div>
      )}
      {editing ? (
        <section className="panel">
          <EntryForm
            kind={entry.kind}
            entry={entry}
            onDone={(result) => {
              setEditing(false);
              if (result) {
                setSaved(result.version);
                reload();
              }
            }}
          />
        </section>
      ) : (
        <EntryDetails entry={entry} />
      )}
      <EntryHistory history={entry.history} current={entry.version} />

      <ReasonDialog
        open={dialog === 'deactivate'}
        title={t('entry.deactivateTitle')}
        message={t('entry.deactivateMessage')}
        confirmLabel={t('entry.deactivateConfirm')}
        busy={busy}
        error={dialog === 'deactivate' ? error : null}
        danger
        testId="deactivate-dialog"
        onConfirm={(reason) => void setActive(false, reason)}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'reactivate'}
        title={t('entry.reactivateTitle')}
        message={t('entry.reactivateMessage')}
        confirmLabel={t('entry.reactivate')}
        tone="primary"
        busy={busy}
        onConfirm={() => void setActive(true)}
        onCancel={() => setDialog(null)}
      />
    </div>
  );
}
