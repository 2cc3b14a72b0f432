/**
 * SSR segments and the airline sub-syntax of their free text (IATA AIRIMP / RP 1830): DOCS
 * "/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITH/JOHN", DOCO, DOCA, INFT "SMITH/ANNA 10AUG11",
 * seat texts ".03BN03AN".
 */
import { componentValue, parseCount, type DayKey, type Segment } from '../edifact/index.js';
import { readTextDate } from './pnrgov-dates.js';
import type { PnrAddress, PnrTravelDocument, PnrVisa } from './pnrgov-model.js';

export interface ServiceRequestDetail {
  /** Seat, or other per-traveller value of the SSR. */
  value: string;
  travellerReference: string | null;
}

export interface ServiceRequestReading {
  code: string;
  status: string | null;
  quantity: number | null;
  carrier: string | null;
  boardPoint: string | null;
  offPoint: string | null;
  text: string | null;
  details: ServiceRequestDetail[];
  /** The traveller the SSR is for, when it names exactly one. */
  travellerReference: string | null;
}

const orNull = (value: string) => {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
};

/** SSR+code:status:quantity:carrier:::board:off:free text+value::traveller reference+... */
export function readServiceRequest(segment: Segment): ServiceRequestReading {
  const first = segment.elements[0] ?? [];
  // Free text can hold unreleased component separators; what follows the 9th component is text.
  const text = first.length > 8 ? first.slice(8).join(':') : '';
  const details: ServiceRequestDetail[] = [];
  const references = new Set<string>();
  for (let i = 1; i < segment.elements.length; i++) {
    const value = componentValue(segment, i, 0).trim();
    const travellerReference = orNull(componentValue(segment, i, 2));
    if (travellerReference) references.add(travellerReference);
    if (value || travellerReference) details.push({ value, travellerReference });
  }
  return {
    code: componentValue(segment, 0, 0).trim().toUpperCase(),
    status: orNull(componentValue(segment, 0, 1)),
    quantity: parseCount(componentValue(segment, 0, 2)),
    carrier: orNull(componentValue(segment, 0, 3)),
    boardPoint: orNull(componentValue(segment, 0, 6)),
    offPoint: orNull(componentValue(segment, 0, 7)),
    text: orNull(text),
    details,
    travellerReference: references.size === 1 ? [...references][0] : null,
  };
}

export interface SubSyntaxReading<T> {
  value: T;
  problems: string[];
}

/** The "/"-separated fields; DOCS starts with a "/" that separates nothing. */
function fields(text: string, leadingSlash: boolean): string[] {
  const trimmed = text.trim();
  const body = leadingSlash && trimmed.startsWith('/') ? trimmed.slice(1) : trimmed;
  return body.split('/').map((field) => field.trim());
}

function date(
  value: string | undefined,
  rule: 'past' | 'near',
  reference: DayKey,
  problems: string[],
  what: string,
) {
  if (!value) return null;
  const reading = readTextDate(value, rule, reference);
  // The value stays out of the message: it is personal, and warnings outlive depersonalisation.
  if (reading.problem) problems.push(`${what} is not a valid date (expected DDMMMYY, e.g. 12JUL64)`);
  return reading.value;
}

/** X is the ICAO 9303 unspecified sex; the I suffix marks an infant's document. */
const SEX_CODES = new Set(['M', 'F', 'U', 'X', 'MI', 'FI', 'UI', 'XI']);

