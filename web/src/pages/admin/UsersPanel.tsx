import { itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { JurisdictionName } from '../../components/Jurisdiction.js';
import { TableFrame } from '../../components/Table.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { User } from '../../types.js';
import { CreateUserForm } from './CreateUserForm.js';

export function UsersPanel() {
  const users = useApi<{ items: User[] } | User[]>('/users');
  const list = itemsOf(users.data);

  return (
    <>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading" className="panel-title">
          {t('admin.users')}
        </h2>
        <ErrorBanner error={users.error} onRetry={users.reload} />
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
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
      <CreateUserForm onCreated={users.reload} />
    </>
  );
}
