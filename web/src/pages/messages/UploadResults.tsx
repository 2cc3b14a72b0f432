import { Link } from 'react-router-dom';
import { StatusBadge } from '../../components/StatusBadge.js';
import { t } from '../../i18n/index.js';
import type { MessageResult } from '../../types.js';
import { IssueList } from './IssueList.js';

/** What became of each uploaded file: parsed, partial (cut off), rejected (with its errors) or a duplicate. */
export function UploadResults({ results }: { results: MessageResult[] }) {
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return (
    <div className="upload-results" data-testid="upload-results">
      <p className="upload-summary" role="status">
        {t('messages.upload.summary', {
          count: results.length,
          parsed: count('parsed'),
          partial: count('partial'),
          rejected: count('rejected'),
          duplicate: count('duplicate'),
        })}
      </p>
      <div className="table-frame">
        <table className="table" aria-label={t('messages.upload.resultsLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('messages.column.file')}</th>
              <th scope="col">{t('messages.column.format')}</th>
              <th scope="col">{t('messages.column.status')}</th>
              <th scope="col" className="numeric">
                {t('messages.column.travellers')}
              </th>
              <th scope="col" className="numeric">
                {t('messages.column.flights')}
              </th>
              <th scope="col" className="numeric">
                {t('messages.column.errors')}
              </th>
              <th scope="col" className="numeric">
                {t('messages.column.warnings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((result, index) => (
              <UploadResultRow key={`${result.id}-${index}`} result={result} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function UploadResultRow({ result }: { result: MessageResult }) {
  const issues = result.errors.length + result.warnings.length;
  return (
    <>
      <tr data-testid="upload-result" data-status={result.status} data-filename={result.filename ?? ''}>
        <td>
          {result.id ? (
            <Link to={`/messages/${result.id}`}>{result.filename || t('messages.untitled')}</Link>
          ) : (
            result.filename || t('messages.untitled')
          )}
        </td>
        <td>{result.format === 'unknown' ? t('messages.format.unknown') : result.format}</td>
        <td>
          <StatusBadge status={result.status} />
        </td>
        <td className="numeric">{result.travellers}</td>
        <td className="numeric">
          {result.flights.length === 1 ? (
            <Link to={`/flights/${result.flights[0]}`}>1</Link>
          ) : (
            result.flights.length
          )}
        </td>
        <td className="numeric">{result.errors.length}</td>
        <td className="numeric">{result.warnings.length}</td>
      </tr>
      {issues > 0 && (
        <tr className="subrow">
          <td colSpan={7}>
            <details open={result.status === 'rejected'}>
              <summary>{t('messages.upload.showIssues', { count: issues })}</summary>
              <IssueList errors={result.errors} warnings={result.warnings} />
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
