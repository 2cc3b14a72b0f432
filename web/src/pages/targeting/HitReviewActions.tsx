import { useState } from 'react';
import { api } from '../../api.js';
import { useUser } from '../../auth.js';
import { ErrorBanner } from '../../components/Feedback.js';
import { t } from '../../i18n/index.js';
import { HIT_OUTCOMES, type HitDetail, type HitOutcome, type HitStatus } from '../../targeting-types.js';
import { mayReopen, mayReview, outcomeLabel } from './labels.js';
import { ReferDialog } from './ReferDialog.js';

/**
 * The moves the server allows from each status (src/targeting/hit-service.ts); a referral goes
 * through its own dialog (ReferDialog), and a referred hit is accepted, not "started".
 */
const NEXT: Record<HitStatus, HitStatus[]> = {
  new: ['in-review'],
  'in-review': ['new'],
  referred: [],
  closed: [],
};

/** Status, outcome, assignment and notes of the viewer's agency on the hit. */
export function HitReviewActions({
  hit,
  onChanged,
}: {
  hit: HitDetail;
  onChanged: (hit: HitDetail) => void;
}) {
  const user = useUser();
  const { status, assignedTo } = hit.review;
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<HitOutcome | ''>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [referring, setReferring] = useState(false);
  if (!mayReview(user)) return null;
  const { referral } = hit.review;

  const send = async (patch: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api.patch<HitDetail>(`/hits/${hit.id}`, patch);
      setClosing(false);
      setNote('');
      setOutcome('');
      setSubmitted(false);
      onChanged(updated);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const withNote = (patch: Record<string, unknown>) =>
    note.trim() ? { ...patch, note: note.trim() } : patch;
  const close = () => {
    setSubmitted(true);
    if (!outcome) return;
    void send(withNote({ status: 'closed', outcome }));
  };

  return (
    <section className="panel hit-actions" aria-labelledby="hit-actions-heading" data-testid="hit-actions">
      <ReferDialog
        hit={hit}
        open={referring}
        onCancel={() => setReferring(false)}
        onDone={(updated) => {
          setReferring(false);
          onChanged(updated);
        }}
      />
      <h2 id="hit-actions-heading" className="panel-title">
        {t('hit.review.title')}
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {status === 'referred' && referral && (
        <div className="banner banner-info" role="note" data-testid="hit-referral">
          <div className="banner-text">
            <strong>
              {hit.review.referredToReader
                ? t('hit.refer.toYou', { by: referral.by ?? '' })
                : t('hit.refer.referredTo', {
                    to: referral.toUser
                      ? `${referral.toUser.name} (${referral.toUnit.name})`
                      : (referral.toUnit.name ?? ''),
                    by: referral.by ?? '',
                  })}
            </strong>{' '}
            <q data-testid="hit-referral-reason">{referral.reason}</q>
          </div>
        </div>
      )}
      <div className="form-actions hit-action-buttons">
        {status === 'referred' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            data-testid="hit-accept-referral"
            onClick={() => void send(withNote({ status: 'in-review', assignedTo: user.id }))}
          >
            {t('hit.action.acceptReferral')}
          </button>
        )}
        {NEXT[status].map((next) => (
          <button
            key={next}
            type="button"
            className={next === 'in-review' ? 'button button-primary' : 'button'}
            disabled={busy}
            data-testid={`hit-to-${next}`}
            onClick={() => void send(withNote({ status: next }))}
          >
            {t(`hit.action.${next}`)}
          </button>
        ))}
        {(status === 'new' || status === 'in-review') && (
          <button
            type="button"
            className="button"
            aria-haspopup="dialog"
            disabled={busy}
            data-testid="hit-refer"
            onClick={() => setReferring(true)}
          >
            {t('hit.action.refer')}
          </button>
        )}
        {status !== 'closed' && (
          <button
            type="button"
            className="button"
            aria-expanded={closing}
            disabled={busy}
            data-testid="hit-close"
            onClick={() => setClosing((c) => !c)}
          >
            {status === 'referred' ? t('hit.action.closeWithOutcome') : t('hit.action.close')}
          </button>
        )}
        {status === 'closed' && mayReopen(user) && (
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="hit-reopen"
            onClick={() => void send(withNote({ status: 'in-review' }))}
          >
            {t('hit.action.reopen')}
          </button>
        )}
        {status === 'closed' && !mayReopen(user) && (
          <span className="muted small">{t('hit.review.reopenSupervisor')}</span>
        )}
        {assignedTo === user.id ? (
          <button
            type="button"
            className="button button-ghost"
            disabled={busy}
            data-testid="hit-unassign"
            onClick={() => void send({ assignedTo: null })}
          >
            {t('hit.action.unassign')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-ghost"
            disabled={busy}
            data-testid="hit-assign-me"
            onClick={() => void send({ assignedTo: user.id })}
          >
            {t('hit.action.assignMe')}
          </button>
        )}
      </div>
      <p className="small muted" data-testid="hit-assignee">
        {assignedTo === null
          ? t('hit.review.unassigned')
          : assignedTo === user.id
            ? t('hit.review.assignedToYou')
            : t('hit.review.assignedTo', {
                name: hit.reviews.find((r) => r.agencyId === hit.review.agencyId)?.assignedName ?? assignedTo,
              })}
      </p>
      {closing && (
        <div className="field hit-outcome" data-testid="hit-close-form">
          <label htmlFor="hit-outcome">{t('hit.review.outcome')}</label>
          <select
            id="hit-outcome"
            value={outcome}
            aria-invalid={submitted && !outcome ? true : undefined}
            onChange={(e) => setOutcome(e.target.value as HitOutcome)}
          >
            <option value="">{t('hit.review.chooseOutcome')}</option>
            {HIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </select>
          {submitted && !outcome && (
            <span className="field-error" role="alert">
              {t('hit.review.outcomeMissing')}
            </span>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="hit-note">{t('hit.review.note')}</label>
        <textarea
          id="hit-note"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('hit.review.notePlaceholder')}
        />
      </div>
      <div className="form-actions">
        {closing ? (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            data-testid="hit-close-confirm"
            onClick={close}
          >
            {t('hit.review.closeWithOutcome')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy || !note.trim()}
            data-testid="hit-add-note"
            onClick={() => void send({ note: note.trim() })}
          >
            {t('hit.review.addNote')}
          </button>
        )}
      </div>
    </section>
  );
}
