import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n/index.js';
import { ErrorBanner } from './Feedback.js';

/** The shortest reason the server accepts for an audited action (unmasking, keeping data longer). */
export const MIN_REASON_LENGTH = 10;

/**
 * A modal that asks for a written reason before an audited action. The reason is checked here
 * (at least MIN_REASON_LENGTH characters) and again by the server, whose error shows in the dialog.
 */
export function ReasonDialog({
  open,
  title,
  message,
  confirmLabel,
  busy,
  error,
  danger,
  testId,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  /** The action weighs on privacy: the confirm button is red. */
  danger?: boolean;
  testId?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setTooShort(false);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON_LENGTH) {
      setTooShort(true);
      return;
    }
    onConfirm(trimmed);
  };

  const length = reason.trim().length;
  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-wide"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-message`}>{message}</p>
        <ErrorBanner error={error} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('reason.label')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={4}
            maxLength={2000}
            required
            aria-invalid={tooShort || undefined}
            aria-describedby={`${id}-hint`}
            data-testid="reason-input"
            onChange={(event) => {
              setReason(event.target.value);
              if (tooShort && event.target.value.trim().length >= MIN_REASON_LENGTH) setTooShort(false);
            }}
          />
          <span
            id={`${id}-hint`}
            className={tooShort ? 'field-error' : 'hint'}
            role={tooShort ? 'alert' : undefined}
            data-testid="reason-hint"
          >
            {tooShort
              ? t('reason.tooShort', { min: MIN_REASON_LENGTH, count: length })
              : t('reason.hint', { min: MIN_REASON_LENGTH, count: length })}
          </span>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('actions.cancel')}
          </button>
          <button
            type="submit"
            className={`button ${danger ? 'button-danger' : 'button-primary'}`}
            disabled={busy}
          >
            {busy ? t('common.working') : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
