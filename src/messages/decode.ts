import { decodeEdifactBytes, detectMessageTypes, looksLikeEdifact } from '../edifact/index.js';
import type { Issue } from './model.js';

export interface DecodedMessage {
  /** The text to store and read: never holds NUL (PostgreSQL text cannot), each one is U+FFFD here. */
  text: string;
  encoding: string;
  /** Whether the UTF-8 of `text` is exactly the received bytes; when not, the bytes are kept beside it. */
  exact: boolean;
  /** The first NUL (byte offset in the received bytes, line and column in the text), if any. */
  nul: { offset: number; line: number; column: number } | null;
}

/** How many leading bytes the UTF-16 test looks at: enough to see the pattern, cheap on any size. */
const UTF16_PROBE_BYTES = 1024;

/**
 * UTF-16 by its byte order mark, or without one by the zero bytes: text in the Latin range
 * (EDIFACT and XML structure always is) has every high byte zero, at odd offsets for little
 * endian and even ones for big endian, while the other half of the bytes is almost never zero.
 */
export function utf16EncodingOf(
  bytes: Uint8Array,
): { encoding: 'utf-16le' | 'utf-16be'; bom: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const probe = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
  if (probe < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = probe / 2;
  if (oddZeros >= pairs / 2 && evenZeros <= pairs / 20) return { encoding: 'utf-16le', bom: 0 };
  if (evenZeros >= pairs / 2 && oddZeros <= pairs / 20) return { encoding: 'utf-16be', bom: 0 };
  return null;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Message bytes to text: UTF-16 (with or without its mark), else valid UTF-8, else the character
 * set the interchange declares. A byte order mark is not part of the text.
 */
export function decodeMessage(bytes: Uint8Array): DecodedMessage {
  const utf16 = utf16EncodingOf(bytes);
  let text: string;
  let encoding: string;
  let exact: boolean;
  if (utf16) {
    text = new TextDecoder(utf16.encoding, { ignoreBOM: true }).decode(bytes.subarray(utf16.bom));
    encoding = utf16.encoding;
    exact = false;
  } else {
    ({ text, encoding } = decodeEdifactBytes(bytes));
    exact = encoding === 'utf-8';
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      exact = false;
    }
  }
  const nulIndex = text.indexOf('\0');
  if (nulIndex < 0) return { text, encoding, exact, nul: null };
  // In UTF-8 and the single-byte sets a NUL character is a zero byte; in UTF-16, two at its unit.
  const offset = utf16 ? utf16.bom + nulIndex * 2 : bytes.indexOf(0);
  const nul = { offset, ...lineAndColumn(text, nulIndex) };
  return { text: text.replaceAll('\0', '\uFFFD'), encoding, exact: false, nul };
}

/** Why a message holding NUL is kept as received but not read. */
export function nulIssue(nul: NonNullable<DecodedMessage['nul']>): Issue {
  return {
    segment: 0,
    line: nul.line,
    column: nul.column,
    message: `byte 0x00 at offset ${nul.offset} (line ${nul.line}, column ${nul.column}): a message may not contain NUL; it is kept as received and not read`,
  };
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
