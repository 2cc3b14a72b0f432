import { useState } from 'react';
import { api, ApiError } from '../../api.js';
import { useUser } from '../../auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { TableFrame } from '../../components/Table.js';
import { formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { CodeListDetail, CodeListSummary } from '../../targeting-types.js';
import { CodeListForm, kindLabel } from './CodeListForm.js';
import { mayWriteRules } from './labels.js';
import { RulesNav } from './RulesNav.js';

export function CodeListsPage() {
  const user = useUser();
  const canWrite = mayWriteRules(user);
  const lists = useApi<{ items: CodeListSummary[] }>('/code-lists');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('codeLists.title')}</h1>
          <p className="page-lead">{t('codeLists.lead')}</p>
        </div>
        {canWrite && (
          <div className="header-actions">
            <button
              type="button"
              className="button button-primary"
              aria-expanded={creating}
              onClick={() => setCreating((c) => !c)}
              data-testid="new-code-list"
            >
              {t('codeLists.new')}
            </button>
          </div>
        )}
      </header>
      <RulesNav />
      {notice && (
        <div className="banner banner-success" role="status" data-testid="code-list-notice">
          <div className="banner-text">{notice}</div>
        </div>
      )}
      {creating && (
        <section className="panel">
          <h2 className="panel-title">{t('codeLists.form.createTitle')}</h2>
          <CodeListForm
            onDone={(saved) => {
              setCreating(false);
              if (saved) {
                setNotice(t('codeLists.created', { name: saved.name }));
                lists.reload();
              }
            }}
          />
        </section>
      )}
      <section className="panel">
        <ErrorBanner error={lists.error} onRetry={lists.reload} />
        {lists.loading && !lists.data && <Loading />}
        {lists.data && lists.data.items.length === 0 && (
          <EmptyState title={t('codeLists.empty.title')}>
            <p>{t('codeLists.empty.body')}</p>
          </EmptyState>
        )}
        {lists.data && lists.data.items.length > 0 && (
          <TableFrame label={t('codeLists.title')} busy={lists.loading}>
            <thead>
              <tr>
                <th scope="col">{t('codeLists.column.name')}</th>
                <th scope="col">{t('codeLists.column.kind')}</th>
                <th scope="col">{t('codeLists.column.description')}</th>
                <th scope="col" className="numeric">
                  {t('codeLists.column.items')}
                </th>
                <th scope="col">{t('codeLists.column.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.data.items.map((list) => (
                <CodeListRow
                  key={list.id}
                  list={list}
                  open={open === list.id}
                  canWrite={canWrite}
                  onToggle={() => setOpen((current) => (current === list.id ? null : list.id))}
                  onChanged={(message) => {
                    setNotice(message);
                    setOpen(null);
                    lists.reload();
                  }}
                />
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
    </div>
  );
}

function CodeListRow({
  list,
  open,
  canWrite,
  onToggle,
  onChanged,
}: {
  list: CodeListSummary;
  open: boolean;
  canWrite: boolean;
  onToggle: () => void;
  onChanged: (message: string) => void;
}) {
  return (
    <>
      <tr data-testid="code-list-row">
        <td>
          <button type="button" className="link-button strong-link" aria-expanded={open} onClick={onToggle}>
            {list.name}
          </button>
        </td>
        <td>{kindLabel(list.kind)}</td>
        <td>{list.description || <span className="muted">—</span>}</td>
        <td className="numeric">{list.itemCount}</td>
        <td>
          {formatInstant(list.updatedAt)} <span className="muted small">{list.createdBy}</span>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5}>
            <CodeListDetailView id={list.id} canWrite={canWrite} onChanged={onChanged} />
          </td>
        </tr>
      )}
    </>
  );
}

function CodeListDetailView({
  id,
  canWrite,
  onChanged,
}: {
  id: string;
  canWrite: boolean;
  onChanged: (message: string) => void;
}) {
  const detail = useApi<CodeListDetail>(`/code-lists/${id}`);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (detail.error) return <ErrorBanner error={detail.error} onRetry={detail.reload} />;
  const list = detail.data;
  if (!list) return <Loading />;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/code-lists/${id}`);
      onChanged(t('codeLists.deleted', { name: list.name }));
    } catch (cause) {
      setError(
        cause instanceof ApiError && cause.status === 409
          ? new Error(t('codeLists.inUse', { rules: list.usedBy.join(', ') || cause.message }))
          : cause,
      );
      setConfirm(false);
      detail.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="code-list-detail" data-testid="code-list-detail">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p className="small">
        <span className="muted">{t('codeLists.usedBy')}:</span>{' '}
        <span data-testid="code-list-used-by">
          {list.usedBy.length > 0 ? list.usedBy.join(', ') : t('codeLists.unused')}
        </span>
      </p>
      {editing ? (
        <CodeListForm
          list={list}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onChanged(t('codeLists.saved', { name: saved.name, count: saved.items.length }));
          }}
        />
      ) : (
        <>
          <ul className="code-list-items">
            {list.items.slice(0, 200).map((item) => (
              <li key={item.value}>
                <span className="mono">{item.value}</span>
                {item.note && <span className="muted small"> — {item.note}</span>}
              </li>
            ))}
          </ul>
          {list.items.length > 200 && (
            <p className="muted small">{t('codeLists.more', { count: list.items.length - 200 })}</p>
          )}
          {canWrite && (
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() => setEditing(true)}
                data-testid="edit-code-list"
              >
                {t('codeLists.edit')}
              </button>
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setConfirm(true)}
                data-testid="delete-code-list"
              >
                {t('codeLists.delete')}
              </button>
            </div>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirm}
        title={t('codeLists.confirmDelete.title', { name: list.name })}
        message={
          list.usedBy.length > 0
            ? t('codeLists.inUse', { rules: list.usedBy.join(', ') })
            : t('codeLists.confirmDelete.message')
        }
        confirmLabel={t('codeLists.delete')}
        tone="danger"
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setConfirm(false)}
      />
    </div>
  );
}
