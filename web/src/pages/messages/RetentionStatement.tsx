import { useApi } from '../../hooks/useApi.js';
import { t } from '../../i18n/index.js';
import type { RetentionPolicy } from '../../reservation-types.js';

/** How long what is received is kept, with the periods in force on the server (GET /retention/policy). */
export function RetentionStatement() {
  const policy = useApi<RetentionPolicy>('/retention/policy');
  if (!policy.data) return null;
  const { pnr, apiDeleteAfterYears } = policy.data;
  const numbers = { months: pnr.maskAfterMonths, years: pnr.deleteAfterYears };
  return (
    <p className="page-lead" data-testid="retention-statement">
      {pnr.appliesOnArrival
        ? t('messages.retention', numbers)
        : t('messages.retentionAcceptsExpired', numbers)}{' '}
      {apiDeleteAfterYears === null
        ? t('messages.retentionApi')
        : t('messages.retentionApiYears', { years: apiDeleteAfterYears })}
    </p>
  );
}
