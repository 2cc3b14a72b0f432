/**
 * One normal form per field, used on both sides of a comparison: rule values are normalised once
 * at compile time, record values once per record. Unknown or unreadable values become null.
 */
import { countryCode } from '../names/countries.js';
import type { FieldDefinition } from './types.js';

/** A field value in normal form: folded string, number (also days and instants), boolean. */
export type Normalised = string | number | boolean;

const NON_ASCII = /[^\x20-\x7e]/;
const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;

/** Case and diacritics folded, white space collapsed: "  Đorđević  Ana" -> "dordevic ana". */
export function foldText(value: string): string {
  let text = value.trim();
  if (NON_ASCII.test(text)) {
    text = text.normalize('NFKD').replace(MARKS, '').replace(/[đĐ]/g, 'd').replace(/[łŁ]/g, 'l');
  }
  return text.replace(SPACES, ' ').toLowerCase();
}

/** Travel document numbers compare on upper-case letters and digits only: "ab 12-34" -> "AB1234". */
export function normaliseDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Phones compare on digits only, an international "00" prefix dropped: "+387 61-123" -> "38761123". */
export function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return value.trim().startsWith('00') ? digits.slice(2) : digits;
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Country codes (alpha-2, alpha-3, English names) to ISO 3166 alpha-2; other codes upper-cased. */
export function normaliseCountry(value: string): string {
  const upper = value.trim().toUpperCase();
  return countryCode(upper) ?? upper;
}

/** Whether a rule value is a country code the system knows (ICAO 9303 special codes included). */
export function isKnownCountry(value: string): boolean {
  const upper = value.trim().toUpperCase();
  return countryCode(upper) !== undefined || /^(D|X[A-Z]{2}|UN[AOK])$/.test(upper);
}

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Days since 1970-01-01 of a YYYY-MM-DD date (a longer ISO string: its date part); null if invalid. */
export function parseDay(value: unknown): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : Math.floor(time / DAY);
  }
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / DAY;
}

/** Milliseconds since the epoch of an ISO 8601 instant (UTC when it has no offset); null if invalid. */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : time;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = INSTANT.exec(text);
  if (!match || parseDay(text) === null) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(time) ? null : time;
}

function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/** The string normaliser of a string or code field ('' means empty). */
export function textNormaliser(definition: FieldDefinition): (value: string) => string {
  if (definition.type === 'code') {
    return definition.codeKind === 'country' ? normaliseCountry : (value) => value.trim().toUpperCase();
  }
  switch (definition.textKind ?? 'text') {
    case 'document-number':
      return normaliseDocumentNumber;
    case 'phone':
      return normalisePhone;
    case 'email':
      return normaliseEmail;
    default:
      return foldText;
  }
}

/** How one value of a field becomes its normal form; null for unknown, empty or unreadable. */
export function scalarNormaliser(definition: FieldDefinition): (value: unknown) => Normalised | null {
  switch (definition.type) {
    case 'number':
      return readNumber;
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : null);
    case 'date':
      return parseDay;
    case 'datetime':
      return parseInstant;
    default: {
      const normalise = textNormaliser(definition);
      return (value) => {
        if (typeof value !== 'string' && typeof value !== 'number') return null;
        const text = normalise(String(value));
        return text === '' ? null : text;
      };
    }
  }
}

/**
 * How a record value of a field becomes its normal form: a scalar, or for a multiple field an
 * array of the known elements (null when there are none; a lone scalar counts as one element).
 */
export function fieldNormaliser(definition: FieldDefinition): (value: unknown) => unknown {
  const scalar = scalarNormaliser(definition);
  if (!definition.multiple) return (value) => (value === null || value === undefined ? null : scalar(value));
  return (value) => {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value)) {
      const one = scalar(value);
      return one === null ? null : [one];
    }
    const elements: Normalised[] = [];
    for (const element of value) {
      const normal = element === null || element === undefined ? null : scalar(element);
      if (normal !== null) elements.push(normal);
    }
    return elements.length === 0 ? null : elements;
  };
}

/** Folds one pattern character as the field folds its values, so that patterns and values meet. */
export function characterFold(definition: FieldDefinition): (character: string) => string {
  if (definition.type === 'code') return (character) => character.toUpperCase();
  switch (definition.textKind ?? 'text') {
    case 'document-number':
      return (character) => {
        const upper = character.toUpperCase();
        return /^[A-Z0-9]$/.test(upper) ? upper : '';
      };
    case 'phone':
      return (character) => (/^\d$/.test(character) ? character : '');
    case 'email':
      return (character) => character.toLowerCase();
    default:
      return (character) => (/^\s$/.test(character) ? ' ' : foldText(character));
  }
}
