/**
 * Contacts of a reservation. PNRGOV carries them in three shapes: the airline contact elements
 * in OSI or SSR text ("YY CTCM 123456789", "CTCE JOHN..SMITH//MAIL.COM"), ADD addresses with a
 * telephone text ("H5555555555 W 1 555 555 5555"), and the sponsor of a payment (IFT 43).
 */
import { compositeValues, type Segment } from '../edifact/index.js';
import { maskCardNumbersInText } from './pnrgov-masking.js';
import type { PhoneType, PnrAddress, PnrContacts, PnrEmail, PnrPhone } from './pnrgov-model.js';

/** The letter after CTC (AIRIMP): A address, B business, E e-mail, H home, M mobile, ... */
const CONTACT_TYPES: Record<string, PhoneType | 'email' | 'address'> = {
  A: 'address',
  B: 'business',
  E: 'email',
  F: 'fax',
  H: 'home',
  M: 'mobile',
  P: 'unspecified',
  R: 'other',
  T: 'agency',
  U: 'unspecified',
  W: 'business',
};

/** AIRIMP cannot carry "@", "_" and "-": they travel as "//", ".." and "./". */
export function decodeAirlineEmail(text: string): string {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    const next = text[i + 1];
    if (character === '/' && next === '/') {
      result += '@';
      i++;
    } else if (character === '.' && next === '.') {
      result += '_';
      i++;
    } else if (character === '.' && next === '/') {
      result += '-';
      i++;
    } else {
      result += character;
    }
  }
  return result.trim().toLowerCase();
}

/**
 * A telephone number in free text: an optional city code ("MEX52 55 4446 0000 FAX"), the
 * digits with their grouping, then a note. Null when fewer than five digits.
 */
export function readPhoneNumber(
  text: string,
): { number: string; city: string | null; note: string | null } | null {
  const match = /^\s*(?:([A-Z]{3})\s*)?(\+?[\d(][\d\s().\-/]*)(.*)$/.exec(text);
  if (!match) return null;
  const digits = match[2].replace(/\D/g, '');
  if (digits.length < 5) return null;
  const note = match[3].replace(/^[\s\-/]+/, '').trim();
  return {
    number: (match[2].startsWith('+') ? '+' : '') + digits,
    city: match[1] ?? null,
    note: note.length > 0 ? note : null,
  };
}

export type ContactReading =
  | { kind: 'phone'; phone: PnrPhone }
  | { kind: 'email'; email: PnrEmail }
  | { kind: 'address'; text: string; source: 'OSI' | 'SSR' | 'ADD' };

/**
 * Reads "[carrier ]CTC[type] value". The type letter counts only when a space, a digit or the
 * end follows it: in "CTCBOG 571 600" BOG is the city, not a business phone in "OG". The text
 * must already have its card numbers masked.
 */
export function readContactText(
  text: string,
  source: 'OSI' | 'SSR' | 'ADD',
  travellerSequence: number | null,
): ContactReading | null {
  const trimmed = text.trim();
  const start = /^(?:[A-Z0-9]{2}\s+)?CTC\s?/.exec(trimmed);
  if (!start) return null;
  let rest = trimmed.slice(start[0].length);
  let typeCode: string | null = null;
  if (/^[A-Z](?=$|[\s\d+/])/.test(rest) && CONTACT_TYPES[rest[0]]) {
    typeCode = rest[0];
    rest = rest.slice(1).replace(/^[\s/]+/, '');
  }
  const type = typeCode ? CONTACT_TYPES[typeCode] : 'unspecified';
  if (type === 'email') {
    const address = decodeAirlineEmail(rest);
    return address ? { kind: 'email', email: { address, text: trimmed, source, travellerSequence } } : null;
  }
  if (type === 'address') return rest ? { kind: 'address', text: rest, source } : null;
  const number = readPhoneNumber(rest);
  if (!number) return null;
  const phone: PnrPhone = { type, typeCode, ...number, text: trimmed, source, travellerSequence };
  return { kind: 'phone', phone };
}

/** The telephone text of an ADD (card numbers masked): "0044175363", "H5555555555 W 1 555 555 5555". */
export function readAddressPhones(text: string, travellerSequence: number | null): ContactReading[] {
  const contact = readContactText(text, 'ADD', travellerSequence);
  if (contact) return [contact];
  if (text.includes('@')) {
    return [
      {
        kind: 'email',
        email: { address: text.trim().toLowerCase(), text: text.trim(), source: 'ADD', travellerSequence },
      },
    ];
  }
  const readings: ContactReading[] = [];
  // Split before each type letter that directly precedes a number.
  for (const part of text.trim().split(/\s+(?=[HWBMF]\s?\d)/)) {
    const typed = /^([HWBMF])\s?(?=\d)/.exec(part);
    const typeCode = typed ? typed[1] : null;
    const number = readPhoneNumber(typed ? part.slice(typed[0].length) : part);
    if (!number) continue;
    const type = typeCode ? (CONTACT_TYPES[typeCode] as PhoneType) : 'unspecified';
    readings.push({
      kind: 'phone',
      phone: { type, typeCode, ...number, text: part.trim(), source: 'ADD', travellerSequence },
    });
  }
  return readings;
}

/** ADD++purpose:street:city:region code:region name:country:postal code:telephone. */
export function readAddress(
  segment: Segment,
  travellerSequence: number | null,
): { address: PnrAddress | null; contacts: ContactReading[] } {
  const parts = compositeValues(segment, 1).map((part) => maskCardNumbersInText(part.trim()));
  const [purposeCode, street, city, regionCode, regionName, country, postalCode, telephone] = parts;
  const orNull = (value: string | undefined) => (value ? value : null);
  const contacts = telephone ? readAddressPhones(telephone, travellerSequence) : [];
  const lines = [street, city, regionCode || regionName, postalCode, country].filter((value) => value);
  const address: PnrAddress | null =
    lines.length === 0
      ? null
      : {
          purposeCode: orNull(purposeCode),
          street: orNull(street),
          city: orNull(city),
          region: orNull(regionCode) ?? orNull(regionName),
          postalCode: orNull(postalCode),
          country: orNull(country),
          text: lines.join(', '),
          source: 'ADD',
          travellerSequence,
        };
  return { address, contacts };
}

/** Adds a contact unless the same one is already there for the same traveller. */
export function addContact(
  contacts: PnrContacts,
  reading: ContactReading,
  travellerSequence: number | null,
): void {
  if (reading.kind === 'phone') {
    const phone = reading.phone;
    if (
      !contacts.phones.some(
        (known) => known.number === phone.number && known.travellerSequence === phone.travellerSequence,
      )
    ) {
      contacts.phones.push(phone);
    }
  } else if (reading.kind === 'email') {
    const email = reading.email;
    if (
      !contacts.emails.some(
        (known) => known.address === email.address && known.travellerSequence === email.travellerSequence,
      )
    ) {
      contacts.emails.push(email);
    }
  } else {
    addAddress(contacts, {
      purposeCode: 'CTCA',
      street: reading.text,
      city: null,
      region: null,
      postalCode: null,
      country: null,
      text: reading.text,
      source: reading.source,
      travellerSequence,
    });
  }
}

export function addAddress(contacts: PnrContacts, address: PnrAddress): void {
  if (
    !contacts.addresses.some(
      (known) => known.text === address.text && known.travellerSequence === address.travellerSequence,
    )
  ) {
    contacts.addresses.push(address);
  }
}
