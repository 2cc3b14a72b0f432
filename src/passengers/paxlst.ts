import { issueAt, readInterchange, type ParseIssue } from '../edifact/index.js';
import { elementBoundErrors, PAXLST_BOUNDS } from './element-bounds.js';
import { dayKeyOf, readInterchangeDate } from './paxlst-dates.js';
import { mapPaxlstMessage } from './paxlst-message.js';
import type { ParsedPaxlstInterchange } from './paxlst-model.js';

export interface ParsePaxlstOptions {
  /**
   * The day two-digit years are placed against (a date of birth is never after it). Defaults to
   * the interchange preparation date (UNB), else today.
   */
  referenceDate?: Date;
}

function byPosition(a: ParseIssue, b: ParseIssue): number {
  return a.segment - b.segment;
}

/**
 * Parses a UN/EDIFACT PAXLST interchange (D02B to D05B and later, WCO/IATA/ICAO API guide)
 * into flights and travellers. Never throws. `errors` is not empty when nothing usable was
 * found: no message, or no PAXLST message.
 */
export function parsePaxlst(text: string, options: ParsePaxlstOptions = {}): ParsedPaxlstInterchange {
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

  const result: ParsedPaxlstInterchange = {
    sender: interchange.sender,
    recipient: interchange.recipient,
    preparedAt: prepared.value,
    interchangeReference: interchange.reference,
    messages: [],
    errors,
    warnings,
  };
  for (const message of interchange.messages) {
    if (message.type !== 'PAXLST') {
      errors.push(
        issueAt(
          message.header,
          'not-paxlst',
          `message "${message.reference}" is ${message.type ? `a ${message.type}` : 'of no type'}: expected PAXLST`,
        ),
      );
      continue;
    }
    errors.push(...elementBoundErrors(message.segments, PAXLST_BOUNDS));
    const parsed = mapPaxlstMessage(message, reference);
    result.messages.push(parsed);
    for (const warning of parsed.warnings) warnings.push(warning);
    for (const traveller of parsed.travellers) {
      if (traveller.warnings.length > 0) for (const warning of traveller.warnings) warnings.push(warning);
    }
  }
  warnings.sort(byPosition);
  errors.sort(byPosition);
  return result;
}
