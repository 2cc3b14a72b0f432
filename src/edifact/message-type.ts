import { readMessageIdentifier, type MessageIdentifier } from './envelope.js';
import { tokenize } from './tokenizer.js';

export interface DetectedMessageType extends MessageIdentifier {
  /** How many messages (UNH) of this exact S009 the interchange holds. */
  count: number;
}

/**
 * The message types an interchange holds, from each UNH S009 (e.g. "PAXLST:D:02B:UN:IATA",
 * "PNRGOV:13:1:IA", "CUSCAR:D:95B:UN"), in order of first appearance. [] when it holds none.
 */
export function detectMessageTypes(text: string): DetectedMessageType[] {
  const found = new Map<string, DetectedMessageType>();
  for (const segment of tokenize(text).segments) {
    if (segment.tag !== 'UNH') continue;
    const identifier = readMessageIdentifier(segment);
    const known = found.get(identifier.identifier);
    if (known) known.count++;
    else found.set(identifier.identifier, { ...identifier, count: 1 });
  }
  return [...found.values()];
}

/**
 * Cheap sniffing for format detection: does the text start (after a BOM and whitespace) with an
 * EDIFACT service segment? Reads at most a few characters.
 */
export function looksLikeEdifact(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && i < 1024) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
    i++;
  }
  const tag = text.slice(i, i + 3);
  if (tag === 'UNA') return text.length - i >= 9;
  if (tag !== 'UNB' && tag !== 'UNH') return false;
  const next = text.charCodeAt(i + 3);
  // The element separator is a graphic non-alphanumeric character ("+" unless UNA says otherwise).
  return (
    next > 32 && !((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122))
  );
}
