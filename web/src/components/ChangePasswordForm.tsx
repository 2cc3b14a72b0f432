import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { t } from '../i18n/index.js';
import type { User } from '../types.js';
import { ErrorBanner } from './Feedback.js';
import { FieldError, fieldErrorsOf } from './FieldError.js';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The shortest password the server accepts (passwordSchema). */
const MIN_PASSWORD_LENGTH = 12;

/**
 * The signed-in user replaces their password: the current one, the new one twice. The server
 * checks the current one (a wrong one counts towards the lock of the account) and ends the
 * user's other sessions.
 */
export function ChangePasswordForm({
  onChanged,
  submitLabel,
}: {
  onChanged: (result: { user: User; otherSessionsEnded: number }) => void;
  submitLabel?: string;
}) {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeated) {
      setMismatch(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ user: User; otherSessionsEnded: number }>('/auth/password', {
        currentPassword: current,
        newPassword: next,
      });
      setCurrent('');
      setNext('');
      setRepeated('');
      onChanged(result);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.code === 'wrong_password') setCurrent('');
    } finally {
      setBusy(false);
    }
  };

  const wrongCurrent = error instanceof ApiError && error.code === 'wrong_password';
  const problems = fieldErrorsOf(error, FIELDS);
  const currentError = wrongCurrent ? t('password.wrongCurrent') : problems.currentPassword;

  return (
    <form className="form form-narrow" onSubmit={submit} aria-label={t('password.change')}>
      <ErrorBanner error={wrongCurrent ? null : error} fields={FIELDS} />
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('password.current')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          aria-invalid={currentError ? true : undefined}
          aria-describedby={`${id}-current-error`}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <FieldError id={`${id}-current-error`} message={currentError} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('password.new')}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-describedby={`${id}-new-hint ${id}-new-error`}
          aria-invalid={problems.newPassword ? true : undefined}
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <span id={`${id}-new-hint`} className="hint">
          {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        </span>
        <FieldError id={`${id}-new-error`} message={problems.newPassword} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('password.repeat')}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          aria-invalid={mismatch || undefined}
          aria-describedby={`${id}-repeat-error`}
          onChange={(event) => {
            setRepeated(event.target.value);
            setMismatch(false);
          }}
        />
        <FieldError id={`${id}-repeat-error`} message={mismatch ? t('password.mismatch') : null} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : (submitLabel ?? t('password.change'))}
        </button>
      </div>
    </form>
  );
}
