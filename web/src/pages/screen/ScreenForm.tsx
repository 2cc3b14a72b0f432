import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../i18n/index.js';

export interface ScreenQuery {
  kind: string;
  name: string;
  dob: string;
  nationality: string;
  sex: string;
  document: string;
}

export const SCREEN_DEFAULTS: ScreenQuery = {
  kind: 'person',
  name: '',
  dob: '',
  nationality: '',
  sex: '',
  document: '',
};

const DATE_OF_BIRTH = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The request a question in the address bar makes, or null when there is no name. */
export function screenRequest(query: ScreenQuery): { path: string; body: Record<string, unknown> } | null {
  const name = query.name.trim();
  if (!name) return null;
  if (query.kind === 'organisation') return { path: '/screen/organisation', body: { name } };
  const dob = query.dob.trim();
  return {
    path: '/screen/person',
    body: {
      name,
      ...(dob && DATE_OF_BIRTH.test(dob) ? { dateOfBirth: dob } : {}),
      ...(query.nationality.trim() ? { nationality: query.nationality.trim() } : {}),
      ...(query.sex === 'M' || query.sex === 'F' ? { sex: query.sex } : {}),
      ...(query.document.trim() ? { documents: [{ number: query.document.trim() }] } : {}),
    },
  };
}

/** What to screen: a person (name, date of birth, nationality, sex, document) or an organisation. */
export function ScreenForm({
  query,
  running,
  onScreen,
  onClear,
}: {
  query: ScreenQuery;
  running: boolean;
  onScreen: (query: ScreenQuery) => void;
  onClear: () => void;
}) {
  const [form, setForm] = useState<ScreenQuery>(query);
  const [submitted, setSubmitted] = useState(false);
  const queryKey = JSON.stringify(query);
  useEffect(() => setForm(JSON.parse(queryKey) as ScreenQuery), [queryKey]);

  const person = form.kind !== 'organisation';
  const nameMissing = submitted && form.name.trim() === '';
  const dobInvalid = person && form.dob.trim() !== '' && !DATE_OF_BIRTH.test(form.dob.trim());
  const set = (name: keyof ScreenQuery) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (form.name.trim() === '' || dobInvalid) return;
    onScreen(
      person
        ? { ...form, name: form.name.trim(), dob: form.dob.trim(), document: form.document.trim() }
        : { ...SCREEN_DEFAULTS, kind: 'organisation', name: form.name.trim() },
    );
  };

  return (
    <section className="panel" aria-labelledby="screen-form-heading">
      <h2 id="screen-form-heading" className="visually-hidden">
        {t('screen.form')}
      </h2>
      <div className="segmented" role="group" aria-label={t('screen.kind')}>
        {(['person', 'organisation'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="segmented-button"
            aria-pressed={(form.kind || 'person') === kind}
            onClick={() => setForm((previous) => ({ ...previous, kind }))}
            data-testid={`screen-kind-${kind}`}
          >
            {t(`screen.kind.${kind}`)}
          </button>
        ))}
      </div>
      <form
        className="form form-grid screen-form"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('screen.form')}
      >
        <div className="field field-wide">
          <label htmlFor="screen-name">{t('screen.name')}</label>
          <input
            id="screen-name"
            type="search"
            dir="auto"
            value={form.name}
            maxLength={500}
            placeholder={t('screen.namePlaceholder')}
            aria-invalid={nameMissing || undefined}
            aria-describedby={nameMissing ? 'screen-name-error' : undefined}
            onChange={set('name')}
          />
          {nameMissing && (
            <span id="screen-name-error" className="field-error" role="alert">
              {t('screen.nameRequired')}
            </span>
          )}
        </div>
        {person && (
          <>
            <div className="field">
              <label htmlFor="screen-dob">{t('screen.dob')}</label>
              <input
                id="screen-dob"
                value={form.dob}
                maxLength={10}
                placeholder="1979-04-12"
                inputMode="numeric"
                aria-invalid={dobInvalid || undefined}
                aria-describedby="screen-dob-note"
                onChange={set('dob')}
              />
              <span
                id="screen-dob-note"
                className={dobInvalid ? 'field-error' : 'hint'}
                role={dobInvalid ? 'alert' : undefined}
              >
                {dobInvalid ? t('screen.dobInvalid') : t('screen.dobHint')}
              </span>
            </div>
            <div className="field">
              <label htmlFor="screen-nationality">{t('screen.nationality')}</label>
              <input
                id="screen-nationality"
                value={form.nationality}
                maxLength={100}
                aria-describedby="screen-nationality-hint"
                onChange={set('nationality')}
              />
              <span id="screen-nationality-hint" className="hint">
                {t('screen.nationalityHint')}
              </span>
            </div>
            <div className="field">
              <label htmlFor="screen-sex">{t('screen.sex')}</label>
              <select id="screen-sex" value={form.sex} onChange={set('sex')}>
                <option value="">{t('screen.sexAny')}</option>
                <option value="M">{t('entryForm.sex.M')}</option>
                <option value="F">{t('entryForm.sex.F')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="screen-document">{t('screen.document')}</label>
              <input id="screen-document" value={form.document} maxLength={100} onChange={set('document')} />
            </div>
          </>
        )}
        <div className="form-actions field-wide">
          <button
            type="submit"
            className="button button-primary"
            disabled={running}
            data-testid="screen-submit"
          >
            {running ? t('screen.screening') : t('screen.submit')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setSubmitted(false);
              onClear();
            }}
          >
            {t('screen.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}
