/**
 * The field catalogue: every field a rule may test, per subject, with its label, description and
 * type. Data, so that the web rule builder and the API show the same catalogue the compiler uses.
 */
import type {
  CodeKind,
  CodeListKind,
  FieldDefinition,
  FieldType,
  Operator,
  Subject,
  TextKind,
} from './types.js';

const BOTH: readonly Subject[] = ['traveller', 'reservation'];
const TRAVELLER: readonly Subject[] = ['traveller'];

type Extra = { codeKind?: CodeKind; textKind?: TextKind; multiple?: boolean; subjects?: readonly Subject[] };

function field(
  key: string,
  type: FieldType,
  label: string,
  description: string,
  extra: Extra = {},
): FieldDefinition {
  const { subjects = key.startsWith('traveller.') || key.startsWith('document.') ? TRAVELLER : BOTH } = extra;
  return Object.freeze({ key, type, label, description, ...extra, subjects });
}

const code = (codeKind: CodeKind, more: Extra = {}): Extra => ({ codeKind, ...more });

export const catalogue: readonly FieldDefinition[] = Object.freeze([
  // The traveller as the API (PAXLST) message gives them.
  field('traveller.surname', 'string', 'Surname', 'Surname as in the travel document.'),
  field('traveller.givenNames', 'string', 'Given names', 'Given names as in the travel document.'),
  field('traveller.fullName', 'string', 'Full name', 'Given names and surname, in that order.'),
  field('traveller.sex', 'code', 'Sex', 'M, F, X or U (unknown).', code('sex')),
  field('traveller.dateOfBirth', 'date', 'Date of birth', 'Date of birth as declared.'),
  field('traveller.age', 'number', 'Age', 'Age in whole years on the day of departure.'),
  field('traveller.nationality', 'code', 'Nationality', 'Country of nationality.', code('country')),
  field('traveller.residence', 'code', 'Country of residence', 'Country of residence.', code('country')),
  field('traveller.placeOfBirth', 'string', 'Place of birth', 'Place of birth as declared (free text).'),
  field('traveller.role', 'code', 'Role', 'Passenger or crew member.', code('role')),
  field(
    'traveller.embarkation',
    'code',
    'Embarkation',
    'Airport where the traveller boards.',
    code('airport'),
  ),
  field(
    'traveller.debarkation',
    'code',
    'Debarkation',
    'Airport where the traveller leaves.',
    code('airport'),
  ),
  field('traveller.seat', 'string', 'Seat', 'Seat number, e.g. 12C.'),
  field('traveller.bagCount', 'number', 'Bags (API)', 'Number of checked bags in the API message.'),
  field(
    'traveller.bagWeightKg',
    'number',
    'Bag weight (API), kg',
    'Weight of checked bags in the API message.',
  ),
  field(
    'document.number',
    'string',
    'Document number',
    'Number of the travel document (compared on A-Z and 0-9 only).',
    {
      textKind: 'document-number',
    },
  ),
  field(
    'document.type',
    'code',
    'Document type',
    'Travel document type: P passport, I identity card, V visa ...',
    code('document-type'),
  ),
  field(
    'document.issuingState',
    'code',
    'Issuing state',
    'Country that issued the document.',
    code('country'),
  ),
  field('document.expiry', 'date', 'Document expiry', 'Date the document expires.'),
  field(
    'document.daysToExpiry',
    'number',
    'Days to document expiry',
    'Days from departure to the document expiry (negative: expired).',
  ),
  field(
    'document.count',
    'number',
    'Documents declared',
    'Number of travel documents the traveller declared.',
  ),
  // The flight (for a reservation: its first leg).
  field('flight.carrier', 'code', 'Carrier', 'Operating carrier (IATA code).', code('carrier')),
  field('flight.number', 'string', 'Flight number', 'Flight number without the carrier, e.g. 1234.'),
  field('flight.origin', 'code', 'Origin airport', 'Airport the flight departs from.', code('airport')),
  field(
    'flight.destination',
    'code',
    'Destination airport',
    'Airport the flight arrives at.',
    code('airport'),
  ),
  field('flight.originCountry', 'code', 'Origin country', 'Country of the origin airport.', code('country')),
  field(
    'flight.destinationCountry',
    'code',
    'Destination country',
    'Country of the destination airport.',
    code('country'),
  ),
  field('flight.departureUtc', 'datetime', 'Departure (UTC)', 'Scheduled departure, UTC.'),
  field('flight.arrivalUtc', 'datetime', 'Arrival (UTC)', 'Scheduled arrival, UTC.'),
  field(
    'flight.direction',
    'code',
    'Direction',
    'Inbound, outbound, domestic or overflight, seen from this installation.',
    code('direction'),
  ),
  field(
    'journey.airports',
    'code',
    'Journey airports',
    'Every airport of the journey (API legs and itinerary).',
    code('airport', { multiple: true }),
  ),
  field(
    'journey.countries',
    'code',
    'Journey countries',
    'Every country of the journey.',
    code('country', { multiple: true }),
  ),
  // The reservation (PNR) and the facts derived from it.
  field(
    'reservation.present',
    'boolean',
    'Has a reservation',
    'Whether a reservation (PNR) is linked to the traveller.',
    { subjects: TRAVELLER },
  ),
  field('reservation.recordLocator', 'string', 'Record locator', 'Booking reference of the reservation.'),
  field(
    'reservation.owningCarrier',
    'code',
    'Owning carrier',
    'Carrier whose reservation system holds the booking.',
    code('carrier'),
  ),
  field(
    'reservation.daysBookedBeforeDeparture',
    'number',
    'Days booked before departure',
    'Whole days from booking to the first departure. Unknown (matches no condition) when the dates do not allow it, e.g. booked after the departure.',
  ),
  field(
    'reservation.hoursTicketedBeforeDeparture',
    'number',
    'Hours ticketed before departure',
    'Hours from ticketing to the first departure. Unknown (matches no condition) when the ticket was issued after it or a date is missing.',
  ),
  field(
    'reservation.tripType',
    'code',
    'Trip type',
    'One-way, return or multi-city. Unknown (matches no condition) when the flights are not in date order.',
    code('trip-type'),
  ),
  field(
    'reservation.tripLengthDays',
    'number',
    'Trip length, days',
    'Days from first departure to last arrival (for a return trip: the stay). Unknown (matches no condition) when the flights are not in date order.',
  ),
  field(
    'reservation.paidInCash',
    'boolean',
    'Paid in cash',
    'Whether any payment of the ticket was in cash.',
  ),
  field(
    'reservation.paidByCardOfAnotherPerson',
    'boolean',
    'Paid by card of another person',
    'A card whose holder is none of the travellers paid.',
  ),
  field(
    'reservation.paymentTypes',
    'code',
    'Payment types',
    'Every form of payment: cash, card, invoice, miscellaneous, other.',
    code('payment-type', { multiple: true }),
  ),
  field(
    'reservation.travellerCount',
    'number',
    'Travellers in booking',
    'Number of travellers in the reservation.',
  ),
  field('reservation.checkedBags', 'number', 'Checked bags (PNR)', 'Checked bags in the reservation.'),
  field(
    'reservation.checkedBagWeightKg',
    'number',
    'Checked bag weight (PNR), kg',
    'Weight of checked bags in the reservation.',
  ),
  field(
    'reservation.routeCountries',
    'code',
    'Route countries',
    'Countries of every airport of the itinerary.',
    code('country', { multiple: true }),
  ),
  field(
    'reservation.coTravellerCount',
    'number',
    'Linked bookings',
    'Other bookings sharing a phone, e-mail or card with this one.',
  ),
  field('reservation.phones', 'string', 'Phones', 'Contact phone numbers (compared on digits only).', {
    textKind: 'phone',
    multiple: true,
  }),
  field('reservation.emails', 'string', 'E-mail addresses', 'Contact e-mail addresses.', {
    textKind: 'email',
    multiple: true,
  }),
  field('reservation.agency', 'string', 'Travel agency', 'Agency or office that made the booking.'),
  field('reservation.remarks', 'string', 'Remarks', 'Free-text remarks and special service requests.', {
    multiple: true,
  }),
]);

