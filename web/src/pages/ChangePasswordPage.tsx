import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.js';
import { ChangePasswordForm } from '../components/ChangePasswordForm.js';
import { t } from '../i18n/index.js';

/**
 * Where a user signed in with a password an administrator gave (a new account, a reset) lands:
 * the server refuses everything else (403 password_change_required) until they set their own.
 */
export function ChangePasswordPage() {
  const { status, user, updateUser, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/change-password' && from !== '/login' ? from : '/';
  if (status === 'anonymous') return <Navigate to="/login" replace />;
  if (status === 'authenticated' && user && !user.mustChangePassword) return <Navigate to={target} replace />;
  if (!user) return null;

  return (
    <div className="login-page">
      <div className="login-card" data-testid="password-change-required">
        <h1 className="login-title">{t('password.required.title')}</h1>
        <p>{t('password.required.body', { user: user.displayName })}</p>
        <ChangePasswordForm
          submitLabel={t('password.required.submit')}
          onChanged={({ user: changed }) => {
            updateUser(changed);
            navigate(target, { replace: true });
          }}
        />
        <button type="button" className="button button-ghost button-block" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </div>
    </div>
  );
}
