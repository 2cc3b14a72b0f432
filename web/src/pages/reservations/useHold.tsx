import { useState, type ReactNode } from 'react';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import { t } from '../../i18n/index.js';

/**
 * Keeping a reservation beyond its retention period (with a written reason) and releasing it
 * (after a confirmation). Returns the two openers, the dialogs to render and the last error.
 */
export function useHold(
  reservationId: string,
  onChanged: () => void,
): {
  openHold: () => void;
  openRelease: () => void;
  dialogs: ReactNode;
  error: unknown;
  clearError: () => void;
  /** What the last action did, for a confirmation where the page cannot show the hold itself. */
  done: 'held' | 'released' | null;
} {
  const [dialog, setDialog] = useState<'hold' | 'release' | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<'held' | 'released' | null>(null);
  const path = `/reservations/${encodeURIComponent(reservationId)}/hold`;

  const hold = async (reason: string) => {
    setBusy(true);
    setDialogError(null);
    try {
      await api.put(path, { reason });
      setDialog(null);
      setDone('held');
      onChanged();
    } catch (cause) {
      setDialogError(cause);
    } finally {
      setBusy(false);
    }
  };

  const release = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(path);
      setDone('released');
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const dialogs = (
    <>
      <ReasonDialog
        open={dialog === 'hold'}
        title={t('reservation.hold.title')}
        message={t('reservation.hold.message')}
        confirmLabel={t('reservation.hold.confirm')}
        busy={busy}
        error={dialogError}
        testId="hold-dialog"
        onConfirm={(reason) => void hold(reason)}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        open={dialog === 'release'}
        title={t('reservation.release.title')}
        message={t('reservation.release.message')}
        confirmLabel={t('reservation.release.confirm')}
        tone="danger"
        busy={busy}
        onConfirm={() => void release()}
        onCancel={() => setDialog(null)}
      />
    </>
  );

  return {
    openHold: () => {
      setDialogError(null);
      setDone(null);
      setDialog('hold');
    },
    openRelease: () => {
      setDone(null);
      setDialog('release');
    },
    dialogs,
    error,
    clearError: () => setError(null),
    done,
  };
}
