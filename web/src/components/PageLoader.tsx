import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { t } from '../i18n/index.js';
import { Loading } from './Feedback.js';

/**
 * A page loaded with its own script when first opened, so that the first screen does not wait
 * for every page of the application. `name` is the page's export in its module.
 */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/**
 * Where a page appears: a loading state while its script arrives, and, when the script cannot be
 * loaded (the server was updated meanwhile, or the connection dropped), a message with a reload
 * rather than an empty screen. `resetKey` (the address) clears the message on the next page.
 */
export function PageLoader({ children, resetKey }: { children: ReactNode; resetKey: string }) {
  return (
    <PageErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<Loading label={t('shell.loadingPage')} />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner banner-error" role="alert" data-testid="page-failed">
        <div className="banner-text">{t('shell.pageFailed')}</div>
        <div className="banner-actions">
          <button type="button" className="button button-small" onClick={() => window.location.reload()}>
            {t('shell.reload')}
          </button>
        </div>
      </div>
    );
  }
}
