import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { RuleDetail } from '../../targeting-types.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { describeTree } from './tree.js';
import { useFields } from './useFields.js';

/** Every version of the rule, newest first, each condition in plain words. */
export function RuleVersions({ rule }: { rule: RuleDetail }) {
  const { labels } = useFields(rule.subject);
  return (
    <section className="panel" aria-labelledby="rule-versions-heading">
      <h2 id="rule-versions-heading" className="panel-title">
        {t('rules.versions.title')}
      </h2>
      <ol className="rule-versions">
        {rule.versions.map((version) => (
          <li
            key={version.version}
            className="rule-version"
            data-testid="rule-version-row"
            data-version={version.version}
          >
            <div className="rule-version-head">
              <strong>{t('rules.versionOf', { version: version.version })}</strong>
              {version.version === rule.version && (
                <span className="badge badge-info">{t('rules.versions.current')}</span>
              )}
              <span>{version.name}</span>
              <SeverityBadge severity={version.severity} />
              <span className="muted small">
                {version.category} · {version.createdBy} · {formatInstant(version.createdAt)}
                {(version.validFrom || version.validTo) &&
                  ` · ${t('rules.versions.valid', { from: version.validFrom ?? '…', to: version.validTo ?? '…' })}`}
              </span>
            </div>
            <p className="rule-version-condition" data-testid="rule-version-condition">
              {describeTree(version.condition, labels)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
