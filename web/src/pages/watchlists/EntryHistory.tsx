import { useState } from 'react';
import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { EntryChangeKind, EntryVersion } from '../../watchlist-types.js';
import { EntryDetails } from './EntryDetails.js';
import { fieldLabel } from './fields.js';

const CHANGE_TONES: Record<EntryChangeKind, string> = {
  created: 'success',
  updated: 'info',
  deactivated: 'danger',
  reactivated: 'warning',
};

/** Every version of an entry, newest first: what changed, who and when, and what it said then. */
export function EntryHistory({ history, current }: { history: EntryVersion[]; current: number }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (version: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(version)) next.delete(version);
      else next.add(version);
      return next;
    });
  return (
    <section className="panel" aria-labelledby="entry-history-heading" data-testid="entry-history">
      <h2 id="entry-history-heading" className="panel-title">
        {t('entry.history', { count: history.length })}
      </h2>
      <ol className="timeline">
        {history.map((version) => {
          const shown = open.has(version.version);
          return (
            <li
              key={version.version}
              className={`timeline-item${version.version === current ? ' timeline-item-viewing' : ''}`}
              data-testid="entry-version"
              data-version={version.version}
              data-change={version.change}
            >
              <div className="timeline-head">
                <strong>{t('entry.historyVersion', { version: version.version })}</strong>
                <span className={`badge badge-${CHANGE_TONES[version.change]}`}>
                  {t(`entry.change.${version.change}`)}
                </span>
                <span className="muted">
                  {t('entry.historyBy', { at: formatInstant(version.changedAt), by: version.changedBy })}
                  {version.importId && <> · {t('entry.historyImport')}</>}
                </span>
                <span className="timeline-action">
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={shown}
                    onClick={() => toggle(version.version)}
                    data-testid="toggle-snapshot"
                  >
                    {shown
                      ? t('entry.hideSnapshot', { version: version.version })
                      : t('entry.showSnapshot', { version: version.version })}
                  </button>
                </span>
              </div>
              {(version.change === 'updated' || version.change === 'reactivated') && (
                <p className="small" data-testid="version-fields">
                  {version.fields.length > 0 ? (
                    <>
                      <span className="muted">{t('entry.historyFields')}:</span>{' '}
                      {version.fields.map(fieldLabel).join(', ')}
                    </>
                  ) : (
                    <span className="muted">{t('entry.historyNoFields')}</span>
                  )}
                </p>
              )}
              {shown && <EntryDetails entry={version.snapshot} compact />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
