/**
 * EDIFACT DTM values (formats 101, 102, 201-204) and the UNB preparation date to ISO 8601 local
 * dates and date-times, for every message type (PAXLST, PNRGOV, CUSCAR ...). Real messages hold
 * impossible dates: they become a problem text and null, never a guess.
 */

/**
 * How to place a two-digit year: dates of birth and of issue are never after the message
 * ('past'); expiry dates and flight times are near the message, mostly after it ('near').
 */
export type CenturyRule = 'past' | 'near';

export interface DateReading {
  /** "2017-01-27" or "2017-01-27T17:25:00"; null when unreadable. */
  value: string | null;
  /** Why the value could not be read, for a warning. */
  problem: string | null;
}

/** A calendar day as a sortable number: 20200130 for 30 January 2020. */
export type DayKey = number;

export function dayKeyOf(date: Date): DayKey {
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

const DIGITS_BY_FORMAT: Record<string, number> = {
  '101': 6,
  '102': 8,
  '201': 10,
  '202': 12,
  '203': 12,
  '204': 14,
};
const HAS_CENTURY: Record<string, boolean> = { '102': true, '203': true, '204': true };

function inferFormat(value: string): string | null {
  switch (value.length) {
    case 6:
      return '101';
    case 8:
      return '102';
    case 10:
      return '201';
    case 12:
      return value.startsWith('19') || value.startsWith('20') ? '203' : '202';
    case 14:
      return '204';
    default:
      return null;
  }
}

/** Whether `value` is one or more ASCII digits. */
export function allDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return value.length > 0;
}

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + (value.charCodeAt(at + 1) - 48);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fail(problem: string): DateReading {
  return { value: null, problem };
}

/**
 * Reads `value` in DTM format `format` (2379); an empty or unknown format is inferred from the
 * length. `reference` is the day the message speaks from, for placing two-digit years.
 */
export function readEdifactDate(
  value: string,
  format: string,
  rule: CenturyRule,
  reference: DayKey,
): DateReading {
  const text = value.trim();
  if (text.length === 0) return fail('no date given');
  const effectiveFormat = DIGITS_BY_FORMAT[format] !== undefined ? format : inferFormat(text);
  if (effectiveFormat === null)
    return fail(`"${text}" is not a date in a known format${format ? ` (format ${format})` : ''}`);
  const expected = DIGITS_BY_FORMAT[effectiveFormat];
  if (text.length !== expected || !allDigits(text)) {
    return fail(`"${text}" is not a date in format ${effectiveFormat}: expected ${expected} digits`);
  }
  const withCentury = HAS_CENTURY[effectiveFormat] === true;
  const dateDigits = withCentury ? 8 : 6;
  let year: number;
  const month = twoDigits(text, dateDigits - 4);
  const day = twoDigits(text, dateDigits - 2);
  if (withCentury) {
    year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  } else {
    const shortYear = twoDigits(text, 0);
    year = 2000 + shortYear;
    const key = year * 10000 + month * 100 + day;
    if (rule === 'past' ? key > reference : key > reference + 500000) year -= 100;
  }
  if (month < 1 || month > 12) return fail(`"${text}" has no valid month (${month})`);
  if (day < 1 || day > daysInMonth(year, month))
    return fail(`"${text}" has no valid day (${day}) for ${year}-${month}`);
  const date = `${year}-${text.slice(dateDigits - 4, dateDigits - 2)}-${text.slice(dateDigits - 2, dateDigits)}`;
  if (text.length === dateDigits) return { value: date, problem: null };
  const hour = twoDigits(text, dateDigits);
  const minute = twoDigits(text, dateDigits + 2);
  const second = text.length > dateDigits + 4 ? twoDigits(text, dateDigits + 4) : 0;
  if (hour > 23 || minute > 59 || second > 59) return fail(`"${text}" has no valid time of day`);
  const seconds = text.length > dateDigits + 4 ? text.slice(dateDigits + 4) : '00';
  return {
    value: `${date}T${text.slice(dateDigits, dateDigits + 2)}:${text.slice(dateDigits + 2, dateDigits + 4)}:${seconds}`,
    problem: null,
  };
}

/** UNB S004 date (YYMMDD or CCYYMMDD) and time (HHMM) to an ISO local date-time. */
export function readInterchangeDate(
  date: string | null,
  time: string | null,
  reference: DayKey,
): DateReading {
  if (!date) return fail('no preparation date');
  const combined = date.trim() + (time ?? '').trim();
  const format = date.trim().length === 8 ? (time ? '203' : '102') : time ? '201' : '101';
  return readEdifactDate(combined, format, 'near', reference);
}