/** DOCS: type/issuing country/number/nationality/birth/sex/expiry/surname/given/middle. */
export function readDocs(text: string, reference: DayKey): SubSyntaxReading<PnrTravelDocument> {
  const problems: string[] = [];
  const [type, issuing, number, nationality, birth, sexCode, expiry, surname, ...given] = fields(text, true);
  const sex = (sexCode ?? '').toUpperCase();
  const known = SEX_CODES.has(sex);
  if (sex && !known) problems.push(`sex "${sexCode}": expected M, F, U, X, MI or FI`);
  const sexLetter = !known ? null : sex.startsWith('M') ? 'M' : sex.startsWith('F') ? 'F' : 'U';
  // A trailing "H" marks the primary passport holder; it is not a name.
  const givenNames = given.filter((name, i) => name && !(i === given.length - 1 && name === 'H' && i > 0));
  return {
    value: {
      type: orNull(type ?? ''),
      number: orNull(number ?? ''),
      issuingCountry: orNull(issuing ?? ''),
      nationality: orNull(nationality ?? ''),
      dateOfBirth: date(birth, 'past', reference, problems, 'date of birth'),
      sex: sexLetter,
      infant: known && sex.length === 2,
      expiryDate: date(expiry, 'near', reference, problems, 'expiry date'),
      surname: orNull(surname ?? ''),
      givenNames: givenNames.length > 0 ? givenNames.join(' ') : null,
      text: text.trim(),
    },
    problems,
  };
}

/** DOCO: place of birth/type/number/place of issue/issue date/country valid for/infant. */
export function readDoco(text: string, reference: DayKey): SubSyntaxReading<PnrVisa> {
  const problems: string[] = [];
  let parts = fields(text, false);
  // Some senders start with the "/" of DOCS: then the type is one field further on.
  const isType = (value: string | undefined) => value !== undefined && /^[A-Z]{1,2}$/.test(value);
  if (parts[0] === '' && !isType(parts[1]) && isType(parts[2])) parts = fields(text, true);
  const [placeOfBirth, type, number, placeOfIssue, issued, country, infant] = parts;
  return {
    value: {
      placeOfBirth: orNull(placeOfBirth ?? ''),
      type: orNull(type ?? ''),
      number: orNull(number ?? ''),
      placeOfIssue: orNull(placeOfIssue ?? ''),
      issueDate: date(issued, 'past', reference, problems, 'issue date'),
      applicableCountry: orNull(country ?? ''),
      infant: infant === 'I',
      text: text.trim(),
    },
    problems,
  };
}

/** DOCA: type (D destination, R residence)/country/street/city/state/postal code/infant. */
export function readDoca(text: string, travellerSequence: number | null): PnrAddress {
  const [type, country, street, city, region, postalCode] = fields(text, true);
  return {
    purposeCode: orNull(type ?? ''),
    street: orNull(street ?? ''),
    city: orNull(city ?? ''),
    region: orNull(region ?? ''),
    postalCode: orNull(postalCode ?? ''),
    country: orNull(country ?? ''),
    text: text.trim(),
    source: 'DOCA',
    travellerSequence,
  };
}

export interface InfantRequest {
  surname: string;
  givenNames: string;
  dateOfBirth: string | null;
}

/** INFT: "SURNAME/GIVEN/10AUG11" or "SURNAME/GIVEN 10AUG11", the date optional. */
export function readInfantRequest(text: string, reference: DayKey): SubSyntaxReading<InfantRequest | null> {
  const problems: string[] = [];
  const [surname, ...rest] = text.trim().split('/');
  let given = rest.join(' ').trim();
  let birth: string | undefined;
  const match = /(?:^|\s)(\d{2}[A-Z]{3}\d{2,4})$/.exec(given);
  if (match) {
    birth = match[1];
    given = given.slice(0, match.index).trim();
  }
  if (!surname?.trim()) return { value: null, problems: ['no infant name'] };
  return {
    value: {
      surname: surname.trim(),
      givenNames: given,
      dateOfBirth: date(birth, 'past', reference, problems, 'infant date of birth'),
    },
    problems,
  };
}

/** "011D" and "11D" are the same seat; "XXX" (and empty) is no seat yet. */
export function normaliseSeat(value: string): string | null {
  const seat = value.trim().toUpperCase();
  if (!seat || /^X+$/.test(seat)) return null;
  return seat.replace(/^0+(?=\d)/, '');
}

/** Seats written in the SSR text, ".03BN03AN": row and letter, then N/S (no smoking/smoking). */
export function readSeatText(text: string): string[] {
  const seats: string[] = [];
  for (const match of text.matchAll(/(\d{1,3}[A-Z])[NS]?/g)) {
    const seat = normaliseSeat(match[1]);
    if (seat) seats.push(seat);
  }
  return seats;
}
