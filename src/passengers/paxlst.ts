import {
  readInterchangeMessages,
  type EdifactFormat,
  type ReadInterchangeMessagesOptions,
} from '../edifact/index.js';
import { PAXLST_BOUNDS } from './element-bounds.js';
import { mapPaxlstMessage } from './paxlst-message.js';
import type { ParsedPaxlstInterchange, ParsedPaxlstMessage } from './paxlst-model.js';

const paxlst: EdifactFormat<ParsedPaxlstMessage> = {
  messageType: 'PAXLST',
  elementBounds: PAXLST_BOUNDS,
  readMessage(message, context) {
    const parsed = mapPaxlstMessage(message, context.referenceDay);
    for (const warning of parsed.warnings) context.warnings.push(warning);
    for (const traveller of parsed.travellers)
      for (const warning of traveller.warnings) context.warnings.push(warning);
    return parsed;
  },
};

/**
 * Parses a UN/EDIFACT PAXLST interchange (D02B to D05B and later, WCO/IATA/ICAO API guide)
 * into flights and travellers. Never throws. `errors` is not empty when nothing usable was
 * found: no message, or no PAXLST message.
 */
export function parsePaxlst(
  text: string,
  options: ReadInterchangeMessagesOptions = {},
): ParsedPaxlstInterchange {
  return readInterchangeMessages(text, paxlst, options);
}
