import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import { CODE_LIST_KINDS, type CodeListDetail, type CodeListKind } from '../../targeting-types.js';
import { CODE_LIST_NAME, formatItems, parseItems } from './code-list-items.js';

export const kindLabel = (kind: CodeListKind) => t(`codeLists.kind.${kind}` as CatalogueKey);

/** A new code list, or the description and items of an existing one. */
export function CodeListForm({
  list,
  onDone,
}: {
  list?: CodeListDetail;
  onDone: (saved: CodeListDetail | null) => void;
}) {
  const [name, setName] = useState(list?.name ?? '');
  const [kind, setKind] = useState<CodeListKind>(list?.kind ?? 'airport');
  const [description, setDescription] = useState(list?.description ?? '');
  const [itemsText, setItemsText] = useState(list ? formatItems(list.items) : '');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameError =
    !list && submitted && (name.trim().length < 2 || !CODE_LIST_NAME.test(name.trim()))
      ? t('codeLists.form.nameInvalid')
      : null;
  const items = parseItems(itemsText);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!list && (name.trim().length < 2 || !CODE_LIST_NAME.test(name.trim()))) return;
    setSaving(true);
    setError(null);
    try {
      const saved = list
        ? await api.patch<CodeListDetail>(`/code-lists/${list.id}`, {
            description: description.trim(),
            items,
          })
        : await api.post<CodeListDetail>('/code-lists', {
            name: name.trim(),
            kind,
            description: description.trim(),
            items,
          });
      onDone(saved);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const prefix = list ? `code-list-${list.id}` : 'new-code-list';
  return (
    <form
      className="form form-grid"
      onSubmit={onSubmit}
      noValidate
      data-testid="code-list-form"
      aria-label={list ? list.name : t('codeLists.form.createTitle')}
    >
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {!list && (
        <>
          <div className="field">
            <label htmlFor={`${prefix}-name`}>{t('codeLists.form.name')}</label>
            <input
              id={`${prefix}-name`}
              value={name}
              aria-invalid={nameError ? true : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {nameError ? (
              <span className="field-error" role="alert">
                {nameError}
              </span>
            ) : (
              <span className="hint">{t('codeLists.form.nameHint')}</span>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-kind`}>{t('codeLists.form.kind')}</label>
            <select
              id={`${prefix}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as CodeListKind)}
            >
              {CODE_LIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field field-wide">
        <label htmlFor={`${prefix}-description`}>{t('codeLists.form.description')}</label>
        <input
          id={`${prefix}-description`}
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${prefix}-items`}>{t('codeLists.form.items')}</label>
        <textarea
          id={`${prefix}-items`}
          rows={8}
          className="mono"
          value={itemsText}
          onChange={(e) => setItemsText(e.target.value)}
        />
        <span className="hint">{t('codeLists.form.itemsHint', { count: items.length })}</span>
      </div>
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : list ? t('codeLists.form.save') : t('codeLists.form.create')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} disabled={saving}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
