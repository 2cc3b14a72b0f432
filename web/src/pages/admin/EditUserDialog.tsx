import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import { USER_ROLES, type Unit, type User } from '../../types.js';

const FIELDS = ['displayName', 'unitId', 'roles'] as const;

/** An administrator changes a user's display name, unit and roles (PATCH /users/:id). */
export function EditUserDialog({
  user,
  onSaved,
  onCancel,
}: {
  user: User | null;
  onSaved: (user: User) => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const units = useApi<{ items: Unit[] }>(user ? '/reference/units' : null);
  const [displayName, setDisplayName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (user && !dialog.open) {
      setDisplayName(user.displayName);
      setUnitId(user.unit.id);
      setRoles(user.roles);
      setError(null);
      dialog.showModal();
    }
    if (!user && dialog.open) dialog.close();
  }, [user]);

  const problems = fieldErrorsOf(error, FIELDS);
  const toggleRole = (role: string) =>
    setRoles((previous) =>
      previous.includes(role) ? previous.filter((r) => r !== role) : [...previous, role],
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, {
          displayName: displayName.trim(),
          unitId,
          roles,
        }),
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
      data-testid="edit-user-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form className="form" onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('users.edit.title', { user: user?.username ?? '' })}</h2>
        <ErrorBanner error={error} fields={FIELDS} />
        <ErrorBanner error={units.error} onRetry={units.reload} />
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.user.displayName')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            aria-invalid={problems.displayName ? true : undefined}
            aria-describedby={`${id}-name-error`}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <FieldError id={`${id}-name-error`} message={problems.displayName} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('admin.user.unit')}</label>
          <select
            id={`${id}-unit`}
            required
            aria-invalid={problems.unitId ? true : undefined}
            aria-describedby={`${id}-unit-error`}
            value={unitId}
            onChange={(event) => setUnitId(event.target.value)}
          >
            {/* The present unit stays choosable while the list loads. */}
            {!units.data && user && <option value={user.unit.id}>{user.unit.name}</option>}
            {itemsOf(units.data).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name} ({unit.code})
              </option>
            ))}
          </select>
          <FieldError id={`${id}-unit-error`} message={problems.unitId} />
        </div>
        <fieldset className="field checkbox-group">
          <legend>{t('admin.user.roles')}</legend>
          {USER_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggleRole(role)} />
              {userRoleLabel(role)}
            </label>
          ))}
          <FieldError id={`${id}-roles-error`} message={problems.roles} />
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || roles.length === 0}>
            {busy ? t('common.saving') : t('users.edit.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
