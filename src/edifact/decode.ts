/**
 * Bytes to text for an EDIFACT interchange. The UNB syntax identifier names the character set
 * (ISO 9735), but real files often disagree with it, so valid UTF-8 always wins.
 */

/** WHATWG encoding labels for the syntax identifiers that declare a single-byte set. */
const SYNTAX_CHARSETS: Record<string, string> = {
  UNOA: 'windows-1252',
  UNOB: 'windows-1252',
  UNOC: 'iso-8859-1',
  UNOD: 'iso-8859-2',
  UNOE: 'iso-8859-5',
  UNOF: 'iso-8859-7',
  UNOG: 'iso-8859-3',
  UNOH: 'iso-8859-4',
  UNOI: 'iso-8859-6',
  UNOJ: 'iso-8859-8',
  UNOK: 'iso-8859-9',
};

export interface DecodedInterchange {
  text: string;
  /** The WHATWG encoding actually used. */
  encoding: string;
  /** The UNB syntax identifier (UNOA, UNOC, UNOY ...), when one was found. */
  declaredSyntax: string | null;
}

/** UNB syntax identifier from the first bytes, whatever the separators. */
export function sniffSyntaxIdentifier(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const match = /UNB.(UNO[A-Z]|UCS2|IATA|IATB)/.exec(head);
  return match ? match[1] : null;
}

/** Windows-1252 characters of bytes 0x80-0x9F (0 where the code page leaves a byte undefined). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/** Node's TextDecoder reads "windows-1252" as ISO-8859-1 (0x80-0x9F become C1 controls), hence this. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    chunk.push(byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] || byte : byte);
    if (chunk.length === 8192) {
      text += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return text + String.fromCharCode(...chunk);
}

export function decodeEdifactBytes(bytes: Uint8Array): DecodedInterchange {
  const declaredSyntax = sniffSyntaxIdentifier(bytes);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', declaredSyntax };
  } catch {
    // Not UTF-8: fall through to the declared single-byte set.
  }
  const encoding = (declaredSyntax && SYNTAX_CHARSETS[declaredSyntax]) || 'windows-1252';
  const text =
    encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return { text, encoding, declaredSyntax };
}
