import type { ReactNode } from 'react';
import { ApiError } from '../api.js';
import { t } from '../i18n/index.js';
import { asSentence, fieldProblemsOf, unplacedProblems } from './FieldError.js';

/**
 * The one way an API error is shown: a banner with the message and, when it helps, the code.
 * A form passes its `fields`: the problems of those fields are said next to them (FieldError),
 * and the banner asks to correct the fields marked, naming only what no field shows.
 */
export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
  fields,
  aliases,
}: {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
  fields?: readonly string[];
  aliases?: Partial<Record<string, string>>;
}) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const problems = fields ? fieldProblemsOf(error) : [];
  const unplaced = fields ? unplacedProblems(error, fields, aliases) : [];
  const marked = problems.length > unplaced.length;
  const message = marked
    ? [t('errors.correctFields'), ...unplaced.map((p) => asSentence(`${p.field}: ${p.message}`))].join(' ')
    : describeError(error);
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <div className="banner-text">
        {marked ? (
          message
        ) : (
          <>
            <strong>{t('errors.title')}</strong> {message}
          </>
        )}
        {apiError && apiError.code && apiError.status > 0 && !marked && (
          <span className="banner-code">
            {' '}
            ({apiError.status} {apiError.code})
          </span>
        )}
      </div>
      <div className="banner-actions">
        {onRetry && (
          <button type="button" className="button button-small" onClick={onRetry}>
            {t('actions.retry')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button button-small button-ghost" onClick={onDismiss}>
            {t('actions.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    if (error.status === 403) return error.message || t('errors.forbidden');
    return error.message || t('errors.unexpected');
  }
  if (error instanceof Error) return error.message;
  return t('errors.unexpected');
}

export function Loading({ label }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
  icon = 'inbox',
  testId = 'empty-state',
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: 'inbox' | 'search' | 'build' | 'lock';
  testId?: string;
}) {
  return (
    <section className="empty-state" data-testid={testId} aria-label={title}>
      <EmptyIcon kind={icon} />
      <h2>{title}</h2>
      {children && <div className="empty-body">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </section>
  );
}

function EmptyIcon({ kind }: { kind: 'inbox' | 'search' | 'build' | 'lock' }) {
  const paths: Record<typeof kind, string> = {
    inbox: 'M4 13l2-7h12l2 7M4 13v5h16v-5M4 13h5l1 2h4l1-2h5',
    search: 'M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13zM15.5 15.5L20 20',
    build: 'M4 20h16M6 20V10l6-5 6 5v10M10 20v-5h4v5',
    lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v9H5z',
  };
  return (
    <svg className="empty-icon" viewBox="0 0 24 24" aria-hidden="true" width="40" height="40">
      <path d={paths[kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
