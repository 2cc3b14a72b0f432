import { Link } from 'react-router-dom';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { StatusBadge, CountBadge } from '../../components/StatusBadge.js';
import { optionsOf, SelectFilter } from '../../components/Filters.js';
import { FilterBar, Pagination, SortHeader, TableFrame } from '../../components/Table.js';
import { formatBytes, formatInstant } from '../../format.js';
import { useApi } from '../../hooks/useApi.js';
import { useQueryState } from '../../hooks/useQueryState.js';
import { t } from '../../i18n/index.js';
import type { MessageSummary, Page } from '../../types.js';
import { RetentionStatement } from './RetentionStatement.js';
import { UploadPanel } from './UploadPanel.js';

const PAGE_SIZE = 50;
/*
 * No "duplicate" filter: a duplicate is recognised at upload and never stored, so the list holds
 * none (the server refuses status=duplicate). The upload results show duplicates.
 */
const STATUSES = ['parsed', 'partial', 'rejected'] as const;
const FORMATS = ['PAXLST', 'PNRGOV', 'unknown'] as const;

export function MessagesPage() {
  const [query, setQuery] = useQueryState({ status: '', format: '', sort: '-receivedAt', page: '1' });
  const page = Math.max(1, Number(query.page) || 1);
  const messages = useApi<Page<MessageSummary>>('/messages', {
    status: query.status,
    format: query.format,
    sort: query.sort,
    page,
    pageSize: PAGE_SIZE,
  });
  const filtered = query.status !== '' || query.format !== '';

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.messages')}</h1>
        <p className="page-lead">{t('messages.lead')}</p>
        <RetentionStatement />
      </header>

      <UploadPanel onUploaded={messages.reload} />

      <section className="panel" aria-labelledby="messages-list-heading">
        <h2 id="messages-list-heading" className="panel-title">
          {t('messages.list.title')}
        </h2>
        <FilterBar label={t('messages.list.filters')}>
          <SelectFilter
            id="messages-status"
            label={t('messages.filter.status')}
            value={query.status}
            options={optionsOf(STATUSES, (status) => t(`status.${status}`))}
            onChange={(status) => setQuery({ status })}
          />
          <SelectFilter
            id="messages-format"
            label={t('messages.filter.format')}
            value={query.format}
            options={optionsOf(FORMATS, (format) =>
              format === 'unknown' ? t('messages.format.unknown') : format,
            )}
            onChange={(format) => setQuery({ format })}
          />
          {filtered && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setQuery({ status: '', format: '' })}
            >
              {t('actions.clearFilters')}
            </button>
          )}
        </FilterBar>

        <ErrorBanner error={messages.error} onRetry={messages.reload} />
        {messages.loading && !messages.data && <Loading />}
        {messages.data && messages.data.items.length === 0 && (
          <EmptyState title={filtered ? t('messages.empty.filteredTitle') : t('messages.empty.title')}>
            <p>{filtered ? t('messages.empty.filteredBody') : t('messages.empty.body')}</p>
          </EmptyState>
        )}
        {messages.data && messages.data.items.length > 0 && (
          <>
            <TableFrame label={t('messages.list.title')} busy={messages.loading}>
              <thead>
                <tr>
                  <SortHeader
                    label={t('messages.column.received')}
                    sortKey="receivedAt"
                    sort={query.sort}
                    onSort={(sort) => setQuery({ sort })}
                    firstDescending
                  />
                  <SortHeader
                    label={t('messages.column.file')}
                    sortKey="filename"
                    sort={query.sort}
                    onSort={(sort) => setQuery({ sort })}
                  />
                  <th scope="col">{t('messages.column.format')}</th>
                  <SortHeader
                    label={t('messages.column.status')}
                    sortKey="status"
                    sort={query.sort}
                    onSort={(sort) => setQuery({ sort })}
                  />
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
                  <th scope="col" className="numeric">
                    {t('messages.column.size')}
                  </th>
                  <th scope="col">{t('messages.column.receivedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {messages.data.items.map((message) => (
                  <MessageRow key={message.id} message={message} />
                ))}
              </tbody>
            </TableFrame>
            <Pagination
              page={messages.data.page}
              pageSize={messages.data.pageSize}
              total={messages.data.total}
              onPage={(next) => setQuery({ page: String(next) })}
            />
          </>
        )}
      </section>
    </div>
  );
}

function MessageRow({ message }: { message: MessageSummary }) {
  return (
    <tr data-testid="message-row" data-status={message.status}>
      <td className="nowrap">{formatInstant(message.receivedAt)}</td>
      <td>
        <Link to={`/messages/${message.id}`}>{message.filename || t('messages.untitled')}</Link>
      </td>
      <td>{message.format === 'unknown' ? t('messages.format.unknown') : message.format}</td>
      <td>
        <StatusBadge status={message.status} />
      </td>
      <td className="numeric">{message.travellers}</td>
      <td className="numeric">{message.flights.length}</td>
      <td className="numeric">
        <CountBadge count={message.errorCount} tone="danger" label={t('messages.column.errors')} />
      </td>
      <td className="numeric">
        <CountBadge count={message.warningCount} tone="warning" label={t('messages.column.warnings')} />
      </td>
      <td className="numeric nowrap">{formatBytes(message.sizeBytes)}</td>
      <td>{message.receivedBy}</td>
    </tr>
  );
}
