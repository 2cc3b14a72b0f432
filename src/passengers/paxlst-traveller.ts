import {
  componentValue,
  compositeValues,
  issueAt,
  optionalValue,
  readEdifactDate,
  tagKey,
  type CenturyRule,
  type DayKey,
  type Segment,
} from '../edifact/index.js';
import { bags, expandBagTags, readMeasurement } from './paxlst-bags.js';
import type { ParsedTraveller, TravelDocument, TravellerRole } from './paxlst-model.js';

/**
 * NAD party qualifiers of travellers (WCO/IATA/ICAO PAXLST guide). DDU and DDT are the
 * in-transit passenger and crew member; COT is a person carried with the crew who is not
 * crew (e.g. a non-crew individual on an all-cargo flight).
 */
export const TRAVELLER_ROLES: Readonly<Record<string, TravellerRole>> = {
  FL: 'passenger',
  FM: 'crew',
  DDU: 'passenger-in-transit',
  DDT: 'crew-in-transit',
  COT: 'other',
};

const DTM = tagKey('DTM');
const LOC = tagKey('LOC');
const RFF = tagKey('RFF');
const ATT = tagKey('ATT');
const NAT = tagKey('NAT');
const DOC = tagKey('DOC');
const MEA = tagKey('MEA');
const FTX = tagKey('FTX');

/** Traveller segments that carry nothing mapped here (yet); read silently. */
const SILENT_TAGS = new Set(['GEI', 'EMP', 'COM', 'CTA', 'CPI', 'QTY', 'AUT', 'TSR', 'ERC', 'GID']);

export interface TravellerBuilder {
  traveller: ParsedTraveller;
  /** The DOC being read: its DTM and LOC+91 belong to it. */
  document: TravelDocument | null;
}

/** Non-empty trimmed components from `from` on, joined by spaces ("MARKO:IVAN" is "MARKO IVAN"). */
function joinedComponents(components: readonly string[], from: number): string {
  let joined = '';
  for (let i = from; i < components.length; i++) {
    const part = components[i].trim();
    if (part.length > 0) joined = joined.length > 0 ? `${joined} ${part}` : part;
  }
  return joined;
}

function readAddress(segment: Segment): ParsedTraveller['address'] {
  if (segment.elements.length <= 4) return null;
  const street = joinedComponents(compositeValues(segment, 4), 0);
  const city = optionalValue(segment, 5);
  const region = optionalValue(segment, 6);
  const postalCode = optionalValue(segment, 7);
  const country = optionalValue(segment, 8);
  if (!street && !city && !region && !postalCode && !country) return null;
  const address: NonNullable<ParsedTraveller['address']> = {};
  if (street) address.street = street;
  if (city) address.city = city;
  if (region) address.region = region;
  if (postalCode) address.postalCode = postalCode;
  if (country) address.country = country;
  return address;
}

export function startTraveller(segment: Segment, qualifier: string): TravellerBuilder {
  const names = compositeValues(segment, 3);
  const surname = (names[0] ?? '').trim();
  const givenNames = joinedComponents(names, 1);
  const traveller: ParsedTraveller = {
    partyQualifier: qualifier,
    role: TRAVELLER_ROLES[qualifier] ?? 'other',
    surname,
    givenNames,
    sex: null,
    dateOfBirth: null,
    nationality: null,
    countryOfResidence: null,
    placeOfBirth: null,
    address: readAddress(segment),
    embarkation: null,
    debarkation: null,
    clearanceAirport: null,
    documents: [],
    reservationReference: null,
    references: {},
    seat: null,
    bags: null,
    warnings: [],
  };
  if (!(qualifier in TRAVELLER_ROLES)) {
    traveller.warnings.push(
      issueAt(
        segment,
        'unknown-party',
        `NAD+${qualifier}: expected FL, FM, DDT, DDU or COT; read as role "other"`,
      ),
    );
  }
  if (!surname) {
    traveller.warnings.push(
      issueAt(segment, 'surname-missing', 'NAD without a surname: expected it in element 4'),
    );
  }
  return { traveller, document: null };
}

function readDate(
  builder: TravellerBuilder,
  segment: Segment,
  rule: CenturyRule,
  reference: DayKey,
): string | null {
  const reading = readEdifactDate(
    componentValue(segment, 0, 1),
    componentValue(segment, 0, 2),
    rule,
    reference,
  );
  if (reading.problem) {
    builder.traveller.warnings.push(
      issueAt(segment, 'invalid-date', `DTM+${componentValue(segment, 0).trim()}: ${reading.problem}`),
    );
  }
  return reading.value;
}

