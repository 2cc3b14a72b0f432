import type { Issue } from './model.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Message bytes to text. EDIFACT level A/B is ASCII, UNOC..UNOK are ISO 8859 and UNOW/UNOY UTF-8; real
 * senders mislabel, so valid UTF-8 wins and anything else is read as Latin-1 rather than refused.
 */
export function decodeMessage(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin1' } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: latin1.decode(body), encoding: 'latin1' };
  }
}

/** What an interchange says it carries: the message type of its first UNH, or what the text looks like. */
export function detectFormat(text: string): string {
  const head = text.slice(0, 4096);
  const unh = /UNH.(?:[^\n]*?)(PAXLST|PNRGOV|CUSCAR|CUSRES|IFTMCS|IFCSUM)/.exec(head.replace(/\r?\n/g, ''));
  if (unh) return unh[1]!;
  if (/^\s*<\?xml|^\s*</.test(head)) return 'XML';
  if (/^\s*(UNA|UNB)/.test(head)) return 'EDIFACT';
  return 'unknown';
}

export function unrecognisedFormat(format: string, supported: string[]): Issue {
  const what =
    format === 'unknown'
      ? 'The content is not a recognised message'
      : `${format} messages are not accepted yet`;
  return {
    segment: 1,
    line: 1,
    column: 1,
    message: `${what}: expected a UN/EDIFACT interchange (UNA/UNB ... UNH) carrying ${supported.join(' or ')}`,
  };
}
