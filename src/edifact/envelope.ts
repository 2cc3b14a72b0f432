import { addRepeatable, issueAt, type ParseIssue } from './issues.js';
import type { Separators } from './service-string.js';
import { checkMessageTrailer, checkTrailer } from './envelope-checks.js';
import { componentValue, optionalValue } from './segment-values.js';
import { tokenize, type Segment, type TokenizeResult } from './tokenizer.js';

const SERVICE_TAGS = new Set(['UNB', 'UNG', 'UNH', 'UNT', 'UNE', 'UNZ']);

/** UNH S009: what kind of message this is. */
export interface MessageIdentifier {
  /** 0065, e.g. "PAXLST", "PNRGOV", "CUSCAR". */
  type: string;
  /** 0052 and 0054, e.g. "D" and "02B", or "13" and "1". */
  version: string;
  release: string;
  /** 0051, e.g. "UN" or "IA". */
  agency: string;
  /** 0057, e.g. "IATA". */
  associationCode: string;
  /** S009 as sent, components joined by ":", e.g. "PAXLST:D:02B:UN:IATA". */
  identifier: string;
}

export interface EdifactMessage extends MessageIdentifier {
  /** UNH 0062. */
  reference: string;
  header: Segment;
  trailer: Segment | null;
  /** The segments between UNH and UNT. */
  segments: Segment[];
  /** UNG reference of the group holding the message, null outside groups. */
  groupReference: string | null;
}

export interface FunctionalGroup {
  /** UNG 0038, the type of the messages in the group. */
  messageType: string;
  sender: string | null;
  recipient: string | null;
  reference: string | null;
  header: Segment;
  trailer: Segment | null;
  messageCount: number;
}

