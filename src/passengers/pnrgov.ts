import {
  issueAt,
  readInterchangeMessages,
  type EdifactFormat,
  type ParseIssue,
  type ReadInterchangeMessagesOptions,
} from '../edifact/index.js';
import { PNRGOV_BOUNDS } from './element-bounds.js';
import { mapPnrgovMessage } from './pnrgov-message.js';
import type { ParsedPnrgovInterchange, ParsedPnrgovMessage } from './pnrgov-model.js';
import { repairMergedSegments } from './pnrgov-repair.js';

const pnrgov: EdifactFormat<ParsedPnrgovMessage> = {
  messageType: 'PNRGOV',
  elementBounds: PNRGOV_BOUNDS,
  issueOrder: 'position',
  readMessage(message, context) {
    const { text, interchange } = context;
    const repairs: ParseIssue[] = [];
    const segments = repairMergedSegments(text, message.segments, interchange.separators, repairs);
    const parsed = mapPnrgovMessage(message, segments, interchange.separators, context.referenceDay);
    parsed.warnings.unshift(...repairs);
    context.warnings.push(...parsed.warnings);
    for (const reservation of parsed.reservations) context.warnings.push(...reservation.warnings);
    return parsed;
  },
  finish(reading, interchange) {
    const messages = reading.messages;
    const declaredEmpty = messages.every((message) => message.declaredReservationCount === 0);
    if (
      messages.length > 0 &&
      !declaredEmpty &&
      messages.every((message) => message.reservations.length === 0)
    ) {
      const header = interchange.messages.find((message) => message.type === 'PNRGOV')!.header;
      reading.errors.push(
        issueAt(
          header,
          'no-reservations',
          'no reservation in any PNRGOV message: expected SRC and RCI after the push header',
        ),
      );
    }
  },
};

/**
 * Parses a PNRGOV interchange (IATA/WCO/ICAO PNRGOV EDIFACT 10.1 to 13.1, later versions read
 * as 13.1) into pushes and reservations. Never throws. `errors` is not empty when nothing usable
 * was found: no message, no PNRGOV message, or not a single reservation.
 */
export function parsePnrgov(
  text: string,
  options: ReadInterchangeMessagesOptions = {},
): ParsedPnrgovInterchange {
  return readInterchangeMessages(text, pnrgov, options);
}
