import type { ColumnType } from 'kysely';

/** Dates and times come back as strings (see types.ts). */
export type Timestamp = ColumnType<string, string | undefined, string>;
export type Json<T> = ColumnType<T, string, string>;
