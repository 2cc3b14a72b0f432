/**
 * Segments that PNRGOV uses at several levels with the same layout: ORG (originator), RCI
 * (record locators), DAT (dates), IFT (free text), EBD (excess bags).
 */
import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  type DayKey,
  type ParseIssue,
  type Segment,
} from '../edifact/index.js';
import { readPnrDateTime } from './pnrgov-dates.js';
import { maskCardNumbersInText } from './pnrgov-masking.js';
import type { PnrOriginator, PnrReservation, RecordLocator, ReservationDate } from './pnrgov-model.js';

/** ORG+company:location+IATA number:office+location+system company:location+type+country:currency:language+agent. */
export function readOriginator(segment: Segment): PnrOriginator | null {
  const originator: PnrOriginator = {
    company: optionalValue(segment, 0, 0),
    companyLocation: optionalValue(segment, 0, 1),
    iataNumber: optionalValue(segment, 1, 0),
    officeId: optionalValue(segment, 1, 1),
    location: optionalValue(segment, 2, 0),
    systemCompany: optionalValue(segment, 3, 0),
    systemLocation: optionalValue(segment, 3, 1),
    originatorType: optionalValue(segment, 4, 0),
    country: optionalValue(segment, 5, 0),
    currency: optionalValue(segment, 5, 1),
    language: optionalValue(segment, 5, 2),
    agentSign: optionalValue(segment, 6, 0),
  };
  // An empty ORG ("ORG+:+:++++:+") is what the guide sends for a cancelled PNR.
  return Object.values(originator).some((value) => value !== null) ? originator : null;
}

function isDigits(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value);
}

/** RCI+company:locator:control type:date:time+... (one composite per reservation system). */
export function readRecordLocators(
  segment: Segment,
  reference: DayKey,
  warnings: ParseIssue[],
): RecordLocator[] {
  const locators: RecordLocator[] = [];
  for (const composite of segment.elements) {
    const [company = '', locator = '', type = '', date = '', time = ''] = composite.map((part) =>
      part.trim(),
    );
    if (!locator) continue;
    // "UA:86C92D:080818:1220": the control type left out rather than left empty.
    const shifted = isDigits(type, 6) && !time && (date === '' || isDigits(date, 4));
    const reading = shifted
      ? readPnrDateTime(type, date, 'near', reference)
      : readPnrDateTime(date, time, 'near', reference);
    if (reading.problem)
      warnings.push(issueAt(segment, 'invalid-date', `RCI ${locator}: ${reading.problem}`));
    locators.push({
      company: company || null,
      locator,
      controlType: shifted ? null : type || null,
      createdAt: reading.value,
    });
  }
  return locators;
}

/** Adds locators not yet known (the same locator comes back at every leg). */
export function addRecordLocators(reservation: PnrReservation, locators: RecordLocator[]): void {
  for (const locator of locators) {
    const known = reservation.recordLocators.find(
      (other) => other.locator === locator.locator && other.company === locator.company,
    );
    if (!known) reservation.recordLocators.push(locator);
    else if (!known.createdAt && locator.createdAt) known.createdAt = locator.createdAt;
  }
}

/** DAT+qualifier:date:time+...; qualifier 3 carries free text instead of a date. */
export function readDates(segment: Segment, reference: DayKey, warnings: ParseIssue[]): ReservationDate[] {
  const dates: ReservationDate[] = [];
  for (const composite of segment.elements) {
    const [qualifier = '', date = '', time = ''] = composite.map((part) => part.trim());
    if (!date && !time) continue;
    if (qualifier === '3') {
      dates.push({ qualifier, value: null, text: composite.slice(1).join(':').trim() });
      continue;
    }
    const reading = readPnrDateTime(date, time, 'near', reference);
    if (reading.problem)
      warnings.push(issueAt(segment, 'invalid-date', `DAT+${qualifier}: ${reading.problem}`));
    dates.push({ qualifier, value: reading.value, text: [date, time].filter(Boolean).join(' ') });
  }
  return dates;
}

export interface FreeText {
  /** Text subject qualifier ("4", "3") and information type ("28", "43", "15"). */
  qualifier: string;
  typeCode: string | null;
  company: string | null;
  /** One entry per text element: lines, or name/address/phone for a sponsor. */
  lines: string[];
}

/** IFT+4:28::DL+text+text...; unreleased ":" in the text is put back. */
export function readFreeText(segment: Segment): FreeText {
  const lines: string[] = [];
  for (let i = 1; i < segment.elements.length; i++) {
    const composite = segment.elements[i];
    const line = composite.length === 1 ? composite[0] : composite.join(':');
    lines.push(maskCardNumbersInText(line.trim()));
  }
  return {
    qualifier: componentValue(segment, 0, 0).trim(),
    typeCode: optionalValue(segment, 0, 1),
    company: optionalValue(segment, 0, 3),
    lines,
  };
}

/** EBD+currency:amount+count::... */
export function readExcessBaggage(segment: Segment): PnrReservation['excessBaggage'][number] {
  const amountText = componentValue(segment, 0, 1).trim();
  const amount = /^\d+(?:\.\d+)?$/.test(amountText) ? Number(amountText) : null;
  return { count: parseCount(componentValue(segment, 1, 0)), amount, currency: optionalValue(segment, 0, 0) };
}

/** LTS+free text: the text as sent, separators that the sender did not release put back. */
export function readHistoryLine(
  segment: Segment,
  separators: { element: string; component: string },
): string {
  return maskCardNumbersInText(
    segment.elements
      .map((composite) => composite.join(separators.component))
      .join(separators.element)
      .trim(),
  );
}
