import { useState, type FormEvent } from 'react';
import { api, itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import { USER_ROLES, type Unit, type User } from '../../types.js';

const EMPTY = { username: '', displayName: '', password: '', unitId: '' };

export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const units = useApi<{ items: Unit[] }>('/reference/units');
  const [fields, setFields] = useState(EMPTY);
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));
  const toggleRole = (role: string) =>
    setRoles((previous) =>
      previous.includes(role) ? previous.filter((r) => r !== role) : [...previous, role],
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setCreated(null);
    try {
      const user = await api.post<User | { user: User }>('/users', {
        ...fields,
        username: fields.username.trim(),
        roles,
      });
      const username = 'user' in user ? user.user.username : (user.username ?? fields.username);
      setCreated(username);
      setFields(EMPTY);
      setRoles(['officer']);
      onCreated();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="panel-title">
        {t('admin.createUser')}
      </h2>
      {created && (
        <div className="banner banner-success" role="status" data-testid="user-created">
          {t('admin.userCreated', { username: created })}
        </div>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <ErrorBanner error={units.error} onRetry={units.reload} />
      <form className="form form-grid" onSubmit={onSubmit} aria-labelledby="create-user-heading">
        <div className="field">
          <label htmlFor="new-user-username">{t('admin.user.username')}</label>
          <input
            id="new-user-username"
            required
            autoComplete="off"
            value={fields.username}
            onChange={set('username')}
          />
        </div>
        <div className="field">
          <label htmlFor="new-user-display-name">{t('admin.user.displayName')}</label>
          <input
            id="new-user-display-name"
            required
            value={fields.displayName}
            onChange={set('displayName')}
          />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">{t('admin.user.password')}</label>
          <input
            id="new-user-password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
            value={fields.password}
            onChange={set('password')}
          />
          <span id="new-user-password-hint" className="hint">
            {t('admin.user.passwordHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="new-user-unit">{t('admin.user.unit')}</label>
          <select id="new-user-unit" required value={fields.unitId} onChange={set('unitId')}>
            <option value="">{units.loading ? t('common.loading') : t('admin.user.chooseUnit')}</option>
            {itemsOf(units.data).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name} ({unit.code})
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field field-wide checkbox-group">
          <legend>{t('admin.user.roles')}</legend>
          {USER_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggleRole(role)} />
              {userRoleLabel(role)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions field-wide">
          <button type="submit" className="button button-primary" disabled={saving || roles.length === 0}>
            {saving ? t('common.saving') : t('admin.createUser')}
          </button>
        </div>
      </form>
    </section>
  );
}
