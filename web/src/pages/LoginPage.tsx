import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api.js';
import { useAuth } from '../auth.js';
import { ErrorBanner } from '../components/Feedback.js';
import { t } from '../i18n/index.js';

export function LoginPage() {
  const { status, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from !== '/login' ? from : '/';
  if (status === 'authenticated') return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(target, { replace: true });
    } catch (cause) {
      setError(cause);
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            I
          </span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        {sessionExpired && !error && (
          <div className="banner banner-info" role="status">
            {t('login.sessionExpired')}
          </div>
        )}
        <LoginError error={error} />
        <form className="form" onSubmit={onSubmit} aria-label={t('login.title')}>
          <h2 className="login-title">{t('login.title')}</h2>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <p className="login-notice">{t('login.notice')}</p>
      </div>
    </div>
  );
}

function LoginError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div className="banner banner-error" role="alert" data-testid="error-banner">
        {t('login.invalidCredentials')}
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 429) {
    return (
      <div className="banner banner-error" role="alert" data-testid="error-banner">
        {error.retryAfterSeconds
          ? t('login.rateLimitedFor', { seconds: error.retryAfterSeconds })
          : t('login.rateLimited')}
      </div>
    );
  }
  return <ErrorBanner error={error} />;
}
