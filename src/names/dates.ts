import type { ScoreAdjustment } from './types.js';

/** A date as lists give them: year always, month and day when known. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/**
 * Reads YYYY, YYYY-MM, YYYY-MM-DD, and the sloppy forms data entry produces (1969-7-16,
 * 1974-01-32): a part out of range is taken as unknown rather than the whole date lost.
 */
export function parsePartialDate(value: string | undefined): PartialDate | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{4})(?:[-./](\d{1,2}))?(?:[-./](\d{1,2}))?/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1000 || year > 2999) return undefined;
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  const validMonth = month !== undefined && month >= 1 && month <= 12 ? month : undefined;
  const validDay = validMonth !== undefined && day !== undefined && day >= 1 && day <= 31 ? day : undefined;
  return { year, month: validMonth, day: validDay };
}

export type DateRelation = 'exact' | 'same-year' | 'transposed' | 'close' | 'differs';

/** Score change per relation; a large gap grows the penalty, see `dateDelta`. */
export const DATE_DELTA: Record<Exclude<DateRelation, 'differs'>, number> = {
  exact: 0.06,
  'same-year': 0.02,
  transposed: 0.02,
  close: 0,
};

const MAX_DATE_PENALTY = 0.25;

export function relateDates(a: PartialDate, b: PartialDate): { relation: DateRelation; yearGap: number } {
  const yearGap = Math.abs(a.year - b.year);
  const bothFull = a.day !== undefined && b.day !== undefined;
  if (yearGap === 0) {
    if (bothFull) {
      if (a.month === b.month && a.day === b.day) return { relation: 'exact', yearGap };
      if (a.month === b.day && a.day === b.month) return { relation: 'transposed', yearGap };
      return { relation: 'close', yearGap };
    }
    if (a.month !== undefined && b.month !== undefined && a.month !== b.month)
      return { relation: 'close', yearGap };
    return { relation: 'same-year', yearGap };
  }
  // A year off by one is the commonest slip and "approximately" on lists means as much.
  if (yearGap === 1) return { relation: 'close', yearGap };
  return { relation: 'differs', yearGap };
}

function dateDelta(relation: DateRelation, yearGap: number): number {
  if (relation !== 'differs') return DATE_DELTA[relation];
  return -Math.min(MAX_DATE_PENALTY, 0.1 + 0.05 * (yearGap - 2));
}

const format = (date: PartialDate) =>
  [String(date.year), date.month?.toString().padStart(2, '0'), date.day?.toString().padStart(2, '0')]
    .filter(Boolean)
    .join('-');

const DETAIL: Record<DateRelation, string> = {
  exact: 'same date of birth',
  'same-year': 'same year of birth',
  transposed: 'day and month transposed',
  close: 'within a year',
  differs: 'different date of birth',
};

/** Listed dates as read, kept: the same entries are met by query after query. */
const listedDates = new Map<string, PartialDate | null>();
const LISTED_DATES_LIMIT = 200_000;

function listedDate(value: string): PartialDate | undefined {
  let date = listedDates.get(value);
  if (date === undefined) {
    date = parsePartialDate(value) ?? null;
    if (listedDates.size >= LISTED_DATES_LIMIT) listedDates.clear();
    listedDates.set(value, date);
  }
  return date ?? undefined;
}

/**
 * An entry's dates as read, by the entry's list of them: the index bounds every candidate it
 * meets by its date of birth, and looking up the list itself costs less than each date's text.
 */
const listsRead = new WeakMap<readonly string[], { values: string[]; dates: PartialDate[] }>();

function listedDatesOf(entry: readonly string[]): PartialDate[] {
  const read = listsRead.get(entry);
  // A list changed in place since is read again.
  if (
    read &&
    read.values.length === entry.length &&
    read.values.every((value, index) => value === entry[index])
  )
    return read.dates;
  const dates: PartialDate[] = [];
  for (const value of entry) {
    const listed = listedDate(value);
    if (listed) dates.push(listed);
  }
  listsRead.set(entry, { values: [...entry], dates });
  return dates;
}

/** The entry's date of birth closest to the asked one, with its score change. */
export function closestDateOfBirth(
  asked: PartialDate,
  entry: readonly string[] | undefined,
): { listed: PartialDate; relation: DateRelation; delta: number } | undefined {
  let best: { listed: PartialDate; relation: DateRelation; delta: number } | undefined;
  if (!entry) return undefined;
  for (const listed of listedDatesOf(entry)) {
    const { relation, yearGap } = relateDates(asked, listed);
    const delta = dateDelta(relation, yearGap);
    if (!best || delta > best.delta) best = { listed, relation, delta };
  }
  return best;
}

/** The best agreement between the query's date of birth and any of the entry's. */
export function compareDateOfBirth(
  query: string | undefined,
  entry: readonly string[] | undefined,
): ScoreAdjustment | undefined {
  const asked = parsePartialDate(query);
  if (!asked) return undefined;
  const best = closestDateOfBirth(asked, entry);
  if (!best) return undefined;
  return {
    reason: 'date-of-birth',
    detail: `${format(asked)} vs ${format(best.listed)}: ${DETAIL[best.relation]}`,
    delta: best.delta,
  };
}

/** The largest rise a date of birth can give, for bounds in the index. */
export const MAX_DATE_BONUS = DATE_DELTA.exact;
