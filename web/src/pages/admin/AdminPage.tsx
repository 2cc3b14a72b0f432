import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { hasRole, useUser } from '../../auth.js';
import { t } from '../../i18n/index.js';
import { ForbiddenPage } from '../NotFoundPage.js';
import { JobsPanel } from './JobsPanel.js';
import { ReferencePanel } from './ReferencePanel.js';
import { RetentionPanel } from './RetentionPanel.js';
import { TokensPanel } from './TokensPanel.js';
import { UsersPanel } from './UsersPanel.js';

/** Administration, for role admin only: users, API tokens, reference data, data retention and screening jobs. */
export function AdminPage() {
  const user = useUser();
  if (!hasRole(user, 'admin')) return <ForbiddenPage />;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.admin')}</h1>
      </header>
      <nav className="tabs" aria-label={t('admin.sections')}>
        <NavLink to="/admin/users" className="tab">
          {t('admin.users')}
        </NavLink>
        <NavLink to="/admin/tokens" className="tab">
          {t('admin.tokens')}
        </NavLink>
        <NavLink to="/admin/reference" className="tab">
          {t('admin.reference')}
        </NavLink>
        <NavLink to="/admin/retention" className="tab">
          {t('admin.retention')}
        </NavLink>
        <NavLink to="/admin/jobs" className="tab">
          {t('admin.jobs')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersPanel />} />
        <Route path="tokens" element={<TokensPanel />} />
        <Route path="reference" element={<ReferencePanel />} />
        <Route path="retention" element={<RetentionPanel />} />
        <Route path="jobs" element={<JobsPanel />} />
        <Route path="*" element={<Navigate to="users" replace />} />
      </Routes>
    </div>
  );
}