function readLocation(builder: TravellerBuilder, segment: Segment): void {
  const traveller = builder.traveller;
  const qualifier = componentValue(segment, 0).trim();
  const code = optionalValue(segment, 1, 0);
  switch (qualifier) {
    case '178':
      traveller.embarkation = code;
      return;
    case '179':
      traveller.debarkation = code;
      return;
    case '22':
      traveller.clearanceAirport = code;
      return;
    case '174':
      traveller.countryOfResidence = code;
      return;
    case '180': {
      const name = optionalValue(segment, 1, 3);
      traveller.placeOfBirth = name && code ? `${name}, ${code}` : (name ?? code);
      return;
    }
    case '91':
      if (builder.document) builder.document.issuingState = code;
      else
        traveller.warnings.push(
          issueAt(segment, 'unexpected-segment', 'LOC+91 (document issuing state) before any DOC'),
        );
      return;
    default:
      traveller.warnings.push(
        issueAt(
          segment,
          'unexpected-qualifier',
          `LOC+${qualifier} for a traveller: expected 22, 174, 178, 179 or 180`,
        ),
      );
  }
}

function readDateTime(builder: TravellerBuilder, segment: Segment, reference: DayKey): void {
  const qualifier = componentValue(segment, 0).trim();
  const document = builder.document;
  if (qualifier === '329') builder.traveller.dateOfBirth = readDate(builder, segment, 'past', reference);
  else if (qualifier === '36' && document)
    document.expiryDate = readDate(builder, segment, 'near', reference);
  else if (qualifier === '182' && document)
    document.issueDate = readDate(builder, segment, 'past', reference);
  else {
    builder.traveller.warnings.push(
      issueAt(
        segment,
        'unexpected-qualifier',
        `DTM+${qualifier} for a traveller: expected 329, or 36/182 after DOC`,
      ),
    );
  }
}

/** Reads one segment of traveller group 4 (and its document group 5) into the builder. */
export function readTravellerSegment(builder: TravellerBuilder, segment: Segment, reference: DayKey): void {
  const traveller = builder.traveller;
  switch (tagKey(segment.tag)) {
    case DTM:
      return readDateTime(builder, segment, reference);
    case LOC:
      return readLocation(builder, segment);
    case RFF: {
      const qualifier = componentValue(segment, 0, 0).trim();
      const value = componentValue(segment, 0, 1).trim();
      if (qualifier === 'AVF') traveller.reservationReference = value || null;
      else if (qualifier === 'SEA') traveller.seat = value || null;
      else if (qualifier) traveller.references[qualifier] = value;
      return;
    }
    case ATT: {
      if (componentValue(segment, 0).trim() !== '2') return;
      const sex = componentValue(segment, 2).trim().toUpperCase();
      if (sex === 'M' || sex === 'F' || sex === 'U') traveller.sex = sex;
      else if (sex === 'X') traveller.sex = 'U';
      else
        traveller.warnings.push(
          issueAt(segment, 'invalid-sex', `ATT+2: expected M, F, U or X, found "${sex}"`),
        );
      return;
    }
    case NAT:
      traveller.nationality = optionalValue(segment, 1);
      return;
    case DOC: {
      const document: TravelDocument = {
        type: componentValue(segment, 0).trim(),
        number: componentValue(segment, 1).trim(),
        issuingState: null,
        expiryDate: null,
        issueDate: null,
      };
      if (!document.number)
        traveller.warnings.push(issueAt(segment, 'document-number-missing', 'DOC without a number'));
      if (!document.type)
        traveller.warnings.push(
          issueAt(segment, 'document-type-missing', 'DOC without a type code (P, I, V ...)'),
        );
      traveller.documents.push(document);
      builder.document = document;
      return;
    }
    case MEA:
      return readMeasurement(traveller, segment);
    case FTX: {
      if (componentValue(segment, 0).trim() !== 'BAG') return;
      const first = componentValue(segment, 3, 0).trim();
      if (!first) return;
      const { tags, problem } = expandBagTags(first, componentValue(segment, 3, 1));
      bags(traveller).tags.push(...tags);
      if (problem) traveller.warnings.push(issueAt(segment, 'invalid-bag-tag', `FTX+BAG: ${problem}`));
      return;
    }
    default:
      if (!SILENT_TAGS.has(segment.tag)) {
        traveller.warnings.push(
          issueAt(
            segment,
            'unexpected-segment',
            `segment ${segment.tag} is not expected in a traveller's data; ignored`,
          ),
        );
      }
  }
}
