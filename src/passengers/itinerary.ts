import type { FlightLeg, ParsedTraveller } from './paxlst-model.js';

/**
 * The legs of a message that a traveller flies: from the leg leaving their embarkation airport to the
 * leg reaching their debarkation airport. When the message does not say, the traveller is on every leg.
 */
export function legsOfTraveller(legs: FlightLeg[], traveller: ParsedTraveller): FlightLeg[] {
  if (legs.length <= 1) return legs;
  let first = 0;
  let last = legs.length - 1;
  if (traveller.embarkation) {
    const index = legs.findIndex((leg) => leg.departureAirport === traveller.embarkation);
    if (index >= 0) first = index;
  }
  if (traveller.debarkation) {
    const index = findLastIndex(legs, (leg) => leg.arrivalAirport === traveller.debarkation);
    if (index >= first) last = index;
  }
  return legs.slice(first, last + 1);
}

/** The leg that the traveller's record belongs to: the one crossing the border, else the last one flown. */
export function primaryLeg(legs: FlightLeg[]): FlightLeg | undefined {
  return findLast(legs, (leg) => leg.crossesBorder) ?? legs[legs.length - 1];
}

/** A stable key for the same person on the same flight across several messages. */
export function travellerKey(traveller: ParsedTraveller): string {
  const document = traveller.documents[0];
  // The document alone is not enough: real feeds repeat placeholder numbers across travellers.
  if (document?.number)
    return `DOC:${document.issuingState ?? ''}:${document.number.toUpperCase()}|${foldName(traveller.surname)}|${traveller.dateOfBirth ?? ''}`;
  return `NAME:${foldName(traveller.surname)}|${foldName(traveller.givenNames)}|${traveller.dateOfBirth ?? ''}|${traveller.role}`;
}

/**
 * Upper-case ASCII for search: diacritics dropped, Đ as D, ß as SS. The names module does the full
 * transliteration for matching; this is for finding a name typed by an officer.
 */
export function foldName(name: string): string {
  return name
    .replace(/[Đđ]/g, 'D')
    .replace(/ß/g, 'SS')
    .replace(/[Łł]/g, 'L')
    .replace(/[Øø]/g, 'O')
    .replace(/[Ææ]/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u0400-\u04FF ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): T | undefined {
  const index = findLastIndex(items, predicate);
  return index >= 0 ? items[index] : undefined;
}
