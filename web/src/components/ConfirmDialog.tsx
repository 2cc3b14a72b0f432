import { useEffect, useRef } from 'react';
import { t } from '../i18n/index.js';

/**
 * What the confirmed action does: `danger` destroys or withdraws something (delete, retire,
 * deactivate, disable) and its button is red; `primary` starts or restores something (activate,
 * enable, apply) and its button has the ordinary colour of a main action.
 */
export type ConfirmTone = 'danger' | 'primary';

/** A modal question with a confirm and a cancel button, on the native <dialog> element. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  tone,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  tone: ConfirmTone;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('actions.cancel')}
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
          data-tone={tone}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
