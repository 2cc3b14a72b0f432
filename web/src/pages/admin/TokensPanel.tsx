import { useState, type FormEvent } from 'react';
import { api, itemsOf } from '../../api.js';
import { userRoleLabel } from '../../auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { TableFrame } from '../../components/Table.js';
import { formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import { TOKEN_ROLES, type ApiToken, type CreatedApiToken } from '../../types.js';

/** API tokens for systems that send messages (carriers' gateways, scripts): list, create, revoke. */
export function TokensPanel() {
  const tokens = useApi<{ items: ApiToken[] } | ApiToken[]>('/tokens');
  const list = itemsOf(tokens.data);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const revoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setError(null);
    try {
      await api.delete(`/tokens/${encodeURIComponent(revoking.id)}`);
      tokens.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setRevokeBusy(false);
      setRevoking(null);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="panel-title">
          {t('admin.tokens')}
        </h2>
        <ErrorBanner error={tokens.error} onRetry={tokens.reload} />
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {tokens.loading && !tokens.data && <Loading />}
        {tokens.data && list.length === 0 && (
          <EmptyState title={t('admin.tokensEmpty')} icon="lock">
            <p>{t('admin.tokensEmptyBody')}</p>
          </EmptyState>
        )}
        {list.length > 0 && (
          <TableFrame label={t('admin.tokens')} busy={tokens.loading}>
            <thead>
              <tr>
                <th scope="col">{t('admin.token.name')}</th>
                <th scope="col">{t('admin.token.role')}</th>
                <th scope="col">{t('admin.token.created')}</th>
                <th scope="col">{t('admin.token.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr
                  key={token.id}
                  data-testid="token-row"
                  className={token.revokedAt ? 'row-inactive' : undefined}
                >
                  <td>{token.name}</td>
                  <td>{userRoleLabel(token.role)}</td>
                  <td className="nowrap">{formatInstant(token.createdAt)}</td>
                  <td className="nowrap">
                    {token.lastUsedAt ? formatInstant(token.lastUsedAt) : t('admin.token.never')}
                  </td>
                  <td className="actions">
                    {token.revokedAt ? (
                      <span className="badge badge-neutral" title={formatInstant(token.revokedAt)}>
                        {t('admin.token.revoked')}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        onClick={() => setRevoking(token)}
                        aria-label={t('admin.token.revokeNamed', { name: token.name })}
                      >
                        {t('admin.token.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </section>
      <CreateTokenForm onCreated={tokens.reload} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.token.revokeTitle')}
        message={t('admin.token.revokeQuestion', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.token.revoke')}
        tone="danger"
        busy={revokeBusy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('data-provider');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [copied, setCopied] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setCopied(false);
    try {
      setCreated(await api.post<CreatedApiToken>('/tokens', { name: name.trim(), role }));
      setName('');
      onCreated();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading" className="panel-title">
        {t('admin.createToken')}
      </h2>
      {created && (
        <div className="token-once" role="status" data-testid="new-token">
          <p>
            <strong>{t('admin.token.createdFor', { name: created.name })}</strong>{' '}
            {t('admin.token.shownOnce')}
          </p>
          <div className="token-value-row">
            <label htmlFor="new-token-value" className="visually-hidden">
              {t('admin.token.value')}
            </label>
            <input
              id="new-token-value"
              className="token-value"
              readOnly
              value={created.token}
              onFocus={(event) => event.target.select()}
              data-testid="new-token-value"
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t('admin.token.copied') : t('admin.token.copy')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              {t('admin.token.done')}
            </button>
          </div>
        </div>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form className="form form-row" onSubmit={onSubmit} aria-labelledby="create-token-heading">
        <div className="field field-grow">
          <label htmlFor="new-token-name">{t('admin.token.name')}</label>
          <input
            id="new-token-name"
            required
            value={name}
            placeholder={t('admin.token.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-token-role">{t('admin.token.role')}</label>
          <select id="new-token-role" value={role} onChange={(event) => setRole(event.target.value)}>
            {TOKEN_ROLES.map((option) => (
              <option key={option} value={option}>
                {userRoleLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={saving || !name.trim()}>
          {saving ? t('common.saving') : t('admin.createToken')}
        </button>
      </form>
    </section>
  );
}
