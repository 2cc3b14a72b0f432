import { Fragment, type ReactNode } from 'react';
import { formatLocalDateTime } from '../../format.js';
import { t, type CatalogueKey } from '../../i18n/index.js';
import type {
  ItineraryLeg,
  PnrAddress,
  PnrReservation,
  PnrTraveller,
  ReservationFacts,
} from '../../reservation-types.js';

/** What depersonalised data shows in place of a personal value (src/passengers/reservation-privacy.ts). */
export const MASK = '•••';

/** Thresholds above which a derived fact counts as a risk indicator. */
export const RISK_THRESHOLDS = {
  /** Booked fewer days than this before the first departure. */
  bookedDaysBefore: 3,
  /** Ticketed fewer hours than this before the first departure. */
  ticketedHoursBefore: 24,
};

export type RiskIndicator = 'paidInCash' | 'paidByCardOfAnotherPerson' | 'lateBooking' | 'lateTicketing';

/** The risk indicators of a reservation's derived facts, in a stable order. */
export function riskIndicators(facts: Partial<ReservationFacts> | null | undefined): RiskIndicator[] {
  if (!facts) return [];
  const found: RiskIndicator[] = [];
  if (facts.paidInCash) found.push('paidInCash');
  if (facts.paidByCardOfAnotherPerson) found.push('paidByCardOfAnotherPerson');
  if (isLateBooking(facts.daysBookedBeforeDeparture)) found.push('lateBooking');
  if (isLateTicketing(facts.hoursTicketedBeforeDeparture)) found.push('lateTicketing');
  return found;
}

export const isLateBooking = (days: number | null | undefined) =>
  typeof days === 'number' && days >= 0 && days < RISK_THRESHOLDS.bookedDaysBefore;
export const isLateTicketing = (hours: number | null | undefined) =>
  typeof hours === 'number' && hours >= 0 && hours < RISK_THRESHOLDS.ticketedHoursBefore;

/** A value replaced by depersonalisation. */
export function Masked() {
  return (
    <span className="masked" title={t('reservation.masked.value')}>
      <span aria-hidden="true">{MASK}</span>
      <span className="visually-hidden">{t('reservation.masked.value')}</span>
    </span>
  );
}

/** A value as sent: a dash when missing, the mask styled as such when depersonalised. */
export function Text({ value }: { value: string | number | null | undefined }): ReactNode {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  const text = String(value);
  if (!text.includes(MASK)) return text;
  const parts = text.split(MASK);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <Masked />}
      {part}
    </Fragment>
  ));
}

/** A date or date-time of the reservation system ("2018-04-11T12:20:00"), masked when depersonalised. */
export function DateText({ value }: { value: string | null | undefined }): ReactNode {
  if (value === MASK) return <Masked />;
  if (!value) return <span className="muted">—</span>;
  return formatLocalDateTime(value);
}

/** "ET 834". */
export function legDesignator(leg: Pick<ItineraryLeg, 'marketingCarrier' | 'flightNumber'>): string {
  return [leg.marketingCarrier, leg.flightNumber].filter(Boolean).join(' ') || '—';
}

export function legRoute(leg: Pick<ItineraryLeg, 'departureAirport' | 'arrivalAirport'>): string {
  return `${leg.departureAirport ?? '???'} → ${leg.arrivalAirport ?? '???'}`;
}

/** "ACKARY, CHARLESMR" (with a title sent apart), masked parts kept. */
export function travellerName(traveller: Pick<PnrTraveller, 'surname' | 'givenNames' | 'title'>): string {
  const given = [traveller.givenNames, traveller.title].filter(Boolean).join(' ');
  return given ? `${traveller.surname}, ${given}` : traveller.surname;
}

/** The catalogue label of a code, or the code itself when the catalogue has none. */
export function codeLabel(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}` as CatalogueKey;
  const label = t(key);
  return label === key ? code : label;
}

/** An address read into parts, or as sent when it was not (a DOCA "/D/AUS/13 SHORE AVENUE/..."). */
export function addressText(
  address: Pick<PnrAddress, 'street' | 'city' | 'region' | 'postalCode' | 'country' | 'text'>,
): string {
  const parts = [address.street, address.city, address.region, address.postalCode, address.country].filter(
    (part): part is string => Boolean(part),
  );
  if (parts.some((part) => part === MASK)) return MASK;
  return parts.length > 1 ? parts.join(', ') : address.text;
}

/** "250.00 GBP". */
export function amountText(text: string | null | undefined, currency: string | null | undefined): string {
  if (!text) return '';
  return currency ? `${text} ${currency}` : text;
}

/**
 * The reservation with every list present: stored data predates some fields, and depersonalised
 * data keeps its shape but not always every part.
 */
export function withDefaults(data: Partial<PnrReservation> | null | undefined): PnrReservation {
  const value = data ?? {};
  return {
    recordLocator: value.recordLocator ?? null,
    owningCarrier: value.owningCarrier ?? null,
    recordLocators: value.recordLocators ?? [],
    createdAt: value.createdAt ?? null,
    lastModifiedAt: value.lastModifiedAt ?? null,
    ticketedAt: value.ticketedAt ?? null,
    bookingOffice: value.bookingOffice ?? null,
    groupName: value.groupName ?? null,
    travellers: (value.travellers ?? []).map((traveller) => ({
      ...traveller,
      documents: traveller.documents ?? [],
      visas: traveller.visas ?? [],
      addresses: traveller.addresses ?? [],
      frequentFlyers: traveller.frequentFlyers ?? [],
      references: traveller.references ?? [],
      tickets: traveller.tickets ?? [],
      seats: traveller.seats ?? [],
      bags: (traveller.bags ?? []).map((bag) => ({ ...bag, tags: bag.tags ?? [] })),
      checkIns: traveller.checkIns ?? [],
    })),
    itinerary: value.itinerary ?? [],
    contacts: {
      phones: value.contacts?.phones ?? [],
      emails: value.contacts?.emails ?? [],
      addresses: value.contacts?.addresses ?? [],
    },
    payments: value.payments ?? [],
    serviceRequests: value.serviceRequests ?? [],
    remarks: value.remarks ?? [],
    split: value.split ?? null,
    excessBaggage: value.excessBaggage ?? [],
    otherServices: value.otherServices ?? [],
    history: value.history ?? [],
    historyText: value.historyText ?? [],
  };
}

/** Upper-case letters of a name, split into words, for comparing a card holder with the travellers. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((word) => word.length > 1);
}

/** A card holder none of whose names is a traveller's (the same test as the server's derived fact). */
export function holderIsNoTraveller(holder: string | null, travellers: PnrTraveller[]): boolean {
  if (!holder || holder.includes(MASK)) return false;
  const words = nameWords(holder);
  if (words.length === 0) return false;
  const travellerWords = new Set(
    travellers.flatMap((traveller) => nameWords(`${traveller.surname} ${traveller.givenNames}`)),
  );
  return !words.some((word) => travellerWords.has(word));
}
