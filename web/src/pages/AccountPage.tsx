import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAuth, userRoleLabel, useUser } from '../auth.js';
import { ChangePasswordForm } from '../components/ChangePasswordForm.js';
import { ErrorBanner, Loading } from '../components/Feedback.js';
import { JurisdictionName } from '../components/Jurisdiction.js';
import { OneTimeCodeInput } from '../components/OneTimeCodeInput.js';
import { formatInstant } from '../format.js';
import { useApi } from '../hooks/useApi.js';
import { t } from '../i18n/index.js';

interface SecondFactorStatus {
  enabled: boolean;
  pending: boolean;
  enabledAt: string | null;
}

/** The key in groups of four, as authenticator apps show and people type it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** The signed-in user's account: who and where they are, their password and their second factor. */
export function AccountPage() {
  const user = useUser();
  const { updateUser } = useAuth();
  const [passwordNotice, setPasswordNotice] = useState<string | null>(null);
  const status = useApi<SecondFactorStatus>('/auth/second-factor');
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const startSetup = () =>
    run(async () => {
      setSetup(await api.post<{ secret: string; uri: string }>('/auth/second-factor/setup'));
      setCode('');
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const on = status.data?.enabled;
      await api.post(on ? '/auth/second-factor/disable' : '/auth/second-factor/enable', {
        code: code.trim(),
      });
      setNotice(on ? t('account.secondFactor.disabled') : t('account.secondFactor.enabled'));
      setSetup(null);
      setCode('');
      status.reload();
    });
  };
  const enabled = status.data?.enabled ?? false;
  const codeField = (
    <div className="field field-inline">
      <label htmlFor="account-code">{t('account.secondFactor.code')}</label>
      <OneTimeCodeInput id="account-code" className="input-short" value={code} onChange={setCode} />
    </div>
  );

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
        <p className="page-lead">{t('account.lead')}</p>
      </header>
      <section className="panel" aria-labelledby="account-who">
        <h2 id="account-who" className="panel-title">
          {user.displayName} <span className="muted">{user.username}</span>
        </h2>
        <dl className="account-details">
          <div>
            <dt>{t('account.unit')}</dt>
            <dd>
              {user.unit.name} · {user.unit.agency.code} · <JurisdictionName {...user.unit.jurisdiction} />
            </dd>
          </div>
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>{user.roles.map(userRoleLabel).join(', ')}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="account-password" data-testid="password-panel">
        <h2 id="account-password" className="panel-title">
          {t('password.change')}
        </h2>
        <p>{t('password.lead')}</p>
        {passwordNotice && (
          <div className="banner banner-success" role="status" data-testid="password-changed">
            {passwordNotice}
          </div>
        )}
        <ChangePasswordForm
          onChanged={({ user: changed, otherSessionsEnded }) => {
            updateUser(changed);
            setPasswordNotice(t('password.changed', { count: otherSessionsEnded }));
          }}
        />
      </section>

      <section className="panel" aria-labelledby="account-second-factor" data-testid="second-factor-panel">
        <h2 id="account-second-factor" className="panel-title">
          {t('account.secondFactor')}
        </h2>
        <p>{t('account.secondFactor.lead')}</p>
        <ErrorBanner error={status.error} onRetry={status.reload} />
        <ErrorBanner error={error} />
        {notice && (
          <div className="banner banner-success" role="status">
            {notice}
          </div>
        )}
        {status.loading && !status.data && <Loading />}
        {status.data && (
          <p data-testid="second-factor-state">
            {enabled
              ? t('account.secondFactor.on', { date: formatInstant(status.data.enabledAt) })
              : t('account.secondFactor.off')}
          </p>
        )}
        {status.data && !enabled && !setup && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void startSetup()}
          >
            {t('account.secondFactor.setUp')}
          </button>
        )}
        {setup && (
          <form className="form" onSubmit={submit} aria-label={t('account.secondFactor.setUp')}>
            <p>{t('account.secondFactor.step1')}</p>
            <dl className="account-details">
              <div>
                <dt>{t('account.secondFactor.key')}</dt>
                <dd>
                  <code data-testid="second-factor-secret">{grouped(setup.secret)}</code>
                </dd>
              </div>
              <div>
                <dt>{t('account.secondFactor.link')}</dt>
                <dd>
                  <a href={setup.uri}>{setup.uri}</a>
                </dd>
              </div>
            </dl>
            <p>{t('account.secondFactor.step2')}</p>
            <div className="filter-bar">
              {codeField}
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('account.secondFactor.enable')}
              </button>
              <button type="button" className="button button-ghost" onClick={() => setSetup(null)}>
                {t('account.secondFactor.cancel')}
              </button>
            </div>
          </form>
        )}
        {enabled && (
          <form className="form" onSubmit={submit} aria-label={t('account.secondFactor.disable')}>
            <p className="hint">{t('account.secondFactor.disableHint')}</p>
            <div className="filter-bar">
              {codeField}
              <button type="submit" className="button" disabled={busy}>
                {t('account.secondFactor.disable')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
