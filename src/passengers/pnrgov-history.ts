/**
 * PNR history (PNRGOV Gr.10-12): ABI says who made a change, DAT when, each SAC what was done
 * (A added, X cancelled, C changed) to the items that follow it (TIF, SSR, IFT, TVL and RPI, ...).
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  type DayKey,
  type ParseIssue,
  type Segment,
} from '../edifact/index.js';
import { readDates } from './pnrgov-header.js';
import { describeTravelProduct, readTravelProduct } from './pnrgov-itinerary.js';
import { maskCardNumber, maskCardNumbersInText } from './pnrgov-masking.js';
import type { HistoryChange, HistoryEntry } from './pnrgov-model.js';

const ACTIONS: Record<string, HistoryChange['action']> = { A: 'added', X: 'cancelled', C: 'changed' };

/** ABI+creator type+agent:agent type+location++company. */
export function startHistoryEntry(segment: Segment): HistoryEntry {
  const agent = [componentValue(segment, 1, 0), componentValue(segment, 1, 1)]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(' ');
  return {
    creatorType: optionalValue(segment, 0),
    agent: agent || null,
    location: optionalValue(segment, 2),
    company: optionalValue(segment, 4),
    at: null,
    changes: [],
  };
}

/** The segment as sent, one line, with card numbers masked (FOP's card field always). */
function segmentText(segment: Segment): string {
  const elements = segment.elements.map((composite) =>
    segment.tag === 'FOP' && composite.length > 4
      ? [...composite.slice(0, 4), maskCardNumber(composite[4]).masked, ...composite.slice(5)].join(':')
      : composite.join(':'),
  );
  return maskCardNumbersInText([segment.tag, ...elements].join('+'));
}

function summarise(segment: Segment): string {
  switch (segment.tag) {
    case 'TVL':
      return describeTravelProduct(readTravelProduct(segment));
    case 'TIF': {
      const given = componentValue(segment, 1, 0).trim();
      return `${componentValue(segment, 0, 0).trim()}${given ? `/${given}` : ''}`;
    }
    case 'IFT':
      return maskCardNumbersInText(
        segment.elements
          .slice(1)
          .map((composite) => composite.join(':').trim())
          .join(' '),
      );
    case 'RPI':
      return [componentValue(segment, 1).trim(), componentValue(segment, 0).trim()].filter(Boolean).join(' ');
    default:
      return segmentText(segment);
  }
}

/** One segment inside a history entry. */
export function readHistorySegment(
  entry: HistoryEntry,
  segment: Segment,
  reference: DayKey,
  warnings: ParseIssue[],
): void {
  if (segment.tag === 'DAT') {
    const dated = readDates(segment, reference, warnings).find((date) => date.value !== null);
    if (dated && !entry.at) entry.at = dated.value;
    return;
  }
  if (segment.tag === 'SAC') {
    const actionCode = optionalValue(segment, 2);
    entry.changes.push({
      actionCode,
      action: actionCode === null ? null : (ACTIONS[actionCode.toUpperCase()] ?? 'other'),
      items: [],
    });
    return;
  }
  if (entry.changes.length === 0) {
    warnings.push(
      issueAt(
        segment,
        'unexpected-segment',
        `history item ${segment.tag} before any SAC: read as a change of unknown action`,
      ),
    );
    entry.changes.push({ actionCode: null, action: null, items: [] });
  }
  entry.changes[entry.changes.length - 1].items.push({ tag: segment.tag, summary: summarise(segment) });
}
