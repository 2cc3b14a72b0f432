import { handlerOutcome } from './handler-outcome.js';
import type { FormatHandler } from '../messages/model.js';
import { parsePnrgov } from './pnrgov.js';
import type { ParsedPnrgovInterchange } from './pnrgov-model.js';
import { storePnrgov } from './reservation-store.js';

export const pnrgovHandler: FormatHandler<ParsedPnrgovInterchange> = {
  format: 'PNRGOV',
  parse(text) {
    const parsed = parsePnrgov(text);
    const usable = parsed.messages.some((message) => message.reservations.length > 0);
    return handlerOutcome(parsed, usable, 'The PNR message holds no reservation');
  },
  store: storePnrgov,
};
