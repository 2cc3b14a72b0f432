import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TableFrame } from '../../components/Table.js';
import { formatInstant, formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ImportChangeKind, ImportCounts, ImportIssue, ImportReport } from '../../watchlist-types.js';
import { fieldLabel } from './fields.js';
import { kindLabel } from './labels.js';

const COUNT_KEYS: (keyof ImportCounts)[] = [
  'total',
  'added',
  'updated',
  'unchanged',
  'reactivated',
  'deactivated',
];

const STATUS_BANNERS = {
  preview: 'banner-info',
  applied: 'banner-success',
  rejected: 'banner-error',
} as const;

/** What an import would do (preview) or did: counts per list, errors, warnings and the changes. */
export function ImportReportView({
  report,
  onDownloadChanges,
  downloading,
}: {
  report: ImportReport;
  /** Saves every change as CSV (a preview: the report lists the first 500). */
  onDownloadChanges?: () => void;
  downloading?: boolean;
}) {
  return (
    <div className="import-report" data-testid="import-report" data-status={report.status}>
      <div className={`banner ${STATUS_BANNERS[report.status]}`} role="status" data-testid="import-status">
        <div className="banner-text">
          <strong>{t(`import.status.${report.status}`)}</strong>
          {report.generatedAt && <> {t('import.generatedAt', { at: formatInstant(report.generatedAt) })}</>}
        </div>
      </div>

      <TableFrame label={t('import.counts')}>
        <thead>
          <tr>
            <th scope="col">{t('import.changeList')}</th>
            {COUNT_KEYS.map((key) => (
              <th key={key} scope="col" className="numeric">
                {t(`import.count.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.lists.map((list) => (
            <tr key={list.name} data-testid="import-counts" data-list={list.name}>
              <th scope="row">
                {list.id ? <Link to={`/watchlists/${list.id}`}>{list.name}</Link> : list.name}{' '}
                <span className="muted small">
                  {kindLabel(list.kind)}
                  {!list.id && <> · {t('import.newList')}</>}
                </span>
              </th>
              {COUNT_KEYS.map((key) => (
                <td
                  key={key}
                  className={`numeric count-${key}${list.counts[key] > 0 ? ' count-nonzero' : ''}`}
                  data-count={key}
                >
                  {formatNumber(list.counts[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableFrame>

      <Issues issues={report.errors} tone="error" />
      <Issues issues={report.warnings} tone="warning" />
      {report.status !== 'rejected' && (
        <Changes report={report} onDownload={onDownloadChanges} downloading={downloading} />
      )}
    </div>
  );
}

export function Issues({ issues, tone }: { issues: ImportIssue[]; tone: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  const title = tone === 'error' ? 'import.errors' : 'import.warnings';
  return (
    <section className={`import-issues import-issues-${tone}`} data-testid={`import-${tone}s`}>
      <h3 className="subsection-title">{t(title, { count: issues.length })}</h3>
      <TableFrame label={t(title, { count: issues.length })}>
        <thead>
          <tr>
            <th scope="col">{t('import.where')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={index} data-testid={`import-${tone}`}>
              <td className="nowrap issue-where">{issue.where}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
    </section>
  );
}

/** Changes shown before "Show all": a UN list re-import can change hundreds of entries. */
const FIRST_CHANGES = 25;
const CHANGE_TONES: Record<ImportChangeKind, string> = {
  added: 'success',
  updated: 'info',
  reactivated: 'warning',
  deactivated: 'danger',
  unchanged: 'neutral',
};

function Changes({
  report,
  onDownload,
  downloading,
}: {
  report: ImportReport;
  onDownload?: () => void;
  downloading?: boolean;
}) {
  const [expanded, setExpanded] = useState(false);
  const { changes } = report;
  const total = changes.length + report.changesOmitted;
  const shown = expanded ? changes : changes.slice(0, FIRST_CHANGES);
  const severalLists = report.lists.length > 1;
  const cut = report.changesOmitted > 0;
  return (
    <section data-testid="import-changes">
      <h3 className="subsection-title" data-testid="import-changes-heading">
        {cut
          ? t('import.changesFirst', { shown: changes.length, count: total })
          : t('import.changes', { count: total })}
      </h3>
      {changes.length === 0 ? (
        <p className="muted">{t('import.changesNone')}</p>
      ) : (
        <TableFrame label={t('import.changes', { count: total })}>
          <thead>
            <tr>
              <th scope="col">{t('import.change')}</th>
              {severalLists && <th scope="col">{t('import.changeList')}</th>}
              <th scope="col">{t('import.changeId')}</th>
              <th scope="col">{t('import.changeName')}</th>
              <th scope="col">{t('import.changeFields')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((change, index) => (
              <tr key={index} data-testid="import-change" data-change={change.change}>
                <td>
                  <span className={`badge badge-${CHANGE_TONES[change.change]}`}>
                    {t(`import.change.${change.change}`)}
                  </span>
                </td>
                {severalLists && <td className="small">{change.list}</td>}
                <td className="nowrap mono">{change.externalId}</td>
                <td dir="auto">{change.name}</td>
                <td className="small">{change.fields?.map(fieldLabel).join(', ') ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {changes.length > FIRST_CHANGES && (
        <button
          type="button"
          className="link-button small"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded
            ? t('import.showFewer')
            : cut
              ? t('import.showListed', { count: changes.length })
              : t('import.showAll', { count: changes.length })}
        </button>
      )}
      {cut && (
        <p className="muted small" data-testid="import-changes-omitted">
          {t('import.changesOmitted', { count: report.changesOmitted })}{' '}
          {onDownload && (
            <button
              type="button"
              className="link-button"
              disabled={downloading}
              data-testid="import-changes-download"
              onClick={onDownload}
            >
              {downloading ? t('common.working') : t('import.downloadAll', { count: total })}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
