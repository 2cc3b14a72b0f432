import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { MIN_REASON_LENGTH } from '../../components/ReasonDialog.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { HitDetail } from '../../targeting-types.js';

interface Recipients {
  units: { id: string; name: string; agency: string }[];
  users: { id: string; name: string; unitId: string }[];
}

const FIELDS = ['toUnitId', 'toUserId', 'reason'] as const;

/**
 * Referring a hit: to whom (a unit, or one of its users) and why. The server sends the referral
 * to the recipient's queue and records it in the hit's history.
 */
export function ReferDialog({
  hit,
  open,
  onDone,
  onCancel,
}: {
  hit: HitDetail;
  open: boolean;
  onDone: (hit: HitDetail) => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const recipients = useApi<Recipients>(open ? `/hits/${hit.id}/referral-recipients` : null);
  const [kind, setKind] = useState<'unit' | 'user'>('unit');
  const [recipient, setRecipient] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setRecipient('');
      setReason('');
      setChecked(false);
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const field = kind === 'unit' ? 'toUnitId' : 'toUserId';
  const fromServer = fieldErrorsOf(error, FIELDS);
  const missingRecipient = checked && !recipient ? t('hit.refer.chooseRecipient') : undefined;
  const shortReason =
    checked && reason.trim().length < MIN_REASON_LENGTH
      ? t('reason.tooShort', { min: MIN_REASON_LENGTH, count: reason.trim().length })
      : undefined;
  const units = recipients.data?.units ?? [];
  const unitName = (unitId: string) => units.find((unit) => unit.id === unitId)?.name ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!recipient || reason.trim().length < MIN_REASON_LENGTH) return;
    setBusy(true);
    setError(null);
    try {
      onDone(
        await api.post<HitDetail>(`/hits/${hit.id}/refer`, { [field]: recipient, reason: reason.trim() }),
      );
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
      data-testid="refer-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t('hit.refer.title')}</h2>
        <p>{t('hit.refer.lead')}</p>
        <ErrorBanner error={error} />
        <ErrorBanner error={recipients.error} onRetry={recipients.reload} />
        <fieldset className="field">
          <legend>{t('hit.refer.to')}</legend>
          <label className="inline">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'unit'}
              onChange={() => {
                setKind('unit');
                setRecipient('');
              }}
            />{' '}
            {t('hit.refer.aUnit')}
          </label>{' '}
          <label className="inline">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'user'}
              onChange={() => {
                setKind('user');
                setRecipient('');
              }}
            />{' '}
            {t('hit.refer.aUser')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-recipient`}>
            {kind === 'unit' ? t('hit.refer.unit') : t('hit.refer.user')}
          </label>
          <select
            id={`${id}-recipient`}
            value={recipient}
            aria-invalid={missingRecipient || fromServer[field] ? true : undefined}
            aria-describedby={`${id}-recipient-error`}
            data-testid="refer-recipient"
            onChange={(event) => setRecipient(event.target.value)}
          >
            <option value="">{t('hit.refer.choose')}</option>
            {kind === 'unit'
              ? units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name} ({unit.agency})
                  </option>
                ))
              : (recipients.data?.users ?? []).map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name} · {unitName(user.unitId)}
                  </option>
                ))}
          </select>
          <FieldError id={`${id}-recipient-error`} message={missingRecipient ?? fromServer[field]} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('hit.refer.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={4}
            maxLength={2000}
            value={reason}
            aria-invalid={shortReason || fromServer.reason ? true : undefined}
            aria-describedby={`${id}-reason-error`}
            data-testid="refer-reason"
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id={`${id}-reason-error`} message={shortReason ?? fromServer.reason} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="refer-confirm">
            {busy ? t('common.working') : t('hit.refer.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
