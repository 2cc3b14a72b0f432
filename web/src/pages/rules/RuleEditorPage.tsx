import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.js';
import { useUser } from '../../auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorBanner, Loading } from '../../components/Feedback.js';
import { formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { RuleDetail, RuleState } from '../../targeting-types.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { BacktestPanel } from './BacktestPanel.js';
import { changeRefusal, mayEditRule, mayWriteRules, RuleStateBadge, subjectLabel } from './labels.js';
import { RuleForm } from './RuleForm.js';
import { RuleVersions } from './RuleVersions.js';

export function BackToRules() {
  return (
    <Link to="/rules" className="back-link">
      ← {t('rules.back')}
    </Link>
  );
}

export function NewRulePage() {
  const navigate = useNavigate();
  const user = useUser();
  return (
    <div className="page" data-testid="rule-editor">
      <BackToRules />
      <header className="page-header">
        <h1>{t('rules.newTitle')}</h1>
        <p className="page-lead">{t('rules.newLead')}</p>
      </header>
      <RuleForm
        readOnly={!mayWriteRules(user)}
        onSaved={(rule) => navigate(`/rules/${rule.id}`, { state: { saved: rule.version } })}
      />
    </div>
  );
}

export function RulePage() {
  const { id = '' } = useParams();
  const rule = useApi<RuleDetail>(`/rules/${encodeURIComponent(id)}`);
  if (rule.error)
    return (
      <div className="page">
        <BackToRules />
        <ErrorBanner error={rule.error} onRetry={rule.reload} />
      </div>
    );
  if (!rule.data || rule.data.id !== id) return <Loading />;
  // The form starts again from each saved version.
  return (
    <RuleContentPage
      key={`${id}:${rule.data.version}:${rule.data.state}`}
      rule={rule.data}
      reload={rule.reload}
    />
  );
}

const NEXT_STATES: Record<RuleState, RuleState[]> = {
  draft: ['active', 'retired'],
  active: ['retired', 'draft'],
  retired: ['draft', 'active'],
};

function RuleContentPage({ rule, reload }: { rule: RuleDetail; reload: () => void }) {
  const user = useUser();
  const location = useLocation();
  const canEdit = mayEditRule(user, rule);
  // A user who writes rules sees the actions this rule refuses them, disabled, with the reason.
  const refusal = mayWriteRules(user) ? changeRefusal(rule) : null;
  const [saved, setSaved] = useState<number | null>(
    (location.state as { saved?: number } | null)?.saved ?? null,
  );
  const [confirm, setConfirm] = useState<RuleState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const setState = async (state: RuleState) => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/rules/${rule.id}`, { state });
      setConfirm(null);
      setSaved(null);
      reload();
    } catch (cause) {
      setError(cause);
      setConfirm(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="rule-editor" data-rule-id={rule.id}>
      <BackToRules />
      <header className="page-header page-header-row">
        <div>
          <h1 data-testid="rule-name">{rule.name}</h1>
          <div className="badge-row">
            <RuleStateBadge state={rule.state} /> <SeverityBadge severity={rule.severity} />{' '}
            <span className="badge badge-info">{subjectLabel(rule.subject)}</span>{' '}
            <span className="muted small" data-testid="rule-version">
              {t('rules.versionOf', { version: rule.version })} ·{' '}
              {rule.owner.unitName ?? rule.owner.jurisdiction} · {rule.createdBy} · {t('rules.updated')}{' '}
              {formatInstant(rule.updatedAt)}
            </span>
          </div>
        </div>
        {(canEdit || refusal) && (
          <div className="header-actions">
            {NEXT_STATES[rule.state].map((state) => (
              <button
                key={state}
                type="button"
                className={
                  state === 'active'
                    ? 'button button-primary'
                    : state === 'retired'
                      ? 'button button-danger-outline'
                      : 'button'
                }
                data-testid={`rule-set-${state}`}
                disabled={busy || !canEdit}
                title={refusal ?? undefined}
                onClick={() => setConfirm(state)}
              >
                {t(`rules.action.${state}`)}
              </button>
            ))}
          </div>
        )}
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {refusal && (
        <div className="banner banner-info" role="note" data-testid="rule-change-refused">
          <div className="banner-text">{refusal}</div>
        </div>
      )}
      {saved !== null && (
        <div className="banner banner-success" role="status" data-testid="rule-saved">
          <div className="banner-text">{t('rules.saved', { version: saved })}</div>
        </div>
      )}
      {rule.state === 'retired' && (
        <div className="banner banner-warning" role="note">
          <div className="banner-text">{t('rules.retiredBanner')}</div>
        </div>
      )}
      <RuleForm
        rule={rule}
        readOnly={!canEdit || rule.state === 'retired'}
        onSaved={(next) => {
          setSaved(next.version);
          reload();
        }}
      />
      <BacktestPanel rule={rule} />
      <RuleVersions rule={rule} />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`rules.confirm.${confirm}.title`) : ''}
        message={confirm ? t(`rules.confirm.${confirm}.message`, { name: rule.name }) : ''}
        confirmLabel={confirm ? t(`rules.action.${confirm}`) : ''}
        tone={confirm === 'active' ? 'primary' : 'danger'}
        busy={busy}
        onConfirm={() => confirm && void setState(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}
