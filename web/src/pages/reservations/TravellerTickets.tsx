import { TableFrame } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import type { PnrTraveller } from '../../reservation-types.js';
import { codeLabel, DateText, Text, travellerName } from './pnr-format.js';

/** A traveller's tickets: number, issue, validating carrier, fare and taxes. */
export function TravellerTickets({ traveller }: { traveller: PnrTraveller }) {
  if (traveller.tickets.length === 0) return null;
  return (
    <TableFrame label={t('reservation.tickets.title', { name: travellerName(traveller) })}>
      <thead>
        <tr>
          <th scope="col">{t('reservation.tickets.number')}</th>
          <th scope="col">{t('reservation.tickets.issued')}</th>
          <th scope="col">{t('reservation.tickets.issuePlace')}</th>
          <th scope="col">{t('reservation.tickets.validatingCarrier')}</th>
          <th scope="col">{t('reservation.tickets.fare')}</th>
          <th scope="col">{t('reservation.tickets.taxes')}</th>
          <th scope="col">{t('reservation.tickets.pricing')}</th>
        </tr>
      </thead>
      <tbody>
        {traveller.tickets.map((ticket, index) => (
          <tr key={index} data-testid="traveller-ticket">
            <td className="nowrap">
              <Text value={ticket.number} />
              {ticket.documentType && (
                <span className="muted"> ({codeLabel('reservation.ticketType', ticket.documentType)})</span>
              )}
            </td>
            <td className="nowrap">
              <DateText value={ticket.issuedAt} />
            </td>
            <td>
              <Text value={ticket.issuePlace} />
            </td>
            <td>
              <Text value={ticket.validatingCarrier} />
            </td>
            <td className="nowrap">
              {ticket.amounts.length === 0 && <span className="muted">—</span>}
              {ticket.amounts.map((amount, amountIndex) => (
                <span key={amountIndex} className="block">
                  <span className="muted">
                    {amount.qualifier
                      ? codeLabel('reservation.amount', amount.qualifier)
                      : t('reservation.amount.unlabelled')}
                    :
                  </span>{' '}
                  {amount.amountText}{' '}
                  {amount.currency ?? <span className="muted">{t('reservation.amount.noCurrency')}</span>}
                </span>
              ))}
            </td>
            <td>
              {ticket.taxes.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <span title={ticket.taxes.map((tax) => `${tax.code ?? '?'} ${tax.amountText}`).join(', ')}>
                  {t('reservation.tickets.taxCount', { count: ticket.taxes.length })}
                  <span className="muted"> ({ticket.taxes.map((tax) => tax.code ?? '?').join(', ')})</span>
                </span>
              )}
            </td>
            <td>
              {ticket.pricingIndicator ? (
                <abbr title={codeLabel('reservation.pricing', ticket.pricingIndicator)}>
                  {ticket.pricingIndicator}
                </abbr>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
