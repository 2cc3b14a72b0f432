import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import { SEVERITIES, type EntryDetail, type Severity, type WatchlistKind } from '../../watchlist-types.js';
import { DocumentRows } from './DocumentRows.js';
import {
  emptyEntry,
  ENTRY_FIELDS,
  entryToForm,
  formToInput,
  hasErrors,
  serverFieldErrors,
  validateEntry,
  type EntryField,
  type EntryFormErrors,
  type EntryFormState,
} from './entry-form.js';
import { severityLabel } from './labels.js';

/**
 * Adds an entry to a list (listId) or saves a new version of one (entry). Checks what it can
 * before sending and shows the server's objections next to the fields they concern.
 */
export function EntryForm({
  kind,
  listId,
  entry,
  onDone,
}: {
  kind: WatchlistKind;
  listId?: string;
  entry?: EntryDetail;
  onDone: (saved: EntryDetail | null) => void;
}) {
  const id = useId();
  const [form, setForm] = useState<EntryFormState>(() => (entry ? entryToForm(entry) : emptyEntry()));
  const [errors, setErrors] = useState<EntryFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const person = kind === 'person';

  const update = (changes: Partial<EntryFormState>) => {
    const next = { ...form, ...changes };
    setForm(next);
    if (submitted) setErrors(validateEntry(next, kind));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateEntry(form, kind);
    setErrors(found);
    if (hasErrors(found)) return;
    setSaving(true);
    setError(null);
    try {
      const body = formToInput(form);
      const saved = entry
        ? await api.put<EntryDetail>(`/watchlist-entries/${entry.id}`, body)
        : await api.post<EntryDetail>(`/watchlists/${listId}/entries`, body);
      onDone(saved);
    } catch (cause) {
      setError(cause);
      setErrors(serverFieldErrors(cause));
      setSaving(false);
    }
  };

  const field = (name: EntryField, label: string, control: ReactNode, hint?: string, wide?: boolean) => (
    <FormField id={`${id}-${name}`} label={label} error={errors[name]} hint={hint} wide={wide}>
      {control}
    </FormField>
  );
  const text = (name: Exclude<EntryField, 'documents' | 'sex' | 'severity'>, props: object = {}) => ({
    id: `${id}-${name}`,
    value: form[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${id}-${name}-note`,
    onChange: (event: { target: { value: string } }) => update({ [name]: event.target.value }),
    ...props,
  });
  const dateInput = (name: 'validFrom' | 'validTo') => (
    <DateInput
      id={`${id}-${name}`}
      value={form[name]}
      invalid={Boolean(errors[name])}
      describedBy={`${id}-${name}-note`}
      onChange={(value) => update({ [name]: value })}
    />
  );

  return (
    <form
      className="form form-grid entry-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={entry ? t('entryForm.editTitle') : t('entryForm.addTitle')}
      data-testid="entry-form"
    >
      <h3 className="subsection-title field-wide">
        {entry ? t('entryForm.editTitle') : t('entryForm.addTitle')}
      </h3>
      {hasErrors(errors) && (
        <div className="banner banner-error field-wide" role="alert">
          <div className="banner-text">{t('entryForm.fixErrors')}</div>
        </div>
      )}
      <div className="field-wide">
        <ErrorBanner error={error} fields={ENTRY_FIELDS} onDismiss={() => setError(null)} />
      </div>
      {field(
        'primaryName',
        t('entryForm.primaryName'),
        <input {...text('primaryName', { maxLength: 500, dir: 'auto' })} />,
      )}
      {!entry &&
        field(
          'externalId',
          t('entryForm.externalId'),
          <input {...text('externalId', { maxLength: 200 })} />,
          t('entryForm.externalIdHint'),
        )}
      {field(
        'aliases',
        t('entryForm.aliases'),
        <textarea rows={3} {...text('aliases', { dir: 'auto' })} />,
        t('entryForm.onePerLine'),
      )}
      {field(
        'originalScriptNames',
        t('entryForm.originalScriptNames'),
        <textarea rows={3} {...text('originalScriptNames', { dir: 'auto' })} />,
        t('entryForm.onePerLine'),
      )}
      {person &&
        field(
          'datesOfBirth',
          t('entryForm.datesOfBirth'),
          <textarea rows={2} {...text('datesOfBirth')} />,
          t('entryForm.datesOfBirthHint'),
        )}
      {person &&
        field(
          'placesOfBirth',
          t('entryForm.placesOfBirth'),
          <textarea rows={2} {...text('placesOfBirth')} />,
          t('entryForm.onePerLine'),
        )}
      {kind !== 'organisation' &&
        field(
          'nationalities',
          t('entryForm.nationalities'),
          <textarea rows={2} {...text('nationalities')} />,
          t('entryForm.nationalitiesHint'),
        )}
      {person &&
        field(
          'sex',
          t('entryForm.sex'),
          <select
            id={`${id}-sex`}
            value={form.sex}
            onChange={(event) => update({ sex: event.target.value as EntryFormState['sex'] })}
          >
            <option value="">{t('entryForm.sexUnknown')}</option>
            <option value="M">{t('entryForm.sex.M')}</option>
            <option value="F">{t('entryForm.sex.F')}</option>
          </select>,
        )}
      <DocumentRows
        idPrefix={`${id}-document`}
        rows={form.documents}
        rowErrors={errors.documentRows}
        error={errors.documents}
        onChange={(documents) => update({ documents })}
      />
      {field(
        'reason',
        t('entryForm.reason'),
        <textarea rows={2} {...text('reason', { maxLength: 4000 })} />,
        undefined,
        true,
      )}
      {field(
        'category',
        t('entryForm.category'),
        <input {...text('category', { maxLength: 100 })} />,
        t('entryForm.categoryHint'),
      )}
      {field(
        'severity',
        t('entryForm.severity'),
        <select
          id={`${id}-severity`}
          value={form.severity}
          onChange={(event) => update({ severity: event.target.value as Severity })}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severityLabel(severity)}
            </option>
          ))}
        </select>,
      )}
      {field('validFrom', t('entryForm.validFrom'), dateInput('validFrom'))}
      {field('validTo', t('entryForm.validTo'), dateInput('validTo'))}
      {field(
        'sourceReference',
        t('entryForm.sourceReference'),
        <input {...text('sourceReference', { maxLength: 500 })} />,
        t('entryForm.sourceReferenceHint'),
      )}
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="entry-submit">
          {saving ? t('common.saving') : entry ? t('entryForm.save') : t('entryForm.add')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={saving}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function FormField({
  id,
  label,
  error,
  hint,
  wide,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <FieldError id={`${id}-note`} message={error} />
      ) : (
        hint && (
          <span id={`${id}-note`} className="hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
