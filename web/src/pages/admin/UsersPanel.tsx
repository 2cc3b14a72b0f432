import { useState } from 'react';
import { api, itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { JurisdictionName } from '../../components/Jurisdiction.js';
import { formatInstant } from '../../format.js';
import { TableFrame } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { User } from '../../types.js';
import { CreateUserForm } from './CreateUserForm.js';
import { EditUserDialog } from './EditUserDialog.js';
import { ResetPasswordDialog } from './ResetPasswordDialog.js';

export function UsersPanel() {
  const users = useApi<{ items: User[] } | User[]>('/users');
  const list = itemsOf(users.data);
  // Removing a user's second factor (a lost phone), after a confirmation.
  const [removing, setRemoving] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  // Disabling or enabling an account, after a confirmation.
  const [toggling, setToggling] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const unlock = async (user: User) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/users/${encodeURIComponent(user.id)}/unlock`);
      setDone(t('users.unlocked', { user: user.username }));
      users.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const setActive = async () => {
    if (!toggling) return;
    const active = toggling.active === false;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api.patch(`/users/${encodeURIComponent(toggling.id)}`, { active });
      setDone(t(active ? 'users.enabled' : 'users.disabled', { user: toggling.username }));
      users.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setToggling(null);
    }
  };
  const removeSecondFactor = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/users/${encodeURIComponent(removing.id)}/second-factor`);
      setDone(t('users.secondFactor.removed', { user: removing.username }));
      users.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading" className="panel-title">
          {t('admin.users')}
        </h2>
        <ErrorBanner error={users.error} onRetry={users.reload} />
        <ErrorBanner error={error} />
        {done && (
          <div className="banner banner-success" role="status">
            {done}
          </div>
        )}
        {users.loading && !users.data && <Loading />}
        {users.data && list.length === 0 && (
          <EmptyState title={t('admin.usersEmpty')}>
            <p>{t('admin.usersEmptyBody')}</p>
          </EmptyState>
        )}
        {list.length > 0 && (
          <TableFrame label={t('admin.users')} busy={users.loading}>
            <thead>
              <tr>
                <th scope="col">{t('admin.user.username')}</th>
                <th scope="col">{t('admin.user.displayName')}</th>
                <th scope="col">{t('admin.user.unit')}</th>
                <th scope="col">{t('admin.user.agency')}</th>
                <th scope="col">{t('admin.user.jurisdiction')}</th>
                <th scope="col">{t('admin.user.roles')}</th>
                <th scope="col">{t('users.secondFactor')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td>
                    <code>{user.username}</code>
                    {user.active === false && (
                      <span className="badge badge-neutral badge-spaced-left" data-testid="user-disabled">
                        {t('admin.user.disabled')}
                      </span>
                    )}
                    {user.mustChangePassword && (
                      <span
                        className="badge badge-info badge-spaced-left"
                        title={t('users.mustChangePassword.hint')}
                      >
                        {t('users.mustChangePassword')}
                      </span>
                    )}
                    {user.lockedUntil && (
                      <>
                        <span
                          className="badge badge-warning badge-spaced-left"
                          title={t('users.locked.hint')}
                          data-testid="user-locked"
                        >
                          {t('users.locked', { time: formatInstant(user.lockedUntil) })}
                        </span>{' '}
                        <button
                          type="button"
                          className="link-button"
                          disabled={busy}
                          onClick={() => void unlock(user)}
                        >
                          {t('users.unlock')}
                        </button>
                      </>
                    )}
                  </td>
                  <td>{user.displayName}</td>
                  <td>
                    {user.unit?.name} <span className="muted">{user.unit?.code}</span>
                  </td>
                  <td>{user.unit?.agency?.code}</td>
                  <td>
                    <JurisdictionName {...user.unit?.jurisdiction} />
                  </td>
                  <td>
                    {user.roles.map((role) => (
                      <span key={role} className="badge badge-neutral badge-spaced">
                        {userRoleLabel(role)}
                      </span>
                    ))}
                  </td>
                  <td>
                    {user.secondFactor && (
                      <>
                        <span className="badge badge-success">{t('users.secondFactor.on')}</span>{' '}
                        <button type="button" className="link-button" onClick={() => setRemoving(user)}>
                          {t('users.secondFactor.remove')}
                        </button>
                      </>
                    )}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="link-button" onClick={() => setEditing(user)}>
                      {t('users.edit')}
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => setResetting(user)}>
                      {t('users.reset')}
                    </button>{' '}
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => setToggling(user)}
                    >
                      {user.active === false ? t('users.enable') : t('users.disable')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
      <CreateUserForm onCreated={users.reload} />
      <EditUserDialog
        user={editing}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setDone(t('users.saved', { user: saved.username }));
          users.reload();
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(result) => {
          setDone(t('users.reset.done', { user: result.user.username }));
          users.reload();
        }}
      />
      <ConfirmDialog
        open={toggling !== null}
        title={t(toggling?.active === false ? 'users.enable.title' : 'users.disable.title', {
          user: toggling?.username ?? '',
        })}
        message={t(toggling?.active === false ? 'users.enable.body' : 'users.disable.body')}
        confirmLabel={toggling?.active === false ? t('users.enable') : t('users.disable')}
        tone={toggling?.active === false ? 'primary' : 'danger'}
        busy={busy}
        onConfirm={() => void setActive()}
        onCancel={() => setToggling(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('users.secondFactor.confirmTitle', { user: removing?.username ?? '' })}
        message={t('users.secondFactor.confirmBody')}
        confirmLabel={t('users.secondFactor.remove')}
        tone="danger"
        busy={busy}
        onConfirm={() => void removeSecondFactor()}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
