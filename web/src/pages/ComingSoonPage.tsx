import { EmptyState } from '../components/Feedback.js';
import { t, type CatalogueKey } from '../i18n/index.js';
import type { ComingSoonDomain } from '../navigation.js';

/** A domain whose page is not built yet: says, in the officers' words, what they will do there. */
export function ComingSoonPage({ domain }: { domain: ComingSoonDomain }) {
  const key = (suffix: string) => `comingSoon.${domain}.${suffix}` as CatalogueKey;
  const features = t(key('features'))
    .split('\n')
    .filter((line) => line.trim() !== '');
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t(`nav.${domain}` as CatalogueKey)}</h1>
      </header>
      <section className="panel">
        <EmptyState title={t('comingSoon.title')} icon="build" testId="coming-soon">
          <p data-testid="coming-soon-intro">{t(key('intro'))}</p>
          <ul className="feature-list">
            {features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        </EmptyState>
      </section>
    </div>
  );
}
