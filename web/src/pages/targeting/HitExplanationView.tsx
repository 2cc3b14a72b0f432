import { Link } from 'react-router-dom';
import { t } from '../../i18n/index.js';
import type { HitDetail } from '../../targeting-types.js';
import { ConditionExplanation } from '../rules/ConditionExplanation.js';
import { Explanation } from '../screen/Explanation.js';
import { percent } from '../watchlists/labels.js';
import { isPnrWithheld, PnrWithheld } from '../../components/PnrWithheld.js';
import { RestrictedListNotice } from './labels.js';

/** Why the hit was raised: the rule's conditions with the values seen, or the watchlist match. */
export function HitExplanationView({ hit }: { hit: HitDetail }) {
  const explanation = hit.explanation;
  return (
    <section className="panel" aria-labelledby="hit-why-heading" data-testid="hit-explanation">
      <h2 id="hit-why-heading" className="panel-title">
        {t('hit.why.title')}
      </h2>
      {explanation.kind === 'rule' ? (
        <>
          <p>
            {t('hit.why.rule')}{' '}
            <Link to={`/rules/${explanation.rule.id}`} className="strong-link" data-testid="hit-rule-link">
              {explanation.rule.name}
            </Link>{' '}
            <span className="muted small">{t('rules.versionOf', { version: explanation.rule.version })}</span>
          </p>
          {hit.rule?.description && <p className="muted small">{hit.rule.description}</p>}
          <ConditionExplanation explanation={explanation.conditions} />
        </>
      ) : explanation.restricted ? (
        <p>
          <RestrictedListNotice list={explanation} />
        </p>
      ) : (
        <>
          <p>
            {explanation.matchedBy === 'document' ? t('hit.why.byDocument') : t('hit.why.byName')}{' '}
            <Link
              to={`/watchlists/entries/${explanation.entry.id}`}
              className="strong-link"
              data-testid="hit-entry-link"
            >
              {explanation.entry.primaryName}
            </Link>{' '}
            <span className="muted small">
              {explanation.entry.externalId} ·{' '}
              <Link to={`/watchlists/${explanation.list.id}`}>{explanation.list.name}</Link>
              {hit.score !== null && ` · ${t('hit.why.score', { score: percent(hit.score) })}`}
            </span>
          </p>
          <p className="small">
            <span className="muted">{t('hit.why.query')}:</span>{' '}
            {isPnrWithheld(explanation.query) ? (
              <PnrWithheld />
            ) : (
              <>
                {explanation.query.name}
                {explanation.query.dateOfBirth && ` · ${explanation.query.dateOfBirth}`}
                {explanation.query.nationality && ` · ${explanation.query.nationality}`}
              </>
            )}
          </p>
          {!isPnrWithheld(explanation.match) && <Explanation explanation={explanation.match} />}
        </>
      )}
    </section>
  );
}
