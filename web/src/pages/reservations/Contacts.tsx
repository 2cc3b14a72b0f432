import { TableFrame } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import type { PnrReservation } from '../../reservation-types.js';
import { travellerAnchor } from './Travellers.js';
import {
  addressText,
  amountText,
  codeLabel,
  holderIsNoTraveller,
  Text,
  travellerName,
} from './pnr-format.js';

/** Who a part of the reservation belongs to: a traveller (linked to the card) or the whole booking. */
export function TravellerRef({
  sequence,
  reservation,
}: {
  sequence: number | null;
  reservation: PnrReservation;
}) {
  if (sequence === null) return <span className="muted">{t('reservation.wholeBooking')}</span>;
  const traveller = reservation.travellers.find((candidate) => candidate.sequence === sequence);
  if (!traveller) return <span className="muted">#{sequence}</span>;
  return (
    <a href={`#${travellerAnchor(sequence)}`}>
      <Text value={travellerName(traveller)} />
    </a>
  );
}

/** Phones (with their type), e-mail addresses and postal addresses of the booking. */
export function ContactsPanel({ reservation, masked }: { reservation: PnrReservation; masked: boolean }) {
  const { phones, emails, addresses } = reservation.contacts;
  const none = masked ? t('reservation.contacts.masked') : t('reservation.contacts.none');
  return (
    <section className="panel" aria-labelledby="contacts-heading" data-testid="reservation-contacts">
      <h2 id="contacts-heading" className="panel-title">
        {t('reservation.contacts.title')}
      </h2>
      {phones.length === 0 && emails.length === 0 && addresses.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <TableFrame label={t('reservation.contacts.title')}>
          <thead>
            <tr>
              <th scope="col">{t('reservation.contacts.kind')}</th>
              <th scope="col">{t('reservation.contacts.value')}</th>
              <th scope="col">{t('reservation.contacts.source')}</th>
              <th scope="col">{t('reservation.contacts.traveller')}</th>
            </tr>
          </thead>
          <tbody>
            {phones.map((phone, index) => (
              <tr key={`phone-${index}`} data-testid="contact-phone">
                <td className="nowrap">
                  {t('reservation.contacts.phone')}{' '}
                  <span className="muted">({t(`reservation.phoneType.${phone.type}`)})</span>
                </td>
                <td>
                  <span className="nowrap">
                    <Text value={phone.number} />
                  </span>
                  {phone.city && <span className="muted"> · {phone.city}</span>}
                  {phone.note && <span className="muted"> · {phone.note}</span>}
                </td>
                <td>{codeLabel('reservation.source', phone.source)}</td>
                <td>
                  <TravellerRef sequence={phone.travellerSequence} reservation={reservation} />
                </td>
              </tr>
            ))}
            {emails.map((email, index) => (
              <tr key={`email-${index}`} data-testid="contact-email">
                <td>{t('reservation.contacts.email')}</td>
                <td className="break-anywhere">
                  <Text value={email.address} />
                </td>
                <td>{codeLabel('reservation.source', email.source)}</td>
                <td>
                  <TravellerRef sequence={email.travellerSequence} reservation={reservation} />
                </td>
              </tr>
            ))}
            {addresses.map((address, index) => (
              <tr key={`address-${index}`} data-testid="contact-address">
                <td className="nowrap">
                  {t('reservation.contacts.address')}
                  {address.purposeCode && (
                    <span className="muted">
                      {' '}
                      ({codeLabel('reservation.addressPurpose', address.purposeCode)})
                    </span>
                  )}
                </td>
                <td>
                  <Text value={addressText(address)} />
                </td>
                <td>{codeLabel('reservation.source', address.source)}</td>
                <td>
                  <TravellerRef sequence={address.travellerSequence} reservation={reservation} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
    </section>
  );
}

/** Forms of payment: cash and cards of someone who is not travelling are flagged. */
export function PaymentsPanel({ reservation, masked }: { reservation: PnrReservation; masked: boolean }) {
  const { payments, excessBaggage } = reservation;
  return (
    <section className="panel" aria-labelledby="payments-heading" data-testid="reservation-payments">
      <h2 id="payments-heading" className="panel-title">
        {t('reservation.payments.title')}
      </h2>
      {payments.length === 0 ? (
        <p className="muted">{t('reservation.payments.none')}</p>
      ) : (
        <TableFrame label={t('reservation.payments.title')}>
          <thead>
            <tr>
              <th scope="col">{t('reservation.payments.type')}</th>
              <th scope="col">{t('reservation.payments.card')}</th>
              <th scope="col">{t('reservation.payments.holder')}</th>
              <th scope="col" className="numeric">
                {t('reservation.payments.amount')}
              </th>
              <th scope="col">{t('reservation.contacts.traveller')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment, index) => {
              const holder = payment.cardHolder ?? payment.sponsorName;
              const stranger = payment.kind === 'card' && holderIsNoTraveller(holder, reservation.travellers);
              return (
                <tr
                  key={index}
                  data-testid="payment-row"
                  data-kind={payment.kind}
                  className={payment.previous ? 'row-inactive' : undefined}
                >
                  <td className="nowrap">
                    {t(`reservation.paymentKind.${payment.kind}`)}{' '}
                    <span className="muted">({payment.type})</span>
                    {payment.kind === 'cash' && !payment.previous && (
                      <span className="badge badge-warning badge-spaced-left">
                        {t('reservation.indicator.paidInCash')}
                      </span>
                    )}
                    {payment.previous && (
                      <span className="block muted">{t('reservation.payments.previous')}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    {payment.kind === 'card' ? (
                      <>
                        {payment.cardVendor && (
                          <abbr title={codeLabel('reservation.cardVendor', payment.cardVendor)}>
                            {payment.cardVendor}
                          </abbr>
                        )}{' '}
                        <code>
                          <Text value={payment.cardNumber} />
                        </code>
                        {payment.cardExpiryText && (
                          <span className="muted">
                            {' '}
                            · {t('reservation.payments.expires')}{' '}
                            <Text value={payment.cardExpiry ?? payment.cardExpiryText} />
                          </span>
                        )}
                      </>
                    ) : payment.accountNumber ? (
                      <Text value={payment.accountNumber} />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <Text value={holder} />
                    {stranger && (
                      <span className="badge badge-warning badge-spaced-left" data-testid="card-of-another">
                        {t('reservation.payments.notATraveller')}
                      </span>
                    )}
                    {(payment.sponsorPhone || payment.sponsorAddress) && (
                      <span className="block muted small">
                        <Text
                          value={[payment.sponsorPhone, payment.sponsorAddress].filter(Boolean).join(' · ')}
                        />
                      </span>
                    )}
                  </td>
                  <td className="numeric nowrap">
                    <Text value={amountText(payment.amountText, null)} />
                  </td>
                  <td>
                    <TravellerRef sequence={payment.travellerSequence} reservation={reservation} />
                    {payment.ticketNumber && (
                      <span className="block muted small">
                        {t('reservation.payments.ticket')} <Text value={payment.ticketNumber} />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      )}
      {masked && payments.length > 0 && <p className="muted small">{t('reservation.payments.masked')}</p>}
      {excessBaggage.length > 0 && (
        <p className="small" data-testid="excess-baggage">
          <span className="muted">{t('reservation.payments.excessBaggage')}:</span>{' '}
          {excessBaggage
            .map((excess) =>
              [
                excess.count !== null ? t('reservation.bags.count', { count: excess.count }) : null,
                excess.amount !== null ? `${excess.amount} ${excess.currency ?? ''}`.trim() : null,
              ]
                .filter(Boolean)
                .join(', '),
            )
            .join(' · ')}
        </p>
      )}
    </section>
  );
}
