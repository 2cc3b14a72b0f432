import { decodeEdifactBytes, detectMessageTypes, looksLikeEdifact } from '../edifact/index.js';
import type { Issue } from './model.js';

/** Message bytes to text: valid UTF-8 wins, else the character set the interchange declares. */
export function decodeMessage(bytes: Uint8Array): { text: string; encoding: string } {
  const { text, encoding } = decodeEdifactBytes(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

/**
 * What the content carries: the message type of the first UNH of an EDIFACT interchange, XML, or
 * unknown. Only the head is read: the UNH comes within the first segments.
 */
export function detectFormat(text: string): string {
  if (looksLikeEdifact(text)) {
    const header = text.indexOf('UNH');
    const head = header >= 0 ? text.slice(0, header + 512) : text.slice(0, 4096);
    return detectMessageTypes(head)[0]?.type ?? 'EDIFACT';
  }
  if (/^\s*</.test(text.slice(0, 256))) return 'XML';
  return 'unknown';
}

export function unrecognisedFormat(format: string, supported: string[]): Issue {
  const what =
    format === 'unknown'
      ? 'The content is not a recognised message'
      : format === 'EDIFACT'
        ? 'The EDIFACT interchange holds no message header (UNH)'
        : `${format} messages are not accepted yet`;
  return {
    segment: 1,
    line: 1,
    column: 1,
    message: `${what}: expected a UN/EDIFACT interchange (UNA/UNB ... UNH) carrying ${supported.join(' or ')}`,
  };
}
