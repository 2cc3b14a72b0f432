import { mayReadPnr, PNR_WITHHELD } from '../access/pnr-visibility.js';
import { ingestOutcome } from '../edifact/index.js';
import type { FormatHandler } from '../messages/model.js';
import { parsePnrgov } from './pnrgov.js';
import type { ParsedPnrgovInterchange } from './pnrgov-model.js';
import { storePnrgov } from './reservation-store.js';
import { applyRetentionOnArrival } from './retention-arrival.js';
import { maskReservation, sealMessage, type RetentionPolicy } from './retention.js';

/** A parsed push with the reservations to store depersonalised at once (past the masking period). */
export interface PnrgovPush {
  interchange: ParsedPnrgovInterchange;
  maskOnArrival: Set<string>;
}

/**
 * The PNRGOV format. With a retention policy, the periods apply on arrival too
 * (retention-arrival.ts); without one (benchmarks, training data loaded with
 * PNR_ACCEPT_EXPIRED), reservations are stored as they come.
 */
export function createPnrgovHandler(
  options: { retention?: RetentionPolicy; now?: () => Date } = {},
): FormatHandler<PnrgovPush> {
  const now = options.now ?? (() => new Date());
  return {
    format: 'PNRGOV',
    // The raw message is PNR data: its text and what its issues quote of it.
    restricted: { mayRead: mayReadPnr, withheld: PNR_WITHHELD, withheldIssue: 'PNR data withheld' },
    parse(text) {
      const parsed = parsePnrgov(text);
      const usable = parsed.messages.some((message) => message.reservations.length > 0);
      const outcome = ingestOutcome(parsed, usable, 'The PNR message holds no reservation');
      const push = { interchange: parsed, maskOnArrival: new Set<string>() };
      if (!options.retention || outcome.errors.length > 0) return { ...outcome, parsed: push };
      const retained = applyRetentionOnArrival(parsed, options.retention, now());
      return {
        errors: retained.errors,
        warnings: [...outcome.warnings, ...retained.warnings],
        partial: outcome.partial,
        parsed: { interchange: retained.parsed, maskOnArrival: retained.maskOnArrival },
      };
    },
    async store(push, context) {
      const stored = await storePnrgov(push.interchange, context);
      if (push.maskOnArrival.size > 0) {
        const at = now();
        for (const [index, key] of stored.reservationKeys.entries())
          if (push.maskOnArrival.has(key))
            await maskReservation(context.trx, stored.reservationIds[index]!, at.toISOString());
        // The raw message holds the same personal data: sealed with them when all of it is masked.
        if (stored.reservationKeys.every((key) => push.maskOnArrival.has(key)))
          await sealMessage(context.trx, context.messageId, at.toISOString().slice(0, 10));
      }
      return [
        { kind: 'flight', ids: stored.flightIds },
        { kind: 'reservation', ids: stored.reservationIds },
        { kind: 'booked-traveller', ids: stored.bookedTravellerIds },
      ];
    },
  };
}

export const pnrgovHandler = createPnrgovHandler();
