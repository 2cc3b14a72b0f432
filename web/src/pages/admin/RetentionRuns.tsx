import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback.js';
import { TableFrame } from '../../components/Table.js';
import { formatInstant, formatNumber } from '../../format.js';
import type { ApiState } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { RetentionRun } from '../../reservation-types.js';

/** Every recorded run of the retention policy (GET /retention/runs), newest first, with what it did. */
export function RetentionRuns({ runs }: { runs: ApiState<{ items: RetentionRun[] }> }) {
  const items = runs.data?.items;
  return (
    <section className="panel" aria-labelledby="retention-runs-heading" data-testid="retention-runs">
      <h2 id="retention-runs-heading" className="panel-title">
        {t('retention.runs.title')}
      </h2>
      <ErrorBanner error={runs.error} onRetry={runs.reload} />
      {runs.loading && !items && <Loading />}
      {items && items.length === 0 && <EmptyState title={t('retention.runs.none')} />}
      {items && items.length > 0 && (
        <TableFrame label={t('retention.runs.label')} busy={runs.loading}>
          <thead>
            <tr>
              <th scope="col">{t('retention.runs.ranAt')}</th>
              <th scope="col">{t('retention.asOf')}</th>
              <th scope="col">{t('retention.runs.trigger')}</th>
              <th scope="col">{t('retention.runs.settings')}</th>
              <th scope="col" className="numeric">
                {t('retention.runs.masked')}
              </th>
              <th scope="col" className="numeric">
                {t('retention.runs.deleted')}
              </th>
              <th scope="col" className="numeric">
                {t('retention.runs.held')}
              </th>
              <th scope="col" className="numeric">
                {t('retention.runs.messages')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((run) => (
              <tr key={run.id} data-testid="retention-run-row" data-trigger={run.trigger}>
                <td className="nowrap">{formatInstant(run.ranAt)}</td>
                <td className="nowrap">{run.asOf}</td>
                <td>
                  {run.trigger === 'admin'
                    ? t('retention.trigger.admin', { name: run.actorName })
                    : t(`retention.trigger.${run.trigger}`)}
                </td>
                <td>
                  {t('retention.runs.settingsValue', {
                    months: run.maskAfterMonths,
                    years: run.deleteAfterYears,
                  })}
                </td>
                <td className="numeric" data-testid="run-masked">
                  {formatNumber(run.masked)}
                </td>
                <td className="numeric" data-testid="run-deleted">
                  {formatNumber(run.deleted)}
                </td>
                <td className="numeric">{formatNumber(run.held)}</td>
                <td className="numeric">
                  {formatNumber(run.messagesSealed)} / {formatNumber(run.messagesDeleted)}
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </section>
  );
}
