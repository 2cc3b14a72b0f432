import type { Separators } from './service-string.js';

/** Character classes of the scanning loop. */
export const DATA = 0;
export const COMPONENT = 1;
export const ELEMENT = 2;
export const TERMINATOR = 3;
export const RELEASE = 4;
export const CARRIAGE_RETURN = 5;
export const LINE_FEED = 6;

const tableCache = new Map<string, Uint8Array>();
const TABLE_CACHE_LIMIT = 16;

/**
 * Character class of every UTF-16 code unit, so that the scanning loop does one load and one
 * compare per character. Built once per set of separators.
 */
export function classTable(separators: Separators): Uint8Array {
  const key = separators.component + separators.element + separators.segment + separators.release;
  const cached = tableCache.get(key);
  if (cached) return cached;
  const table = new Uint8Array(65536);
  table[13] = CARRIAGE_RETURN;
  table[10] = LINE_FEED;
  if (separators.release) table[separators.release.charCodeAt(0)] = RELEASE;
  table[separators.component.charCodeAt(0)] = COMPONENT;
  table[separators.element.charCodeAt(0)] = ELEMENT;
  table[separators.segment.charCodeAt(0)] = TERMINATOR;
  // Arbitrary UNAs must not grow the cache without bound in a long-running server.
  if (tableCache.size >= TABLE_CACHE_LIMIT) tableCache.clear();
  tableCache.set(key, table);
  return table;
}

/** Rebuilds a token that contained release characters or line breaks (the rare, slow path). */
export function cleanToken(text: string, start: number, end: number, release: number): string {
  let result = '';
  let pieceStart = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      result += text.slice(pieceStart, i);
      pieceStart = i + 1;
    } else if (code === release) {
      result += text.slice(pieceStart, i);
      i++;
      while (i < end && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
      pieceStart = i;
    }
  }
  return result + text.slice(pieceStart, end);
}

export function isWellFormedTag(tag: string): boolean {
  if (tag.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const code = tag.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}
