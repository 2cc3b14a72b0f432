import { issueAt, readInterchange, type ParseIssue } from '../edifact/index.js';
import { elementBoundErrors, PNRGOV_BOUNDS } from './element-bounds.js';
import { dayKeyOf, readInterchangeDate } from './paxlst-dates.js';
import { mapPnrgovMessage } from './pnrgov-message.js';
import type { ParsedPnrgovInterchange } from './pnrgov-model.js';
import { repairMergedSegments } from './pnrgov-repair.js';

export interface ParsePnrgovOptions {
  /**
   * The day two-digit years are placed against (a date of birth is never after it). Defaults to
   * the interchange preparation date (UNB), else today.
   */
  referenceDate?: Date;
}

function byPosition(a: ParseIssue, b: ParseIssue): number {
  return a.segment - b.segment || a.line - b.line || a.column - b.column;
}

/**
 * Parses a PNRGOV interchange (IATA/WCO/ICAO PNRGOV EDIFACT 10.1 to 13.1, later versions read
 * as 13.1) into pushes and reservations. Never throws. `errors` is not empty when nothing usable
 * was found: no message, no PNRGOV message, or not a single reservation.
 */
export function parsePnrgov(text: string, options: ParsePnrgovOptions = {}): ParsedPnrgovInterchange {
  const interchange = readInterchange(text);
  const errors = [...interchange.errors];
  const warnings = [...interchange.warnings];
  const today = dayKeyOf(options.referenceDate ?? new Date());
  const prepared = readInterchangeDate(interchange.preparationDate, interchange.preparationTime, today);
  if (interchange.header && prepared.problem) {
    warnings.push(
      issueAt(interchange.header, 'invalid-date', `UNB preparation date/time: ${prepared.problem}`),
    );
  }
  const reference =
    options.referenceDate || !prepared.value
      ? today
      : Number(prepared.value.slice(0, 10).replaceAll('-', ''));

  const result: ParsedPnrgovInterchange = {
    sender: interchange.sender,
    recipient: interchange.recipient,
    preparedAt: prepared.value,
    interchangeReference: interchange.reference,
    messages: [],
    errors,
    warnings,
  };
  for (const message of interchange.messages) {
    if (message.type !== 'PNRGOV') {
      errors.push(
        issueAt(
          message.header,
          'not-pnrgov',
          `message "${message.reference}" is ${message.type ? `a ${message.type}` : 'of no type'}: expected PNRGOV`,
        ),
      );
      continue;
    }
    errors.push(...elementBoundErrors(message.segments, PNRGOV_BOUNDS));
    const repairs: ParseIssue[] = [];
    const segments = repairMergedSegments(text, message.segments, interchange.separators, repairs);
    const parsed = mapPnrgovMessage(message, segments, interchange.separators, reference);
    parsed.warnings.unshift(...repairs);
    result.messages.push(parsed);
    warnings.push(...parsed.warnings);
    for (const reservation of parsed.reservations) warnings.push(...reservation.warnings);
  }
  const first = result.messages[0];
  const declaredEmpty = result.messages.every((message) => message.declaredReservationCount === 0);
  if (first && !declaredEmpty && result.messages.every((message) => message.reservations.length === 0)) {
    const header = interchange.messages.find((message) => message.type === 'PNRGOV')!.header;
    errors.push(
      issueAt(
        header,
        'no-reservations',
        'no reservation in any PNRGOV message: expected SRC and RCI after the push header',
      ),
    );
  }
  warnings.sort(byPosition);
  errors.sort(byPosition);
  return result;
}
