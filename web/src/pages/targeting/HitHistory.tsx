import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { HitDetail, HitEvent, HitOutcome, HitStatus } from '../../targeting-types.js';
import { HitStatusBadge, outcomeLabel, statusLabel } from './labels.js';

/** The reviews of the other agencies sharing the hit. */
export function OtherReviews({ hit }: { hit: HitDetail }) {
  const others = hit.reviews.filter((review) => review.agencyId !== hit.review.agencyId);
  return (
    <section className="panel" aria-labelledby="hit-reviews-heading" data-testid="hit-reviews">
      <h2 id="hit-reviews-heading" className="panel-title">
        {t('hit.reviews.title')}
      </h2>
      {others.length === 0 ? (
        <p className="muted">{t('hit.reviews.none')}</p>
      ) : (
        <ul className="hit-reviews">
          {others.map((review) => (
            <li key={review.agencyId}>
              <strong>{review.agency}</strong>{' '}
              <HitStatusBadge status={review.status} outcome={review.outcome} />{' '}
              <span className="muted small">
                {review.assignedName && `${t('hit.reviews.assigned', { name: review.assignedName })} · `}
                {formatInstant(review.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(event: HitEvent): string {
  const details = event.details ?? {};
  switch (event.kind) {
    case 'status': {
      const text = t('hit.event.status', {
        from: statusLabel(details.from as HitStatus),
        to: statusLabel(details.to as HitStatus),
      });
      return details.outcome ? `${text} (${outcomeLabel(details.outcome as HitOutcome)})` : text;
    }
    case 'note':
      return t('hit.event.note');
    case 'referred': {
      const unit = details.toUnit as { name?: string } | undefined;
      const user = details.toUser as { name?: string } | null | undefined;
      return t('hit.event.referred', {
        to: user?.name ? `${user.name} (${unit?.name ?? ''})` : (unit?.name ?? ''),
      });
    }
    case 'assigned':
      return details.to ? t('hit.event.assigned') : t('hit.event.unassigned');
    default:
      return t(`hit.event.${event.kind}`);
  }
}

/** Everything that happened to the hit, newest first. */
export function HitHistory({ hit }: { hit: HitDetail }) {
  return (
    <section className="panel" aria-labelledby="hit-history-heading">
      <h2 id="hit-history-heading" className="panel-title">
        {t('hit.history.title')}
      </h2>
      <ol className="timeline">
        {hit.events.map((event) => (
          <li
            key={event.id}
            className={`timeline-item timeline-${event.kind}`}
            data-testid="hit-event"
            data-kind={event.kind}
          >
            <span className="timeline-when muted small">{formatInstant(event.at)}</span>
            <span className="timeline-what">
              {describe(event)}
              {(event.actor || event.agency) && (
                <span className="muted small">
                  {' '}
                  · {[event.actor, event.agency].filter(Boolean).join(', ')}
                </span>
              )}
            </span>
            {event.kind === 'note' && typeof event.details?.note === 'string' && (
              <blockquote className="timeline-note pre-line">{event.details.note}</blockquote>
            )}
            {event.kind === 'referred' && typeof event.details?.reason === 'string' && (
              <blockquote className="timeline-note pre-line">{event.details.reason}</blockquote>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