export interface Interchange {
  separators: Separators;
  hasServiceStringAdvice: boolean;
  /** UNB S001, e.g. "UNOA" and "4". */
  syntaxIdentifier: string | null;
  syntaxVersion: string | null;
  sender: string | null;
  recipient: string | null;
  /** UNB S004 as sent: YYMMDD (or CCYYMMDD) and HHMM. */
  preparationDate: string | null;
  preparationTime: string | null;
  /** UNB 0020 interchange control reference. */
  reference: string | null;
  header: Segment | null;
  trailer: Segment | null;
  groups: FunctionalGroup[];
  messages: EdifactMessage[];
  segmentCount: number;
  /** Fatal: nothing usable (no message at all, unreadable UNA). */
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

export function readMessageIdentifier(header: Segment): MessageIdentifier {
  const composite = header.elements[1] ?? [];
  return {
    type: componentValue(header, 1, 0).trim(),
    version: componentValue(header, 1, 1).trim(),
    release: componentValue(header, 1, 2).trim(),
    agency: componentValue(header, 1, 3).trim(),
    associationCode: componentValue(header, 1, 4).trim(),
    identifier: composite.join(':').trim(),
  };
}

/**
 * Reads the envelopes (UNB/UNZ, UNG/UNE, UNH/UNT) of an interchange and checks their counts
 * and references. Count and reference mismatches are warnings: the content is still there.
 */
export function readInterchange(input: string | TokenizeResult): Interchange {
  const tokens = typeof input === 'string' ? tokenize(input) : input;
  const errors = [...tokens.errors];
  const warnings = [...tokens.warnings];
  const interchange: Interchange = {
    separators: tokens.separators,
    hasServiceStringAdvice: tokens.hasServiceStringAdvice,
    syntaxIdentifier: null,
    syntaxVersion: null,
    sender: null,
    recipient: null,
    preparationDate: null,
    preparationTime: null,
    reference: null,
    header: null,
    trailer: null,
    groups: [],
    messages: [],
    segmentCount: tokens.segments.length,
    errors,
    warnings,
  };
  const seen = new Map<string, number>();
  const all = tokens.segments;
  let message: EdifactMessage | null = null;
  /** Position in `all` of the first segment after the open message's UNH. */
  let bodyStart = 0;
  let group: FunctionalGroup | null = null;
  let warnedOutside = false;

  const closeMessage = (expected: string, position: number) => {
    if (!message) return;
    message.segments = all.slice(bodyStart, position);
    addRepeatable(
      warnings,
      issueAt(
        message.header,
        'missing-unt',
        `message "${message.reference}" is not closed: expected UNT before ${expected}; it may be truncated`,
      ),
      seen,
    );
    message = null;
  };
  const closeGroup = (expected: string) => {
    if (!group) return;
    warnings.push(
      issueAt(group.header, 'missing-une', `group is not closed: expected UNE before ${expected}`),
    );
    group = null;
  };

  for (let position = 0; position < all.length; position++) {
    const segment = all[position];
    const tag = segment.tag;
    // Message bodies are taken in one slice when the message closes; service segments all start
    // with "U", so one character code tells the common case apart.
    if (message && (tag.charCodeAt(0) !== 85 || !SERVICE_TAGS.has(tag))) continue;
    switch (tag) {
      case 'UNB':
        closeMessage('UNB', position);
        closeGroup('UNB');
        if (interchange.header) {
          warnings.push(
            issueAt(
              segment,
              'second-interchange',
              'a second interchange (UNB) in the same text: its messages are read too',
            ),
          );
          break;
        }
        interchange.header = segment;
        interchange.syntaxIdentifier = optionalValue(segment, 0, 0);
        interchange.syntaxVersion = optionalValue(segment, 0, 1);
        interchange.sender = optionalValue(segment, 1, 0);
        interchange.recipient = optionalValue(segment, 2, 0);
        interchange.preparationDate = optionalValue(segment, 3, 0);
        interchange.preparationTime = optionalValue(segment, 3, 1);
        interchange.reference = optionalValue(segment, 4, 0);
        break;
      case 'UNG':
        closeMessage('UNG', position);
        closeGroup('UNG');
        group = {
          messageType: componentValue(segment, 0).trim(),
          sender: optionalValue(segment, 1),
          recipient: optionalValue(segment, 2),
          reference: optionalValue(segment, 4),
          header: segment,
          trailer: null,
          messageCount: 0,
        };
        interchange.groups.push(group);
        break;
      case 'UNH': {
        closeMessage('the next UNH', position);
        if (!interchange.header && interchange.messages.length === 0) {
          warnings.push(
            issueAt(segment, 'missing-unb', 'expected an interchange header (UNB) before the first UNH'),
          );
        }
        message = {
          ...readMessageIdentifier(segment),
          reference: componentValue(segment, 0).trim(),
          header: segment,
          trailer: null,
          segments: [],
          groupReference: group ? group.reference : null,
        };
        bodyStart = position + 1;
        if (group) group.messageCount++;
        interchange.messages.push(message);
        break;
      }
      case 'UNT':
        if (!message) {
          warnings.push(issueAt(segment, 'unexpected-unt', 'UNT without a message: expected UNH before it'));
          break;
        }
        message.segments = all.slice(bodyStart, position);
        checkMessageTrailer(message, segment, warnings);
        message = null;
        break;
      case 'UNE':
        closeMessage('UNE', position);
        if (!group) {
          warnings.push(issueAt(segment, 'unexpected-une', 'UNE without a group: expected UNG before it'));
          break;
        }
        group.trailer = segment;
        checkTrailer(segment, group.messageCount, 'messages', group.reference, 'UNG', warnings, 'une');
        group = null;
        break;
      case 'UNZ': {
        closeMessage('UNZ', position);
        closeGroup('UNZ');
        if (interchange.trailer) break;
        interchange.trailer = segment;
        const byGroups = interchange.groups.length > 0;
        const count = byGroups ? interchange.groups.length : interchange.messages.length;
        checkTrailer(
          segment,
          count,
          byGroups ? 'groups' : 'messages',
          interchange.reference,
          'UNB',
          warnings,
          'unz',
        );
        break;
      }
      default:
        if (interchange.trailer) {
          addRepeatable(
            warnings,
            issueAt(
              segment,
              'segment-after-unz',
              `segment "${tag}" after the interchange trailer (UNZ) ignored`,
            ),
            seen,
          );
        } else if (!warnedOutside) {
          warnedOutside = true;
          warnings.push(
            issueAt(
              segment,
              'segment-outside-message',
              `segment "${tag}" outside a message (expected UNH before it) ignored`,
            ),
          );
        }
    }
  }

  const last = tokens.segments[tokens.segments.length - 1];
  const end = last ?? { index: 0, line: 1, column: 1, tag: '' };
  if (message) closeMessage('the end of the input', all.length);
  if (group) closeGroup('the end of the input');
  if (interchange.header && !interchange.trailer) {
    warnings.push(issueAt(end, 'missing-unz', 'interchange is not closed: expected UNZ at the end'));
  }
  if (tokens.segments.length === 0) {
    errors.push(issueAt(end, 'empty-input', 'no EDIFACT segment found: expected UNA, UNB or UNH'));
  } else if (interchange.messages.length === 0) {
    errors.push(issueAt(end, 'missing-unh', 'no message found: expected a message header (UNH)'));
  }
  return interchange;
}
