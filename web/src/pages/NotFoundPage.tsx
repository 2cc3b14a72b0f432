import { Link } from 'react-router-dom';
import { EmptyState } from '../components/Feedback.js';
import { t } from '../i18n/index.js';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        title={t('notFound.title')}
        icon="search"
        testId="not-found"
        action={
          <Link className="button" to="/">
            {t('notFound.home')}
          </Link>
        }
      >
        <p>{t('notFound.body')}</p>
      </EmptyState>
    </div>
  );
}

export function ForbiddenPage() {
  return (
    <div className="page">
      <EmptyState title={t('forbidden.title')} icon="lock" testId="forbidden">
        <p>{t('forbidden.body')}</p>
      </EmptyState>
    </div>
  );
}
