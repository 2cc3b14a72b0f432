import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { CountBadge } from '../../components/StatusBadge.js';
import { TableFrame } from '../../components/Table.js';
import { formatInstant, formatNumber } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { ImportRecord } from '../../watchlist-types.js';
import { Issues } from './ImportReportView.js';

/** Imports as a table; each row with errors or warnings opens them below it. */
export function ImportsTable({
  imports,
  busy,
  listNames,
}: {
  imports: ImportRecord[];
  busy?: boolean;
  /** When given, a column names each import's list. */
  listNames?: Map<string, string>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const columns = listNames ? 8 : 7;
  return (
    <TableFrame label={t('imports.title')} busy={busy}>
      <thead>
        <tr>
          <th scope="col">{t('imports.column.at')}</th>
          {listNames && <th scope="col">{t('imports.column.list')}</th>}
          <th scope="col">{t('imports.column.file')}</th>
          <th scope="col">{t('imports.column.format')}</th>
          <th scope="col">{t('imports.column.status')}</th>
          <th scope="col" className="numeric">
            {t('imports.column.counts')}
          </th>
          <th scope="col" className="numeric">
            {t('imports.column.issues')}
          </th>
          <th scope="col">{t('imports.column.by')}</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((record) => {
          const issues = record.errors.length + record.warnings.length;
          const expanded = open === record.id;
          return (
            <Fragment key={record.id}>
              <tr data-testid="import-row" data-status={record.status}>
                <td className="nowrap">{formatInstant(record.importedAt)}</td>
                {listNames && (
                  <td>
                    {record.watchlistId ? (
                      <Link to={`/watchlists/${record.watchlistId}`}>
                        {listNames.get(record.watchlistId) ?? record.watchlistId}
                      </Link>
                    ) : (
                      <span className="muted">{t('imports.noList')}</span>
                    )}
                  </td>
                )}
                <td className="break-anywhere">{record.fileName || t('imports.untitled')}</td>
                <td>{t(`imports.format.${record.format}`)}</td>
                <td>
                  <span className={`badge badge-${record.status === 'applied' ? 'success' : 'danger'}`}>
                    {t(`imports.status.${record.status}`)}
                  </span>
                </td>
                <td className="numeric nowrap">
                  {formatNumber(record.counts.added)} / {formatNumber(record.counts.updated)} /{' '}
                  {formatNumber(record.counts.deactivated)}
                </td>
                <td className="numeric">
                  <CountBadge count={record.errors.length} tone="danger" label={t('imports.column.issues')} />
                  {issues > 0 && (
                    <button
                      type="button"
                      className="link-button small badge-spaced-left"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : record.id)}
                    >
                      {t('imports.showErrors', { count: issues })}
                    </button>
                  )}
                </td>
                <td>{record.importedBy}</td>
              </tr>
              {expanded && (
                <tr className="subrow">
                  <td colSpan={columns}>
                    <Issues issues={record.errors} tone="error" />
                    <Issues issues={record.warnings} tone="warning" />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </TableFrame>
  );
}
