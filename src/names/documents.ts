import { countryCode } from './countries.js';
import type { IdentityDocument, ScoreAdjustment } from './types.js';

/**
 * Document numbers as printed on lists ("L 191609", "No. 0123-456") and as read from an MRZ
 * (with the check digit, filler "<" and OCR confusions): compared on the characters that
 * carry the number.
 */
export function normaliseDocumentNumber(value: string): string {
  return value
    .toUpperCase()
    .replace(/^(NO|NR|N°|BROJ)\.?\s*/, '')
    .replace(/[^A-Z0-9]/g, '');
}

const CHECK_WEIGHTS = [7, 3, 1];

function characterValue(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return 0;
}

/** ICAO Doc 9303 part 3, 4.9: weights 7-3-1 repeating, modulo 10. */
export function icaoCheckDigit(value: string): number {
  let sum = 0;
  for (let index = 0; index < value.length; index++)
    sum += characterValue(value[index]) * CHECK_WEIGHTS[index % 3];
  return sum % 10;
}

/** OCR and typing confusions in machine-read numbers. */
function withoutConfusions(value: string): string {
  return value
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/S/g, '5')
    .replace(/B/g, '8')
    .replace(/Z/g, '2');
}

export type DocumentRelation = 'same' | 'check-digit' | 'confusable';

export function relateDocumentNumbers(a: string, b: string): DocumentRelation | undefined {
  const x = normaliseDocumentNumber(a);
  const y = normaliseDocumentNumber(b);
  if (x.length < 4 || y.length < 4) return x === y && x.length > 0 ? 'same' : undefined;
  if (x === y) return 'same';
  // One written with the MRZ check digit appended, the other without it.
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  if (longer.length === shorter.length + 1 && longer.startsWith(shorter)) {
    if (Number(longer[longer.length - 1]) === icaoCheckDigit(shorter)) return 'check-digit';
  }
  if (withoutConfusions(x) === withoutConfusions(y)) return 'confusable';
  return undefined;
}

export const DOCUMENT_DELTA: Record<DocumentRelation, number> = {
  same: 0.3,
  'check-digit': 0.3,
  confusable: 0.25,
};

const DETAIL: Record<DocumentRelation, string> = {
  same: 'same document number',
  'check-digit': 'same document number, one written with its check digit',
  confusable: 'same document number but for letters and digits that look alike (O/0, I/1)',
};

function statesConflict(a: IdentityDocument, b: IdentityDocument): boolean {
  const x = countryCode(a.issuingState);
  const y = countryCode(b.issuingState);
  return x !== undefined && y !== undefined && x !== y;
}

/** The strongest agreement between the query's documents and the entry's. */
export function compareDocuments(
  query: readonly IdentityDocument[] | undefined,
  entry: readonly IdentityDocument[] | undefined,
): ScoreAdjustment | undefined {
  if (!query || !entry) return undefined;
  let best: ScoreAdjustment | undefined;
  for (const asked of query) {
    for (const listed of entry) {
      if (statesConflict(asked, listed)) continue;
      const relation = relateDocumentNumbers(asked.number, listed.number);
      if (!relation) continue;
      const delta = DOCUMENT_DELTA[relation];
      if (!best || delta > best.delta)
        best = {
          reason: 'document',
          detail: `${asked.number} vs ${listed.number}: ${DETAIL[relation]}`,
          delta,
        };
    }
  }
  return best;
}
