import { useState, type FormEvent } from 'react';
import { api, itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { FieldError, fieldErrorsOf } from '../../components/FieldError.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import { USER_ROLES, type Unit, type User } from '../../types.js';

const EMPTY = { username: '', displayName: '', password: '', unitId: '' };
const FIELDS = ['username', 'displayName', 'password', 'unitId', 'roles'] as const;

export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const units = useApi<{ items: Unit[] }>('/reference/units');
  const [fields, setFields] = useState(EMPTY);
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problems = fieldErrorsOf(error, FIELDS);
  const invalid = (name: (typeof FIELDS)[number]) => (problems[name] ? true : undefined);
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
      <ErrorBanner error={error} fields={FIELDS} onDismiss={() => setError(null)} />
      <ErrorBanner error={units.error} onRetry={units.reload} />
      <form className="form form-grid" onSubmit={onSubmit} aria-labelledby="create-user-heading">
        <div className="field">
          <label htmlFor="new-user-username">{t('admin.user.username')}</label>
          <input
            id="new-user-username"
            required
            autoComplete="off"
            aria-invalid={invalid('username')}
            aria-describedby="new-user-username-error"
            value={fields.username}
            onChange={set('username')}
          />
          <FieldError id="new-user-username-error" message={problems.username} />
        </div>
        <div className="field">
          <label htmlFor="new-user-display-name">{t('admin.user.displayName')}</label>
          <input
            id="new-user-display-name"
            required
            aria-invalid={invalid('displayName')}
            aria-describedby="new-user-display-name-error"
            value={fields.displayName}
            onChange={set('displayName')}
          />
          <FieldError id="new-user-display-name-error" message={problems.displayName} />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">{t('admin.user.password')}</label>
          <input
            id="new-user-password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint new-user-password-error"
            aria-invalid={invalid('password')}
            value={fields.password}
            onChange={set('password')}
          />
          <span id="new-user-password-hint" className="hint">
            {t('admin.user.passwordHint')}
          </span>
          <FieldError id="new-user-password-error" message={problems.password} />
        </div>
        <div className="field">
          <label htmlFor="new-user-unit">{t('admin.user.unit')}</label>
          <select
            id="new-user-unit"
            required
            aria-invalid={invalid('unitId')}
            aria-describedby="new-user-unit-error"
            value={fields.unitId}
            onChange={set('unitId')}
          >
            <option value="">{units.loading ? t('common.loading') : t('admin.user.chooseUnit')}</option>
            {itemsOf(units.data).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name} ({unit.code})
              </option>
            ))}
          </select>
          <FieldError id="new-user-unit-error" message={problems.unitId} />
        </div>
        <fieldset
          className="field field-wide checkbox-group"
          aria-invalid={invalid('roles')}
          aria-describedby="new-user-roles-error"
        >
          <legend>{t('admin.user.roles')}</legend>
          {USER_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggleRole(role)} />
              {userRoleLabel(role)}
            </label>
          ))}
          <FieldError id="new-user-roles-error" message={problems.roles} />
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
