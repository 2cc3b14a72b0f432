import type { FormatHandler } from '../messages/model.js';
import { parsePnrgov } from './pnrgov.js';
import type { ParsedPnrgovInterchange } from './pnrgov-model.js';
import { storePnrgov } from './reservation-store.js';

export const pnrgovHandler: FormatHandler<ParsedPnrgovInterchange> = {
  format: 'PNRGOV',
  parse(text) {
    const parsed = parsePnrgov(text);
    return { errors: parsed.errors, warnings: parsed.warnings, parsed };
  },
  store: storePnrgov,
};
