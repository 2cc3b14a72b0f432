import { createHash } from 'node:crypto';

/**
 * The mark that makes a statement a prepared one: the server parses and plans it once per
 * connection, not at each execution (a few hot ingest statements spend as long being planned as
 * being run). Both database drivers honour it (database.ts, pglite-dialect.ts).
 */
export const PREPARED = '/* prepared */';

/** A prepared statement's name, from its text: two texts never share one. */
export const statementName = (text: string) => `interdict_${createHash('sha1').update(text).digest('hex')}`;
