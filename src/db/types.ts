/** How column values come back from either driver: the same plain, JSON-ready values on both. */
export const DATE_OID = 1082;
export const TIMESTAMP_OID = 1114;
export const TIMESTAMPTZ_OID = 1184;
export const INT8_OID = 20;

/** "2024-01-02" stays a string: a date of birth has no time zone. */
export const parseDate = (value: string): string => value;

/** A local (wall-clock) time stays local: "2024-01-02 10:30:00" -> "2024-01-02T10:30:00". */
export const parseTimestamp = (value: string): string => value.replace(' ', 'T');

/** An instant becomes ISO 8601 UTC, whatever the session time zone. */
export const parseTimestamptz = (value: string): string => {
  const normalised = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

/** Counts fit in a double; bigint ids are not used. */
export const parseInt8 = (value: string): number => Number(value);

export const valueParsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: parseDate,
  [TIMESTAMP_OID]: parseTimestamp,
  [TIMESTAMPTZ_OID]: parseTimestamptz,
  [INT8_OID]: parseInt8,
};
