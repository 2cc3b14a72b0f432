import type { ReactNode } from 'react';
import { Fact, Facts } from '../../components/Facts.js';
import { CountryCode } from '../../components/Jurisdiction.js';
import { TableFrame } from '../../components/Table.js';
import { formatDate } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { EntryContent } from '../../watchlist-types.js';
import { severityLabel } from './labels.js';

/** Everything an entry says: names, identity, listing and documents. Also shows a past version. */
export function EntryDetails({ entry, compact }: { entry: EntryContent; compact?: boolean }) {
  const person = entry.kind === 'person';
  const Section = compact ? CompactSection : PanelSection;
  return (
    <div
      className={compact ? 'entry-snapshot' : 'columns'}
      data-testid={compact ? 'entry-snapshot' : 'entry-details'}
    >
      <Section title={t('entry.names')}>
        <Facts label={t('entry.names')}>
          <Fact label={t('entry.primaryName')} wide>
            <span dir="auto" data-testid="entry-primary-name">
              {entry.primaryName}
            </span>
          </Fact>
          <Fact label={t('entry.originalScript')} wide>
            {entry.originalScriptNames.length > 0 && (
              <ul className="name-list" data-testid="entry-original-script">
                {entry.originalScriptNames.map((name) => (
                  <li key={name} dir="auto" className="original-script">
                    {name}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <Fact label={t('entry.aliases')} wide>
            {entry.aliases.length > 0 && (
              <ul className="name-list" data-testid="entry-aliases">
                {entry.aliases.map((alias, index) => (
                  <li key={index}>
                    <span dir="auto">{alias.name}</span>
                    {alias.quality && (
                      <span className="muted small">
                        {' '}
                        ({t('entry.aliasQuality', { quality: alias.quality })})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
        </Facts>
      </Section>
      {entry.kind !== 'organisation' && (
        <Section title={t('entry.identity')}>
          <Facts label={t('entry.identity')}>
            {person && (
              <Fact label={t('entry.datesOfBirth')}>
                {entry.datesOfBirth.length > 0 && (
                  <span data-testid="entry-dob">{entry.datesOfBirth.join(', ')}</span>
                )}
              </Fact>
            )}
            {person && <Fact label={t('entry.placesOfBirth')}>{entry.placesOfBirth.join(', ')}</Fact>}
            <Fact label={t('entry.nationalities')}>
              {entry.nationalities.length > 0 &&
                entry.nationalities.map((code, index) => (
                  <span key={code}>
                    {index > 0 && ', '}
                    <CountryCode code={code} />
                  </span>
                ))}
            </Fact>
            {person && (
              <Fact label={t('entry.sex')}>{entry.sex ? t(`entryForm.sex.${entry.sex}`) : null}</Fact>
            )}
          </Facts>
        </Section>
      )}
      <Section title={t('entry.listing')}>
        <Facts label={t('entry.listing')}>
          <Fact label={t('entry.externalId')}>
            <span className="mono">{entry.externalId}</span>
          </Fact>
          <Fact label={t('entry.category')}>{entry.category}</Fact>
          <Fact label={t('entry.severity')}>{severityLabel(entry.severity)}</Fact>
          <Fact label={t('entry.validFrom')}>{entry.validFrom ? formatDate(entry.validFrom) : null}</Fact>
          <Fact label={t('entry.validTo')}>{entry.validTo ? formatDate(entry.validTo) : null}</Fact>
          <Fact label={t('entry.sourceReference')}>{entry.sourceReference}</Fact>
          <Fact label={t('entry.reason')} wide>
            {entry.reason && <span className="pre-line">{entry.reason}</span>}
          </Fact>
        </Facts>
      </Section>
      <Section title={t('entry.documents')}>
        {entry.documents.length === 0 ? (
          <p className="muted">{t('entry.noDocuments')}</p>
        ) : (
          <TableFrame label={t('entry.documents')}>
            <thead>
              <tr>
                <th scope="col">{t('entry.document.type')}</th>
                <th scope="col">{t('entry.document.number')}</th>
                <th scope="col">{t('entry.document.issuingState')}</th>
                <th scope="col">{t('entry.document.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entry.documents.map((document, index) => (
                <tr key={index} data-testid="entry-document">
                  <td>{document.type ?? '—'}</td>
                  <td className="mono">{document.number}</td>
                  <td>
                    <CountryCode code={document.issuingState} />
                  </td>
                  <td>{document.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </TableFrame>
        )}
      </Section>
    </div>
  );
}

function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel">
      <h2 className="panel-title">{title}</h2>
      {children}
    </section>
  );
}

function CompactSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="entry-snapshot-section">
      <h4 className="subsection-title">{title}</h4>
      {children}
    </section>
  );
}
