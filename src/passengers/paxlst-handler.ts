import { ingestOutcome } from '../edifact/index.js';
import type { FormatHandler } from '../messages/model.js';
import { parsePaxlst } from './paxlst.js';
import type { ParsedPaxlstInterchange } from './paxlst-model.js';
import { storePaxlst } from './paxlst-store.js';

export const paxlstHandler: FormatHandler<ParsedPaxlstInterchange> = {
  format: 'PAXLST',
  parse(text) {
    const parsed = parsePaxlst(text);
    const usable = parsed.messages.some(
      (message) => message.legs.length > 0 || message.travellers.length > 0,
    );
    return ingestOutcome(parsed, usable, 'The passenger list holds no flight leg and no traveller');
  },
  store: storePaxlst,
};
