/**
 * One PNRGOV message (UNH to UNT): the push header (MSG, ORG, TVL, EQN), then one reservation
 * per SRC.
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  type DayKey,
  type EdifactMessage,
  type Segment,
  type Separators,
} from '../edifact/index.js';
import { readOriginator } from './pnrgov-header.js';
import { markPushFlight, readPushFlight } from './pnrgov-itinerary.js';
import { finishReservation } from './pnrgov-links.js';
import type { ParsedPnrgovMessage } from './pnrgov-model.js';
import { readReservationSegment, startReservation } from './pnrgov-reservation.js';
import type { ReservationBuilder } from './pnrgov-reservation-state.js';

const PUSH_KINDS: Record<string, ParsedPnrgovMessage['pushKind']> = { '22': 'full', '141': 'update' };

/** The oldest PNRGOV version this reader knows; later ones are read as 13.1 (they only add). */
const OLDEST_VERSION = 10;

function readVersion(message: EdifactMessage, warnings: ParsedPnrgovMessage['warnings']): string {
  const version = [message.version, message.release].filter((part) => part.length > 0).join('.');
  const major = Number.parseInt(message.version, 10);
  if (!(major >= OLDEST_VERSION)) {
    warnings.push(
      issueAt(
        message.header,
        'unknown-version',
        `PNRGOV version "${version || message.identifier}": expected 10.1 or later; read as 13.1`,
      ),
    );
  }
  return version;
}

/**
 * Maps the segments of one PNRGOV message (already freed of merged segments) to its push header
 * and reservations. Loose: what cannot be read is a warning on the message or the reservation.
 */
export function mapPnrgovMessage(
  message: EdifactMessage,
  segments: Segment[],
  separators: Separators,
  reference: DayKey,
): ParsedPnrgovMessage {
  const result: ParsedPnrgovMessage = {
    messageReference: message.reference,
    version: '',
    accessReference: optionalValue(message.header, 2),
    messageFunction: null,
    pushKind: null,
    sender: null,
    flight: null,
    declaredReservationCount: null,
    reservations: [],
    warnings: [],
  };
  const warnings = result.warnings;
  result.version = readVersion(message, warnings);
  let builder: ReservationBuilder | null = null;
  let sawMessageFunction = false;
  const close = () => {
    if (builder) result.reservations.push(finishReservation(builder));
    builder = null;
  };

  for (const segment of segments) {
    if (segment.tag === 'SRC') {
      close();
      builder = startReservation(segment, reference);
      continue;
    }
    if (builder) {
      readReservationSegment(builder, segment, separators);
      continue;
    }
    switch (segment.tag) {
      case 'MSG':
        sawMessageFunction = true;
        result.messageFunction = optionalValue(segment, 0, 1) ?? optionalValue(segment, 0, 0);
        result.pushKind = result.messageFunction ? (PUSH_KINDS[result.messageFunction] ?? 'other') : null;
        break;
      case 'ORG':
        result.sender ??= readOriginator(segment);
        break;
      case 'TVL':
        if (result.flight) {
          warnings.push(issueAt(segment, 'unexpected-segment', 'a second TVL before the first SRC; ignored'));
        } else {
          result.flight = readPushFlight(segment, reference, warnings);
        }
        break;
      case 'EQN':
        result.declaredReservationCount = parseCount(componentValue(segment, 0));
        break;
      case 'RCI':
        warnings.push(
          issueAt(segment, 'src-missing', 'RCI without an SRC before it: read as the start of a reservation'),
        );
        builder = startReservation(segment, reference);
        readReservationSegment(builder, segment, separators);
        break;
      default:
        warnings.push(
          issueAt(
            segment,
            'unexpected-segment',
            `segment ${segment.tag} before the first reservation (SRC); ignored`,
          ),
        );
    }
  }
  close();

  if (!sawMessageFunction) {
    warnings.push(
      issueAt(
        message.header,
        'msg-missing',
        'no MSG: expected the message function (22 full push, 141 update)',
      ),
    );
  }
  if (!result.sender)
    warnings.push(issueAt(message.header, 'org-missing', 'no ORG: expected the sender of the push'));
  if (!result.flight)
    warnings.push(issueAt(message.header, 'flight-missing', 'no TVL: expected the flight of the push'));
  for (const reservation of result.reservations) markPushFlight(reservation.itinerary, result.flight);
  const declared = result.declaredReservationCount;
  // EQN counts the whole push, which may be spread over several messages: only more is wrong.
  if (declared !== null && result.reservations.length > declared) {
    warnings.push(
      issueAt(
        message.header,
        'reservation-count-mismatch',
        `EQN declares ${declared} reservations for the push but this message alone holds ${result.reservations.length}`,
      ),
    );
  }
  if (result.reservations.length === 0 && declared !== 0) {
    warnings.push(
      issueAt(message.header, 'reservations-missing', 'no reservation (SRC, RCI) in the message'),
    );
  }
  return result;
}
