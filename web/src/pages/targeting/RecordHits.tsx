import { Link } from 'react-router-dom';
import { PnrText } from '../../components/PnrWithheld.js';
import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { HitCounts, RecordHit } from '../../targeting-types.js';
import { SeverityBadge } from '../watchlists/labels.js';
import { HitStatusBadge, RestrictedListNotice } from './labels.js';

/** What produced the hit: the rule's name, the list's, or whom to ask about a restricted list. */
export function HitSourceName({ hit }: { hit: RecordHit }) {
  if (hit.restrictedList) return <RestrictedListNotice list={{ restricted: true, ...hit.restrictedList }} />;
  return (
    <span>
      <span className="muted">{t(`hits.source.${hit.source}`)}: </span>
      {(hit.source === 'rule' ? hit.ruleName : hit.listName) ?? '—'}
    </span>
  );
}

function RecordHitRow({ hit, showSubject }: { hit: RecordHit; showSubject: boolean }) {
  return (
    <li
      className={`record-hit ${hit.status === 'closed' ? 'record-hit-closed' : 'record-hit-open'}`}
      data-testid="record-hit"
      data-status={hit.status}
    >
      <SeverityBadge severity={hit.severity} />
      <HitStatusBadge status={hit.status} outcome={hit.outcome} />
      <Link to={`/targeting/hits/${hit.id}`} className="strong-link" data-testid="record-hit-link">
        <HitSourceName hit={hit} />
      </Link>
      {showSubject && (
        <span className="muted">
          <PnrText value={hit.subjectName} />
        </span>
      )}
      {!hit.stillMatching && <span className="muted">({t('recordHits.noLongerMatching')})</span>}
      <span className="muted nowrap">{formatInstant(hit.createdAt)}</span>
    </li>
  );
}

/**
 * The hits of a record on its page: open ones first and marked, closed ones after with their
 * outcome. Absent (nothing rendered) when the reader may not read hits.
 */
export function RecordHitsPanel({
  hits,
  showSubject = false,
  title = t('recordHits.title'),
}: {
  hits: RecordHit[] | undefined;
  showSubject?: boolean;
  title?: string;
}) {
  if (!hits) return null;
  const open = hits.filter((hit) => hit.status !== 'closed');
  const closed = hits.filter((hit) => hit.status === 'closed');
  return (
    <section
      className={`panel record-hits ${open.length > 0 ? 'record-hits-alert' : ''}`}
      aria-labelledby="record-hits-heading"
      data-testid="record-hits"
      data-open={open.length}
    >
      <h2 id="record-hits-heading" className="panel-title">
        {title}
        {open.length > 0 && (
          <span className="badge badge-danger record-hits-count">
            {t('recordHits.openCount', { count: open.length })}
          </span>
        )}
      </h2>
      {hits.length === 0 && <p className="muted">{t('recordHits.none')}</p>}
      {open.length > 0 && (
        <ul className="record-hit-list" aria-label={t('recordHits.open')}>
          {open.map((hit) => (
            <RecordHitRow key={hit.id} hit={hit} showSubject={showSubject} />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <>
          <h3 className="record-hits-subtitle">{t('recordHits.closed')}</h3>
          <ul className="record-hit-list" aria-label={t('recordHits.closed')}>
            {closed.map((hit) => (
              <RecordHitRow key={hit.id} hit={hit} showSubject={showSubject} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A record's mark in lists and manifests: its open hits, and its hits closed positive. */
export function HitCountBadge({ counts }: { counts: HitCounts }) {
  const open = counts.openHits ?? 0;
  const positive = counts.positiveHits ?? 0;
  if (open === 0 && positive === 0) return null;
  return (
    <span className="hit-count-badges">
      {open > 0 && (
        <span
          className="badge badge-danger"
          data-testid="open-hits"
          title={t('recordHits.badgeOpen', { count: open })}
          aria-label={t('recordHits.badgeOpen', { count: open })}
        >
          {open}
        </span>
      )}
      {positive > 0 && (
        <span
          className="badge badge-warning"
          data-testid="positive-hits"
          title={t('recordHits.badgePositive', { count: positive })}
          aria-label={t('recordHits.badgePositive', { count: positive })}
        >
          {t('recordHits.positive', { count: positive })}
        </span>
      )}
    </span>
  );
}
