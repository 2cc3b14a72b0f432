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

export function UsersPanel() {
  const users = useApi<{ items: User[] } | User[]>('/users');
  const list = itemsOf(users.data);
  // Removing a user's second factor (a lost phone), after a confirmation.
  const [removing, setRemoving] = useState<User | null>(null);
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
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td>
                    <code>{user.username}</code>
                    {user.active === false && (
                      <span className="badge badge-neutral badge-spaced-left">
                        {t('admin.user.disabled')}
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
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
      <CreateUserForm onCreated={users.reload} />
      <ConfirmDialog
        open={removing !== null}
        title={t('users.secondFactor.confirmTitle', { user: removing?.username ?? '' })}
        message={t('users.secondFactor.confirmBody')}
        confirmLabel={t('users.secondFactor.remove')}
        busy={busy}
        onConfirm={() => void removeSecondFactor()}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
