import type { FormatHandler } from '../messages/model.js';
import { parsePaxlst } from './paxlst.js';
import type { ParsedPaxlstInterchange } from './paxlst-model.js';
import { storePaxlst } from './paxlst-store.js';

export const paxlstHandler: FormatHandler<ParsedPaxlstInterchange> = {
  format: 'PAXLST',
  parse(text) {
    const parsed = parsePaxlst(text);
    return { errors: parsed.errors, warnings: parsed.warnings, parsed };
  },
  store: storePaxlst,
};
