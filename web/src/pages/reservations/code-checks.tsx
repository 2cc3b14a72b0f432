import { createContext, useContext, type ReactNode } from 'react';
import { CountryCode } from '../../components/Jurisdiction.js';
import { t } from '../../i18n/index.js';
import type { ReservationChecks } from '../../reservation-types.js';

/** Codes of the shown version that the reference lists do not hold, as "country:0", "airport:XYZ". */
const UnlistedCodes = createContext<ReadonlySet<string>>(new Set());

export function UnlistedCodesProvider({
  checks,
  children,
}: {
  checks: ReservationChecks | null | undefined;
  children: ReactNode;
}) {
  const codes = new Set((checks?.unlistedCodes ?? []).map((found) => `${found.kind}:${found.code}`));
  return <UnlistedCodes.Provider value={codes}>{children}</UnlistedCodes.Provider>;
}

function InvalidCode({ label }: { label: string }) {
  return (
    <span className="badge badge-danger" data-testid="invalid-code" title={label}>
      {label}
    </span>
  );
}

/** A country code as sent, or a badge when no country has it (a nationality "0" is not a country). */
export function CheckedCountry({ code }: { code: string | null | undefined }) {
  const unlisted = useContext(UnlistedCodes);
  if (code && unlisted.has(`country:${code}`))
    return <InvalidCode label={t('reservation.code.invalid', { code })} />;
  return <CountryCode code={code} />;
}

/** An airport code as sent, marked when the airport list does not hold it. */
export function CheckedAirport({ code }: { code: string | null | undefined }) {
  const unlisted = useContext(UnlistedCodes);
  if (code && unlisted.has(`airport:${code}`))
    return <InvalidCode label={t('reservation.code.unlistedAirport', { code })} />;
  return <>{code ?? '—'}</>;
}
