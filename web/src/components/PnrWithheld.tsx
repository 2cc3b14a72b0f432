import { t } from '../i18n/index.js';

/** What the server sends where a PNR value was, to a role that may not see PNR data (src/access/pnr-visibility.ts). */
export interface PnrWithheldMarker {
  withheld: 'pnr';
}

export const isPnrWithheld = (value: unknown): value is PnrWithheldMarker =>
  typeof value === 'object' && value !== null && (value as { withheld?: unknown }).withheld === 'pnr';

/** Says that a PNR value is withheld, where the value would be. */
export function PnrWithheld() {
  return (
    <span className="muted pnr-withheld" data-testid="pnr-withheld">
      {t('pnr.withheld')}
    </span>
  );
}

/** A value that may be withheld: the value, or the notice. */
export function PnrText({ value }: { value: string | PnrWithheldMarker }) {
  return isPnrWithheld(value) ? <PnrWithheld /> : <>{value}</>;
}
