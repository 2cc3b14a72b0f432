/**
 * A traveller's own segments (PNRGOV Gr.2 to Gr.4): TIF, FTI, REF, FAR, then per ticket TKT,
 * MON, PTK, TXD and the form of payment FOP.
 */
import {
  componentValue,
  compositeValues,
  optionalValue,
  parseCount,
  type Segment,
} from '../edifact/index.js';
import { readCardExpiry } from './pnrgov-dates.js';
import { maskCardNumber, maskCardNumbersInText } from './pnrgov-masking.js';
import type {
  FrequentFlyer,
  MonetaryAmount,
  PnrPayment,
  PnrTicket,
  PnrTraveller,
  TravellerType,
} from './pnrgov-model.js';

const TRAVELLER_TYPES: Record<string, TravellerType> = {
  A: 'adult',
  ADT: 'adult',
  C: 'child',
  CH: 'child',
  CHD: 'child',
  IN: 'infant',
  INF: 'infant',
  IS: 'infant',
};

/** Titles written as a separate last word of the given names. */
const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'MSTR', 'DR', 'PROF', 'REV', 'SIR', 'LADY', 'CAPT']);

export interface TifReading {
  surname: string;
  givenNames: string;
  title: string | null;
  typeCode: string | null;
  type: TravellerType | null;
  reference: string | null;
  /** "1" in the fourth component: an infant travels with this adult. */
  withInfant: boolean;
  /** TIF+NAME:G: the name of a group booking, not a person. */
  isGroup: boolean;
}

export function readTif(segment: Segment): TifReading {
  const surname = componentValue(segment, 0, 0).trim();
  const nameQualifier = componentValue(segment, 0, 1).trim();
  let givenNames = componentValue(segment, 1, 0).trim();
  const typeCode = optionalValue(segment, 1, 1);
  let title: string | null = null;
  const lastSpace = givenNames.lastIndexOf(' ');
  if (lastSpace > 0 && TITLES.has(givenNames.slice(lastSpace + 1))) {
    title = givenNames.slice(lastSpace + 1);
    givenNames = givenNames.slice(0, lastSpace).trim();
  }
  const upperType = typeCode?.toUpperCase() ?? null;
  return {
    surname,
    givenNames,
    title,
    typeCode,
    type: upperType === null ? null : (TRAVELLER_TYPES[upperType] ?? 'other'),
    reference: optionalValue(segment, 1, 2),
    withInfant: componentValue(segment, 1, 3).trim() === '1',
    isGroup: nameQualifier === 'G' || upperType === 'G',
  };
}

export function newTraveller(sequence: number, tif: TifReading): PnrTraveller {
  return {
    sequence,
    reference: tif.reference,
    surname: tif.surname,
    givenNames: tif.givenNames,
    title: tif.title,
    type: tif.type,
    typeCode: tif.typeCode,
    dateOfBirth: null,
    infantOf: null,
    infant: null,
    fromInfantRequestOnly: false,
    documents: [],
    visas: [],
    addresses: [],
    frequentFlyers: [],
    references: [],
    fareBasis: null,
    age: null,
    tickets: [],
    seats: [],
    bags: [],
    checkIns: [],
  };
}

/** FTI+carrier:number:::tier. */
export function readFrequentFlyer(segment: Segment): FrequentFlyer | null {
  const number = optionalValue(segment, 0, 1);
  if (!number) return null;
  return { carrier: optionalValue(segment, 0, 0), number, tier: optionalValue(segment, 0, 4) };
}

/** FAR+passenger type+age++++fare basis. */
export function readFare(traveller: PnrTraveller, segment: Segment): void {
  const age = parseCount(componentValue(segment, 1));
  if (age !== null && age < 130) traveller.age = age;
  traveller.fareBasis = optionalValue(segment, 5) ?? traveller.fareBasis;
}

export function newTicket(segment: Segment): PnrTicket {
  return {
    number: optionalValue(segment, 0, 0),
    documentType: optionalValue(segment, 0, 1),
    amounts: [],
    taxes: [],
    pricingIndicator: null,
    validatingCarrier: null,
    issuePlace: null,
    issuedAt: null,
  };
}

function readAmount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** MON+B:2888.00:GBP+T:2957.94:GBP. */
export function readAmounts(ticket: PnrTicket, segment: Segment): void {
  for (const composite of segment.elements) {
    const amountText = (composite[1] ?? '').trim();
    if (!amountText) continue;
    const amount: MonetaryAmount = {
      qualifier: (composite[0] ?? '').trim(),
      amount: readAmount(amountText),
      amountText,
      currency: (composite[2] ?? '').trim() || null,
    };
    ticket.amounts.push(amount);
  }
}

/** TXD++amount::currency:code+... */
export function readTaxes(ticket: PnrTicket, segment: Segment): void {
  for (let i = 1; i < segment.elements.length; i++) {
    const [amountText = '', , currency = '', code = ''] = compositeValues(segment, i).map((part) =>
      part.trim(),
    );
    if (!amountText && !code) continue;
    ticket.taxes.push({
      amount: readAmount(amountText),
      amountText,
      currency: currency || null,
      code: code || null,
    });
  }
}

/** PTK+indicator++date:time+validating carrier+airline code+place. */
export function readPricing(ticket: PnrTicket, segment: Segment): { date: string; time: string } {
  ticket.pricingIndicator = optionalValue(segment, 0);
  ticket.validatingCarrier = optionalValue(segment, 3);
  ticket.issuePlace = optionalValue(segment, 5);
  return { date: componentValue(segment, 2, 0), time: componentValue(segment, 2, 1) };
}

const PAYMENT_KINDS: Record<string, PnrPayment['kind']> = {
  CC: 'card',
  DC: 'card',
  CA: 'cash',
  CK: 'cheque',
  MS: 'miscellaneous',
  GR: 'government',
  IN: 'invoice',
};

/**
 * FOP+type:old/new indicator:amount:vendor:account:expiry, one composite per form of payment.
 * `hidDigits` tells that a card number arrived with more digits than may be kept.
 */
export function readPayments(
  segment: Segment,
  travellerSequence: number | null,
  ticketNumber: string | null,
): { payments: PnrPayment[]; hidDigits: boolean } {
  const payments: PnrPayment[] = [];
  let hidDigits = false;
  for (const composite of segment.elements) {
    const [type = '', indicator = '', amountText = '', vendor = '', account = '', expiry = ''] =
      composite.map((part) => part.trim());
    if (!type && !account && !amountText) continue;
    const kind = PAYMENT_KINDS[type.toUpperCase()] ?? 'other';
    const isCard = kind === 'card' || vendor.length > 0;
    let cardNumber: string | null = null;
    let accountNumber: string | null = null;
    if (account && isCard) {
      const masked = maskCardNumber(account);
      cardNumber = masked.masked;
      hidDigits ||= masked.hidDigits;
    } else if (account) {
      accountNumber = maskCardNumbersInText(account);
      hidDigits ||= accountNumber !== account;
    }
    payments.push({
      type,
      kind,
      previous: indicator === '2',
      amount: amountText ? readAmount(amountText) : null,
      amountText: amountText || null,
      cardVendor: vendor || null,
      cardNumber,
      accountNumber,
      cardExpiryText: expiry || null,
      cardExpiry: expiry ? readCardExpiry(expiry) : null,
      cardHolder: null,
      sponsorAddress: null,
      sponsorPhone: null,
      travellerSequence,
      ticketNumber,
    });
  }
  return { payments, hidDigits };
}
