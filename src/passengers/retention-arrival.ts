import type { ParseIssue } from '../edifact/index.js';
import type { ParsedPnrgovInterchange, PnrReservation } from './pnrgov-model.js';
import { lastFlightDateOf } from './reservation-facts.js';
import { retentionCutoffs, type RetentionPolicy } from './retention.js';

/** The key a reservation is stored under in one push (reservation-store.ts). */
export const reservationKeyOf = (reservation: PnrReservation) =>
  `${reservation.owningCarrier ?? ''}|${reservation.recordLocator ?? ''}`;

const named = (reservation: PnrReservation) =>
  `Reservation ${[reservation.owningCarrier, reservation.recordLocator].filter(Boolean).join(' ')}`;

const issue = (reservation: PnrReservation, code: string, message: string): ParseIssue => ({
  segment: reservation.startsAt.segment,
  line: reservation.startsAt.line,
  column: reservation.startsAt.column,
  tag: 'SRC',
  code,
  message,
});

/**
 * The retention periods applied to a push as it arrives, as the hourly run would apply them a
 * moment later (src/passengers/retention.ts): a reservation whose last flight is already past the
 * deletion period is not taken in; one past the depersonalisation period is stored masked at once.
 * When no reservation of the interchange is left, the message is rejected with one error per
 * reservation saying why (the message is kept, as every rejected message is); otherwise the
 * refused ones are left out, each named in a warning.
 */
export function applyRetentionOnArrival(
  parsed: ParsedPnrgovInterchange,
  policy: RetentionPolicy,
  asOf: Date,
): {
  parsed: ParsedPnrgovInterchange;
  errors: ParseIssue[];
  warnings: ParseIssue[];
  maskOnArrival: Set<string>;
} {
  const { maskedBefore, deletedBefore } = retentionCutoffs(asOf, policy);
  const refused: ParseIssue[] = [];
  const masked: ParseIssue[] = [];
  const maskOnArrival = new Set<string>();
  let kept = 0;
  const messages = parsed.messages.map((message) => ({
    ...message,
    reservations: message.reservations.filter((reservation) => {
      const last = lastFlightDateOf(reservation);
      if (last !== null && last < deletedBefore) {
        refused.push(
          issue(
            reservation,
            'past-retention',
            `${named(reservation)} is not taken in: its last flight (${last}) is more than ${policy.deleteAfterYears} years ago ` +
              `(PNR_DELETE_AFTER_YEARS), so PNR data of it must already be deleted`,
          ),
        );
        return false;
      }
      if (last !== null && last < maskedBefore) {
        maskOnArrival.add(reservationKeyOf(reservation));
        masked.push(
          issue(
            reservation,
            'masked-on-arrival',
            `${named(reservation)} is stored depersonalised: its last flight (${last}) is more than ` +
              `${policy.maskAfterMonths} months ago (PNR_MASK_AFTER_MONTHS)`,
          ),
        );
      }
      if (reservation.recordLocator) kept += 1;
      return true;
    }),
  }));
  if (refused.length === 0) return { parsed, errors: [], warnings: masked, maskOnArrival };
  if (kept === 0) return { parsed, errors: refused, warnings: [], maskOnArrival: new Set() };
  return { parsed: { ...parsed, messages }, errors: [], warnings: [...refused, ...masked], maskOnArrival };
}
