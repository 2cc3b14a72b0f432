/**
 * PNRGOV dates. Unlike EDIFACT DTM (YYMMDD), PNRGOV writes DDMMYY with a separate HHMM (DAT,
 * TVL, RCI, PTK), and the airline sub-syntax of SSRs writes 12JUL64. Both are turned around and
 * read by the DTM reader, so that centuries and impossible dates are handled in one place.
 */
import {
  allDigits,
  readEdifactDate,
  type CenturyRule,
  type DateReading,
  type DayKey,
} from '../edifact/index.js';

const MONTHS: Record<string, string> = {
  JAN: '01',
  FEB: '02',
  MAR: '03',
  APR: '04',
  MAY: '05',
  JUN: '06',
  JUL: '07',
  AUG: '08',
  SEP: '09',
  OCT: '10',
  NOV: '11',
  DEC: '12',
};

const NOTHING: DateReading = { value: null, problem: null };

type Readings = Map<string, DateReading>;
/**
 * The same few dates come back all through a push (booking day, flight days, ticketing day):
 * readings are remembered, keyed by everything they depend on: tables by reference day, what is
 * read and century rule, entries by the text. Bounded, as in a long-running server.
 */
const readings = new Map<DayKey, Record<string, Readings>>();
const READINGS_LIMIT = 16_384;

function readingsFor(kind: 'date-time' | 'text', rule: CenturyRule, reference: DayKey): Readings {
  let byKind = readings.get(reference);
  if (byKind === undefined) {
    if (readings.size >= 64) readings.clear();
    byKind = {};
    readings.set(reference, byKind);
  }
  const name = kind === 'text' ? (rule === 'past' ? 'text-past' : 'text-near') : rule;
  return (byKind[name] ??= new Map());
}

function remembered(table: Readings, key: string, read: () => DateReading): DateReading {
  let reading = table.get(key);
  if (reading === undefined) {
    reading = read();
    if (table.size >= READINGS_LIMIT) table.clear();
    table.set(key, reading);
  }
  return reading;
}

/**
 * DDMMYY (or DDMMCCYY) and an optional HHMM (or HHMMSS). Both empty is no date and no problem: PNRGOV
 * senders leave dates out all the time ("DAT+2:").
 */
export function readPnrDateTime(
  date: string,
  time: string,
  rule: CenturyRule,
  reference: DayKey,
): DateReading {
  if (!date && !time) return NOTHING;
  return remembered(readingsFor('date-time', rule, reference), time ? `${date}|${time}` : date, () =>
    readPnrDateTimeOnce(date, time, rule, reference),
  );
}

function readPnrDateTimeOnce(date: string, time: string, rule: CenturyRule, reference: DayKey): DateReading {
  const day = date.trim();
  const clock = time.trim();
  if (!day) return clock ? { value: null, problem: `time "${clock}" without a date` } : NOTHING;
  const shown = clock ? `"${day}" "${clock}"` : `"${day}"`;
  if (!allDigits(day) || (day.length !== 6 && day.length !== 8)) {
    return { value: null, problem: `${shown}: expected a date as DDMMYY` };
  }
  if (clock && ((clock.length !== 4 && clock.length !== 6) || !allDigits(clock))) {
    return { value: null, problem: `${shown}: expected a time as HHMM` };
  }
  const turned = day.slice(4) + day.slice(2, 4) + day.slice(0, 2);
  const minutes = clock.slice(0, 4);
  const format = day.length === 6 ? (minutes ? '201' : '101') : minutes ? '203' : '102';
  const reading = readEdifactDate(turned + minutes, format, rule, reference);
  const seconds = clock.slice(4);
  if (reading.problem || (seconds && Number(seconds) > 59)) {
    return { value: null, problem: `${shown} is not a valid date and time (DDMMYY HHMM)` };
  }
  // RCI times may carry seconds (HHMMSS), which the DTM formats used here have no room for.
  return seconds && reading.value
    ? { value: `${reading.value.slice(0, -2)}${seconds}`, problem: null }
    : reading;
}

/** "12JUL64" (or "12JUL1964"): dates of birth, expiry and issue in SSR free text. */
export function readTextDate(text: string, rule: CenturyRule, reference: DayKey): DateReading {
  if (!text) return NOTHING;
  return remembered(readingsFor('text', rule, reference), text, () =>
    readTextDateOnce(text, rule, reference),
  );
}

function readTextDateOnce(text: string, rule: CenturyRule, reference: DayKey): DateReading {
  const value = text.trim().toUpperCase();
  if (!value) return NOTHING;
  const month = MONTHS[value.slice(2, 5)];
  const day = value.slice(0, 2);
  const year = value.slice(5);
  if (!month || !allDigits(day) || !allDigits(year) || (year.length !== 2 && year.length !== 4)) {
    return { value: null, problem: `"${text.trim()}": expected a date as DDMMMYY (e.g. 12JUL64)` };
  }
  const reading = readEdifactDate(year + month + day, year.length === 2 ? '101' : '102', rule, reference);
  if (reading.problem) return { value: null, problem: `"${text.trim()}" is not a valid date` };
  return reading;
}

/** Card expiry MMYY to "2011-02"; cards expire within a few decades of the message. */
export function readCardExpiry(text: string): string | null {
  const value = text.trim();
  if (value.length !== 4 || !allDigits(value)) return null;
  const month = Number(value.slice(0, 2));
  if (month < 1 || month > 12) return null;
  return `20${value.slice(2)}-${value.slice(0, 2)}`;
}
