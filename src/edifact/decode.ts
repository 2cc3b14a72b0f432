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

export function decodeEdifactBytes(bytes: Uint8Array): DecodedInterchange {
  const declaredSyntax = sniffSyntaxIdentifier(bytes);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', declaredSyntax };
  } catch {
    // Not UTF-8: fall through to the declared single-byte set.
  }
  const encoding = (declaredSyntax && SYNTAX_CHARSETS[declaredSyntax]) || 'windows-1252';
  return { text: new TextDecoder(encoding).decode(bytes), encoding, declaredSyntax };
}
