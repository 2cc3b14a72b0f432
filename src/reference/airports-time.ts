import { airportTimeZone } from './airports.js';

/**
 * Local airport times to UTC with the platform's time zone database (Intl), no dependency.
 * Schedules are published in local time, so a DST change between two flights matters.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const FORMATTER_LIMIT = 512;
const DAY_MS = 86_400_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter !== undefined) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    formatter = null;
  }
  if (formatters.size >= FORMATTER_LIMIT) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Offset of the zone from UTC at `epochMs`, in milliseconds (east positive). */
function offsetAtNow(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - fields.year : fields.year;
  const wallClock = Date.UTC(year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return wallClock - wholeSeconds;
}

/**
 * Offsets by zone and UTC day, and by quarter of an hour on the days when the offset changes: a
 * conversion asks for three, and times of one day share them. A span is only cached when its
 * first and last second have the same offset, so a change of offset inside it (historical zones
 * changed at odd times) is never hidden; the offset at any instant is then exactly what the zone
 * database says.
 */
const QUARTER_MS = 15 * 60_000;
/** A day with a change of offset: its quarters are cached instead. */
const CHANGING = Number.NaN;
// Keyed by the formatter, so a zone's offsets go when its formatter is dropped.
const offsetsByZone = new WeakMap<
  Intl.DateTimeFormat,
  { days: Map<number, number>; quarters: Map<number, number> }
>();
const OFFSET_LIMIT = 50_000;

/** The offset over [start, start + span), or undefined when it changes inside. */
function steadyOffset(formatter: Intl.DateTimeFormat, start: number, span: number): number | undefined {
  const first = offsetAtNow(formatter, start);
  return first === offsetAtNow(formatter, start + span - 1000) ? first : undefined;
}

function offsetAt(formatter: Intl.DateTimeFormat, epochMs: number): number {
  let offsets = offsetsByZone.get(formatter);
  if (!offsets) {
    offsets = { days: new Map(), quarters: new Map() };
    offsetsByZone.set(formatter, offsets);
  }
  const day = Math.floor(epochMs / DAY_MS);
  let known = offsets.days.get(day);
  if (known === undefined) {
    known = steadyOffset(formatter, day * DAY_MS, DAY_MS) ?? CHANGING;
    if (offsets.days.size >= OFFSET_LIMIT) offsets.days.clear();
    offsets.days.set(day, known);
  }
  if (!Number.isNaN(known)) return known;
  const quarter = Math.floor(epochMs / QUARTER_MS);
  const inQuarter = offsets.quarters.get(quarter);
  if (inQuarter !== undefined) return inQuarter;
  const steady = steadyOffset(formatter, quarter * QUARTER_MS, QUARTER_MS);
  if (steady === undefined) return offsetAtNow(formatter, epochMs);
  if (offsets.quarters.size >= OFFSET_LIMIT) offsets.quarters.clear();
  offsets.quarters.set(quarter, steady);
  return steady;
}

/** Schedules repeat the same few local times: converting each once spares the Intl calls. */
const conversions = new Map<string, string | null>();
const CONVERSION_LIMIT = 10_000;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The UTC instant (ISO 8601, "Z") of a local date-time ("2017-01-27T17:25:00") in `timeZone`.
 * A time repeated when clocks go back takes its first occurrence; a time skipped when they go
 * forward is read with the offset in force before the change (so 02:30 becomes 03:30), as
 * Temporal's "compatible" disambiguation does. Null for an unknown zone or a malformed time.
 */
export function localToUtc(local: string, timeZone: string): string | null {
  const key = `${timeZone} ${local}`;
  const known = conversions.get(key);
  if (known !== undefined) return known;
  const instant = convert(local, timeZone);
  if (conversions.size >= CONVERSION_LIMIT) conversions.clear();
  conversions.set(key, instant);
  return instant;
}

function convert(local: string, timeZone: string): string | null {
  const match = LOCAL_PATTERN.exec(local);
  const formatter = formatterFor(timeZone);
  if (!match || !formatter) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const wallClock = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  if (Number.isNaN(wallClock)) return null;
  const offsetBefore = offsetAt(formatter, wallClock - DAY_MS);
  const offsetAfter = offsetAt(formatter, wallClock + DAY_MS);
  const candidateBefore = wallClock - offsetBefore;
  const candidateAfter = wallClock - offsetAfter;
  const beforeFits = offsetAt(formatter, candidateBefore) === offsetBefore;
  const afterFits = offsetAt(formatter, candidateAfter) === offsetAfter;
  let instant: number;
  if (beforeFits && afterFits) instant = Math.min(candidateBefore, candidateAfter);
  else if (beforeFits) instant = candidateBefore;
  else if (afterFits) instant = candidateAfter;
  else instant = candidateBefore;
  return new Date(instant).toISOString();
}

/** UTC instant of a local time at an airport, or null when the airport's zone is unknown. */
export function airportLocalToUtc(local: string, iata: string): string | null {
  const timeZone = airportTimeZone(iata);
  return timeZone ? localToUtc(local, timeZone) : null;
}
