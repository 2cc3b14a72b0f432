import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { t } from '../../i18n/index.js';
import type { User } from '../../types.js';

interface ResetResult {
  user: User;
  temporaryPassword?: string;
}

/**
 * An administrator gives a user a temporary password: one the server makes (shown here once, to
 * be handed over) or one typed here. The user must replace it at the next sign-in.
 */
export function ResetPasswordDialog({
  user,
  onDone,
  onClose,
}: {
  user: User | null;
  onDone: (result: ResetResult) => void;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [typeOne, setTypeOne] = useState(false);
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (user && !dialog.open) {
      setTypeOne(false);
      setPassword('');
      setShown(null);
      setError(null);
      dialog.showModal();
    }
    if (!user && dialog.open) dialog.close();
  }, [user]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<ResetResult>(
        `/users/${encodeURIComponent(user.id)}/password-reset`,
        typeOne ? { password } : {},
      );
      setPassword('');
      if (result.temporaryPassword) setShown(result.temporaryPassword);
      onDone(result);
      if (!result.temporaryPassword) onClose();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-wide"
      aria-labelledby={`${id}-title`}
      data-testid="reset-password-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('users.reset.title', { user: user?.username ?? '' })}</h2>
      {shown ? (
        <div className="form">
          <p>{t('users.reset.shownOnce', { user: user?.username ?? '' })}</p>
          <code className="password-once" data-testid="temporary-password">
            {shown}
          </code>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => void navigator.clipboard?.writeText(shown).catch(() => undefined)}
            >
              {t('users.reset.copy')}
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('users.reset.handedOver')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t('users.reset.body')}</p>
          <ErrorBanner error={error} fields={['password']} />
          <fieldset className="field">
            <legend className="visually-hidden">{t('users.reset.how')}</legend>
            <label className="checkbox">
              <input type="radio" name={`${id}-how`} checked={!typeOne} onChange={() => setTypeOne(false)} />
              {t('users.reset.generate')}
            </label>
            <label className="checkbox">
              <input type="radio" name={`${id}-how`} checked={typeOne} onChange={() => setTypeOne(true)} />
              {t('users.reset.type')}
            </label>
          </fieldset>
          {typeOne && (
            <div className="field">
              <label htmlFor={`${id}-password`}>{t('users.reset.password')}</label>
              <input
                id={`${id}-password`}
                type="password"
                autoComplete="new-password"
                required
                minLength={12}
                aria-invalid={fieldErrorsOf(error, ['password']).password ? true : undefined}
                aria-describedby={`${id}-password-error`}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              <FieldError id={`${id}-password-error`} message={fieldErrorsOf(error, ['password']).password} />
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t('actions.cancel')}
            </button>
            <button type="submit" className="button button-danger" disabled={busy}>
              {busy ? t('common.working') : t('users.reset.confirm')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
