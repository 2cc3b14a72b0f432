/**
 * Text typed by a user, made safe inside a LIKE or ILIKE pattern: `%`, `_` and the escape
 * character `\` (PostgreSQL's default) stand for themselves, so "_%" finds those two characters
 * and not every row. The one place that builds patterns from input; stores use it for every LIKE.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A pattern for values that hold `text` anywhere, taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