const byKey = new Map(catalogue.map((definition) => [definition.key, definition]));

/** The definition of a field for a subject; undefined when the subject's records do not carry it. */
export function findField(key: string, subject: Subject): FieldDefinition | undefined {
  const definition = byKey.get(key);
  return definition && definition.subjects.includes(subject) ? definition : undefined;
}

/** The fields of one subject, in catalogue order. */
export function fieldsOf(subject: Subject): FieldDefinition[] {
  return catalogue.filter((definition) => definition.subjects.includes(subject));
}

const EMPTINESS: readonly Operator[] = ['isEmpty', 'notEmpty'];
const ORDER: readonly Operator[] = ['lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual', 'between'];
const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  string: [
    'equals',
    'notEquals',
    'inList',
    'notInList',
    'contains',
    'startsWith',
    'endsWith',
    'matches',
    ...EMPTINESS,
  ],
  number: ['equals', 'notEquals', ...ORDER, 'inList', 'notInList', ...EMPTINESS],
  boolean: ['equals', 'notEquals', ...EMPTINESS],
  date: ['equals', 'notEquals', ...ORDER, ...EMPTINESS],
  datetime: ['equals', 'notEquals', ...ORDER, ...EMPTINESS],
  code: ['equals', 'notEquals', 'inList', 'notInList', 'startsWith', 'matches', ...EMPTINESS],
};

/** The operators a field accepts, for the rule builder and the validator. */
export function operatorsFor(definition: Pick<FieldDefinition, 'type'>): readonly Operator[] {
  return OPERATORS_BY_TYPE[definition.type];
}

/** The kinds of named code list a field may be compared with (empty: inline values only). */
export function listKindsFor(definition: FieldDefinition): readonly CodeListKind[] {
  if (definition.type === 'code') {
    const kind = definition.codeKind;
    return kind === 'country' || kind === 'airport' || kind === 'carrier' ? [kind] : ['other'];
  }
  if (definition.type !== 'string') return [];
  switch (definition.textKind ?? 'text') {
    case 'document-number':
      return ['document-number'];
    case 'phone':
      return ['phone'];
    case 'email':
      return ['email'];
    default:
      return ['keyword', 'other'];
  }
}

/** Closed code sets: a rule value outside them can never match, so it is refused. */
export const CLOSED_CODES: Partial<Record<CodeKind, readonly string[]>> = {
  sex: ['M', 'F', 'X', 'U'],
  role: ['PASSENGER', 'CREW'],
  direction: ['INBOUND', 'OUTBOUND', 'DOMESTIC', 'OVERFLIGHT'],
  'trip-type': ['ONE-WAY', 'RETURN', 'MULTI-CITY'],
  'payment-type': ['CASH', 'CARD', 'INVOICE', 'MISCELLANEOUS', 'OTHER'],
};
