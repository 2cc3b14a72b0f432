import { TableFrame } from '../../components/Table.js';
import { t } from '../../i18n/index.js';
import type { PnrTraveller } from '../../reservation-types.js';
import { CheckedCountry } from './code-checks.js';
import { addressText, codeLabel, DateText, Text, travellerName } from './pnr-format.js';

/** A traveller's travel documents (SSR DOCS), visas (DOCO) and addresses (DOCA). */
export function TravellerDocuments({ traveller, masked }: { traveller: PnrTraveller; masked: boolean }) {
  const { documents, visas, addresses } = traveller;
  if (documents.length === 0 && visas.length === 0 && addresses.length === 0) {
    return (
      <p className="muted small">
        {masked ? t('reservation.travellers.documentsMasked') : t('reservation.travellers.noDocuments')}
      </p>
    );
  }
  const name = travellerName(traveller);
  return (
    <>
      {documents.length > 0 && (
        <TableFrame label={t('reservation.documents.title', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('reservation.documents.document')}</th>
              <th scope="col">{t('reservation.documents.issuingCountry')}</th>
              <th scope="col">{t('manifest.column.nationality')}</th>
              <th scope="col">{t('reservation.documents.nameOnDocument')}</th>
              <th scope="col">{t('manifest.column.dateOfBirth')}</th>
              <th scope="col">{t('manifest.column.sex')}</th>
              <th scope="col">{t('travellers.document.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document, index) => (
              <tr key={index} data-testid="pnr-document">
                <td className="nowrap">
                  <Text value={document.number} />{' '}
                  <span className="muted">
                    ({codeLabel('reservation.documentType', document.type) || '?'}
                    {document.infant && `, ${t('reservation.documents.infant')}`})
                  </span>
                </td>
                <td>
                  <CheckedCountry code={document.issuingCountry} />
                </td>
                <td>
                  <CheckedCountry code={document.nationality} />
                </td>
                <td>
                  <Text value={[document.surname, document.givenNames].filter(Boolean).join(', ')} />
                </td>
                <td className="nowrap">
                  <DateText value={document.dateOfBirth} />
                </td>
                <td>
                  <Text value={document.sex} />
                </td>
                <td className="nowrap">
                  <DateText value={document.expiryDate} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {visas.length > 0 && (
        <TableFrame label={t('reservation.visas.title', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('reservation.visas.document')}</th>
              <th scope="col">{t('reservation.visas.validFor')}</th>
              <th scope="col">{t('reservation.visas.placeOfIssue')}</th>
              <th scope="col">{t('reservation.visas.issued')}</th>
              <th scope="col">{t('travellers.placeOfBirth')}</th>
            </tr>
          </thead>
          <tbody>
            {visas.map((visa, index) => (
              <tr key={index} data-testid="pnr-visa">
                <td className="nowrap">
                  <Text value={visa.number} />{' '}
                  <span className="muted">
                    ({codeLabel('reservation.visaType', visa.type) || '?'}
                    {visa.infant && `, ${t('reservation.documents.infant')}`})
                  </span>
                </td>
                <td>
                  <CheckedCountry code={visa.applicableCountry} />
                </td>
                <td>
                  <Text value={visa.placeOfIssue} />
                </td>
                <td className="nowrap">
                  <DateText value={visa.issueDate} />
                </td>
                <td>
                  <Text value={visa.placeOfBirth} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {addresses.length > 0 && (
        <p className="small">
          <span className="muted">{t('reservation.travellers.addresses')}:</span>{' '}
          {addresses.map((address, index) => (
            <span key={index}>
              {index > 0 && ' · '}
              <Text value={addressText(address)} />
              {address.purposeCode && (
                <span className="muted">
                  {' '}
                  ({codeLabel('reservation.addressPurpose', address.purposeCode)})
                </span>
              )}
            </span>
          ))}
        </p>
      )}
    </>
  );
}
