import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api.js';
import { useAuth } from '../auth.js';
import { ErrorBanner } from '../components/Feedback.js';
import { OneTimeCodeInput } from '../components/OneTimeCodeInput.js';
import { formatInstant } from '../format.js';
import { t } from '../i18n/index.js';

export function LoginPage() {
  const { status, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Asked for once the password is right and the account has a second factor.
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [code, setCode] = useState('');
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
      await login(username.trim(), password, codeNeeded ? code.trim() : undefined);
      navigate(target, { replace: true });
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'second_factor_required') {
        // The password was right: keep it and ask for the code.
        setCodeNeeded(true);
        setError(null);
      } else if (cause instanceof ApiError && cause.code === 'invalid_second_factor') {
        setError(cause);
        setCode('');
      } else {
        setError(cause);
        setPassword('');
        setCodeNeeded(false);
        setCode('');
      }
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
          {codeNeeded && (
            <div className="banner banner-info" role="status" data-testid="second-factor-needed">
              {t('login.codeNeeded')}
            </div>
          )}
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoFocus
              required
              readOnly={codeNeeded}
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
              readOnly={codeNeeded}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {codeNeeded && (
            <div className="field">
              <label htmlFor="login-code">{t('login.code')}</label>
              <OneTimeCodeInput
                id="login-code"
                autoFocus
                value={code}
                describedBy="login-code-hint"
                onChange={setCode}
              />
              <span id="login-code-hint" className="hint">
                {t('login.codeHint')}
              </span>
            </div>
          )}
          <button type="submit" className="button button-primary button-block" disabled={submitting}>
            {submitting ? t('login.signingIn') : t('login.submit')}
          </button>
          {codeNeeded && (
            <button
              type="button"
              className="button button-ghost button-block"
              onClick={() => {
                setCodeNeeded(false);
                setCode('');
                setPassword('');
                setError(null);
              }}
            >
              {t('login.back')}
            </button>
          )}
        </form>
        <p className="login-notice">{t('login.notice')}</p>
      </div>
    </div>
  );
}

function LoginError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'invalid_second_factor') {
    return (
      <div className="banner banner-error" role="alert" data-testid="error-banner">
        {t('login.codeWrong')}
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div className="banner banner-error" role="alert" data-testid="error-banner">
        {t('login.invalidCredentials')}
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'account_locked') {
    const lockedUntil = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
    return (
      <div className="banner banner-error" role="alert" data-testid="error-banner">
        {t('login.accountLocked', { time: formatInstant(lockedUntil) })}
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
