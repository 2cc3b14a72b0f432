import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import {
  CREATABLE_SOURCES,
  WATCHLIST_KINDS,
  type Watchlist,
  type WatchlistKind,
  type WatchlistSharing,
} from '../../watchlist-types.js';
import { kindLabel, sourceLabel } from './labels.js';
import {
  LIST_SETTINGS_FIELDS,
  ListSettingsFields,
  MIN_NAME_LENGTH,
  type ListSettings,
} from './ListSettingsFields.js';

const FIELDS = [...LIST_SETTINGS_FIELDS, 'kind', 'source'] as const;

/** Creates a list of the user's unit and opens it. */
export function NewListForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [settings, setSettings] = useState<ListSettings>({
    name: '',
    description: '',
    sharing: 'jurisdiction' as WatchlistSharing,
    notifyOtherUnits: false,
  });
  const [kind, setKind] = useState<WatchlistKind>('person');
  const [source, setSource] = useState<(typeof CREATABLE_SOURCES)[number]>('national');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const problems = fieldErrorsOf(error, FIELDS);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (settings.name.trim().length < MIN_NAME_LENGTH) return;
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<Watchlist>('/watchlists', {
        name: settings.name.trim(),
        kind,
        source,
        description: settings.description.trim(),
        sharing: settings.sharing,
        notifyOtherUnits: settings.notifyOtherUnits,
      });
      navigate(`/watchlists/${created.id}`, { state: { created: created.name } });
    } catch (cause) {
      setError(cause);
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-list-heading" data-testid="new-list-form">
      <h2 id="new-list-heading" className="panel-title">
        {t('watchlists.form.createTitle')}
      </h2>
      <ErrorBanner error={error} fields={FIELDS} onDismiss={() => setError(null)} />
      <form className="form form-grid" onSubmit={onSubmit} noValidate aria-labelledby="new-list-heading">
        <ListSettingsFields
          idPrefix="new-list"
          value={settings}
          onChange={setSettings}
          showErrors={submitted}
          problems={problems}
        >
          <div className="field">
            <label htmlFor="new-list-kind">{t('watchlists.form.kind')}</label>
            <select
              id="new-list-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as WatchlistKind)}
            >
              {WATCHLIST_KINDS.map((option) => (
                <option key={option} value={option}>
                  {kindLabel(option)}
                </option>
              ))}
            </select>
            <FieldError id="new-list-kind-error" message={problems.kind} />
          </div>
          <div className="field">
            <label htmlFor="new-list-source">{t('watchlists.form.source')}</label>
            <select
              id="new-list-source"
              value={source}
              onChange={(event) => setSource(event.target.value as (typeof CREATABLE_SOURCES)[number])}
            >
              {CREATABLE_SOURCES.map((option) => (
                <option key={option} value={option}>
                  {sourceLabel(option)}
                </option>
              ))}
            </select>
            <FieldError id="new-list-source-error" message={problems.source} />
          </div>
        </ListSettingsFields>
        <div className="form-actions field-wide">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.saving') : t('watchlists.form.create')}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
