import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { fieldErrorsOf } from '../../components/FieldError.js';
import { JurisdictionName } from '../../components/Jurisdiction.js';
import { formatInstant, formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { Watchlist } from '../../watchlist-types.js';
import { ActiveBadge, kindLabel, sharingLabel, sourceLabel } from './labels.js';
import {
  LIST_SETTINGS_FIELDS,
  ListSettingsFields,
  MIN_NAME_LENGTH,
  type ListSettings,
  type ListSettingsProblems,
} from './ListSettingsFields.js';

/** Name, facts and description of a list, with editing and (de)activation for its managers. */
export function ListHeader({
  list,
  canManage,
  onChanged,
}: {
  list: Watchlist;
  canManage: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const patch = async (body: Partial<ListSettings> & { active?: boolean }) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.patch<Watchlist>(`/watchlists/${list.id}`, body);
      onChanged();
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <header className="page-header">
      <div className="page-header-row">
        <div>
          <h1 data-testid="watchlist-name">{list.name}</h1>
          <div className="badge-row">
            <span className="badge badge-info badge-spaced">{kindLabel(list.kind)}</span>
            <span className="badge badge-neutral badge-spaced">{sourceLabel(list.source)}</span>
            <ActiveBadge active={list.active} />
          </div>
        </div>
        {canManage && !editing && (
          <div className="header-actions">
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-list">
              {t('watchlist.edit')}
            </button>
            {list.active ? (
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setConfirming(true)}
                data-testid="deactivate-list"
              >
                {t('watchlist.deactivate')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void patch({ active: true })}
                data-testid="reactivate-list"
              >
                {t('watchlist.reactivate')}
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorBanner
        error={error}
        fields={editing ? LIST_SETTINGS_FIELDS : undefined}
        onDismiss={() => setError(null)}
      />
      {saved && (
        <div className="banner banner-success" role="status">
          <div className="banner-text">{t('watchlist.saved')}</div>
        </div>
      )}
      {editing ? (
        <EditListForm
          list={list}
          busy={busy}
          problems={fieldErrorsOf(error, LIST_SETTINGS_FIELDS)}
          onSave={async (settings) => {
            if (await patch(settings)) {
              setEditing(false);
              setSaved(true);
            }
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="header-facts">
            <div>
              <dt>{t('watchlists.column.owner')}</dt>
              <dd>
                {list.owner.unitName ?? '—'} (<JurisdictionName code={list.owner.jurisdiction} />)
              </dd>
            </div>
            <div>
              <dt>{t('watchlists.column.sharing')}</dt>
              <dd>
                {sharingLabel(list.sharing)}
                {list.sharing === 'unit' && list.notifyOtherUnits && (
                  <span className="muted small block">{t('watchlists.notifiesOtherUnits')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('watchlists.column.activeEntries')}</dt>
              <dd data-testid="list-active-entries">{formatNumber(list.activeEntries)}</dd>
            </div>
            <div>
              <dt>{t('watchlists.column.lastImport')}</dt>
              <dd>{list.lastImportAt ? formatInstant(list.lastImportAt) : t('watchlists.never')}</dd>
            </div>
            {list.sourceVersion && (
              <div>
                <dt>{t('watchlist.sourceVersion')}</dt>
                <dd>{formatInstant(list.sourceVersion)}</dd>
              </div>
            )}
          </dl>
          <p className={`list-description${list.description ? '' : ' muted'}`}>
            {list.description || t('watchlist.noDescription')}
          </p>
          <p className="muted small">
            {t('watchlist.createdBy', { at: formatInstant(list.createdAt), by: list.createdBy })}
          </p>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('watchlist.deactivateTitle')}
        message={t('watchlist.deactivateMessage', { count: list.activeEntries })}
        confirmLabel={t('watchlist.deactivate')}
        tone="danger"
        busy={busy}
        onConfirm={() => void patch({ active: false })}
        onCancel={() => setConfirming(false)}
      />
    </header>
  );
}

function EditListForm({
  list,
  busy,
  onSave,
  onCancel,
  problems,
}: {
  list: Watchlist;
  busy: boolean;
  problems: ListSettingsProblems;
  onSave: (settings: ListSettings) => void;
  onCancel: () => void;
}) {
  const [settings, setSettings] = useState<ListSettings>({
    name: list.name,
    description: list.description,
    sharing: list.sharing,
    notifyOtherUnits: list.notifyOtherUnits,
  });
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (settings.name.trim().length < MIN_NAME_LENGTH) return;
    onSave({ ...settings, name: settings.name.trim(), description: settings.description.trim() });
  };
  return (
    <form
      className="form form-grid panel edit-list-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('watchlist.editTitle')}
      data-testid="edit-list-form"
    >
      <ListSettingsFields
        idPrefix="edit-list"
        value={settings}
        onChange={setSettings}
        showErrors={submitted}
        problems={problems}
      />
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('watchlists.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
