/**
 * The walk every EDIFACT format makes over an interchange: the envelopes read once, the reference
 * day for two-digit years settled once, each message of the format's type handed to the format's
 * reader and each message of another type refused, the issues gathered and ordered. A format
 * (PAXLST, PNRGOV, CUSCAR ...) writes only what reads one message's segments.
 */
import { dayKeyOf, readInterchangeDate, type DayKey } from './dates.js';
import { elementBoundErrors, type ElementBounds } from './element-bounds.js';
import { readInterchange, type EdifactMessage, type Interchange } from './envelope.js';
import { issueAt, type ParseIssue } from './issues.js';

/** What a format makes of an interchange: the envelope's facts, its messages read, its issues. */
export interface InterchangeReading<Message> {
  sender: string | null;
  recipient: string | null;
  /** UNB preparation date and time as an ISO local date-time; null when absent or unreadable. */
  preparedAt: string | null;
  interchangeReference: string | null;
  messages: Message[];
  /** Fatal problems: when not empty the interchange is rejected (and kept with them). */
  errors: ParseIssue[];
  /** Problems that did not prevent reading, every message's included. */
  warnings: ParseIssue[];
}

/** What the reader of one message is given besides the message. */
export interface MessageContext {
  /** The raw text of the whole interchange (for readers that look at it again, e.g. to repair). */
  text: string;
  interchange: Interchange;
  /** The day two-digit years are placed against: the one asked for, else the UNB date, else today. */
  referenceDay: DayKey;
  /** Where the reader adds the message's fatal problems and its warnings. */
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

export interface EdifactFormat<Message> {
  /** The message type (UNH 0065) the format reads, e.g. "PAXLST"; a message of another type is an error. */
  messageType: string;
  /** How long the values the format stores and indexes may be, checked in every message. */
  elementBounds?: ElementBounds;
  /** Reads one message of that type; adds its problems to `context.errors` and `context.warnings`. */
  readMessage(message: EdifactMessage, context: MessageContext): Message;
  /** Checks over every message once all are read; adds to `reading.errors` and `reading.warnings`. */
  finish?(reading: InterchangeReading<Message>, interchange: Interchange): void;
  /**
   * The order of the issues in the answer: by segment only, keeping the order in which the issues
   * of one segment were found ('segment', the default), or by segment, line and column ('position').
   */
  issueOrder?: 'segment' | 'position';
}

export interface ReadInterchangeMessagesOptions {
  /**
   * The day two-digit years are placed against (a date of birth is never after it). Defaults to
   * the interchange preparation date (UNB), else today.
   */
  referenceDate?: Date;
}

const bySegment = (a: ParseIssue, b: ParseIssue) => a.segment - b.segment;
const byPosition = (a: ParseIssue, b: ParseIssue) =>
  a.segment - b.segment || a.line - b.line || a.column - b.column;

/** Reads an interchange's messages with `format`. Never throws: problems are issues. */
export function readInterchangeMessages<Message>(
  text: string,
  format: EdifactFormat<Message>,
  options: ReadInterchangeMessagesOptions = {},
): InterchangeReading<Message> {
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
  const referenceDay =
    options.referenceDate || !prepared.value
      ? today
      : Number(prepared.value.slice(0, 10).replaceAll('-', ''));

  const reading: InterchangeReading<Message> = {
    sender: interchange.sender,
    recipient: interchange.recipient,
    preparedAt: prepared.value,
    interchangeReference: interchange.reference,
    messages: [],
    errors,
    warnings,
  };
  const context: MessageContext = { text, interchange, referenceDay, errors, warnings };
  const expected = format.messageType;
  for (const message of interchange.messages) {
    if (message.type !== expected) {
      errors.push(
        issueAt(
          message.header,
          `not-${expected.toLowerCase()}`,
          `message "${message.reference}" is ${message.type ? `a ${message.type}` : 'of no type'}: expected ${expected}`,
        ),
      );
      continue;
    }
    if (format.elementBounds) errors.push(...elementBoundErrors(message.segments, format.elementBounds));
    reading.messages.push(format.readMessage(message, context));
  }
  format.finish?.(reading, interchange);
  const order = format.issueOrder === 'position' ? byPosition : bySegment;
  warnings.sort(order);
  errors.sort(order);
  return reading;
}
