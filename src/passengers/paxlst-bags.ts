import { componentValue, compositeValues, issueAt, type Segment } from '../edifact/index.js';
import type { ParsedTraveller } from './paxlst-model.js';

/** Checked baggage of a traveller: MEA+CT count, MEA+WT weight, FTX+BAG tag numbers. */

/** Upper bound when expanding "first tag + count" bag tag ranges: a garbled count must not explode. */
const MAX_SEQUENTIAL_BAG_TAGS = 99;

export function bags(traveller: ParsedTraveller): NonNullable<ParsedTraveller['bags']> {
  if (!traveller.bags) traveller.bags = { count: null, weightKg: null, tags: [] };
  return traveller.bags;
}

/** "2660009" with count 2 is two tags, 2660009 and 2660010: senders compress consecutive tags. */
export function expandBagTags(first: string, countText: string): { tags: string[]; problem: string | null } {
  const count = countText.trim() ? Number(countText.trim()) : 1;
  if (!Number.isInteger(count) || count < 1)
    return { tags: [first], problem: `bag tag count "${countText}" is not a number` };
  let digitsStart = first.length;
  while (
    digitsStart > 0 &&
    first.charCodeAt(digitsStart - 1) >= 48 &&
    first.charCodeAt(digitsStart - 1) <= 57
  ) {
    digitsStart--;
  }
  const digits = first.slice(digitsStart);
  if (count === 1) return { tags: [first], problem: null };
  if (digits.length === 0 || digits.length > 15) {
    return { tags: [first], problem: `bag tag "${first}" has no serial number to count ${count} tags from` };
  }
  const capped = Math.min(count, MAX_SEQUENTIAL_BAG_TAGS);
  const prefix = first.slice(0, digitsStart);
  const start = Number(digits);
  const tags: string[] = [];
  for (let k = 0; k < capped; k++) tags.push(prefix + String(start + k).padStart(digits.length, '0'));
  return {
    tags,
    problem: capped < count ? `bag tag count ${count} capped at ${MAX_SEQUENTIAL_BAG_TAGS}` : null,
  };
}

const KILOGRAMS_PER_UNIT: Record<string, number> = { KGM: 1, KG: 1, LBR: 0.45359237, LB: 0.45359237 };

export function readMeasurement(traveller: ParsedTraveller, segment: Segment): void {
  const qualifier = componentValue(segment, 0).trim();
  const measure = compositeValues(segment, 2);
  if (qualifier === 'CT') {
    // Senders put the count in the unit position as often as in the value position.
    const text = measure.find((value) => value.trim().length > 0)?.trim() ?? '';
    const count = Number(text);
    if (text && Number.isInteger(count) && count >= 0) bags(traveller).count = count;
    else
      traveller.warnings.push(
        issueAt(segment, 'invalid-measure', `MEA+CT: expected a bag count, found "${text}"`),
      );
  } else if (qualifier === 'WT') {
    const unit = (measure[0] ?? '').trim().toUpperCase();
    const text = (measure[1] ?? '').trim();
    const factor = KILOGRAMS_PER_UNIT[unit];
    const value = Number(text);
    if (factor !== undefined && text && Number.isFinite(value) && value >= 0) {
      bags(traveller).weightKg = Math.round(value * factor * 10) / 10;
    } else {
      traveller.warnings.push(
        issueAt(
          segment,
          'invalid-measure',
          `MEA+WT: expected a unit (KGM or LBR) and a weight, found "${measure.join(':')}"`,
        ),
      );
    }
  }
}
