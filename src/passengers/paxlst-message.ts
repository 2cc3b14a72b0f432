import {
  componentValue,
  issueAt,
  optionalValue,
  parseCount,
  tagKey,
  type DayKey,
  type EdifactMessage,
  type ParseIssue,
  type Segment,
} from '../edifact/index.js';
import { finishLeg, readLegDateTime, readLegLocation, startLeg, type LegBuilder } from './paxlst-legs.js';
import type { ParsedPaxlstMessage, ParsedTraveller, ReportingParty } from './paxlst-model.js';
import { readTravellerSegment, startTraveller, type TravellerBuilder } from './paxlst-traveller.js';

/** BGM document name codes (1001) of crew lists: crew list declaration, master crew list. */
const CREW_LIST_CODES = new Set(['250', '336']);
const KNOWN_DOCUMENT_CODES = new Set(['745', '250', '266', '336', '655']);
/** Message-level segments with nothing to map; read silently. */
const SILENT_HEADER_TAGS = new Set(['DTM', 'CTA', 'LOC', 'GEI', 'FTX']);

const NAD = tagKey('NAD');
const CNT = tagKey('CNT');
const TDT = tagKey('TDT');
const LOC = tagKey('LOC');
const DTM = tagKey('DTM');
const COM = tagKey('COM');
const BGM = tagKey('BGM');
const RFF = tagKey('RFF');

type Section = 'header' | 'reporting-party' | 'leg' | 'traveller' | 'totals';

interface Declared {
  passengers: number | null;
  crew: number | null;
}

function readCommunication(party: ReportingParty, segment: Segment): void {
  for (const composite of segment.elements) {
    const number = (composite[0] ?? '').trim();
    const channel = (composite[1] ?? '').trim().toUpperCase();
    if (!number) continue;
    if (channel === 'TE') party.phone = number;
    else if (channel === 'FX') party.fax = number;
    else if (channel === 'EM') party.email = number;
  }
}

function readTotal(segment: Segment, declared: Declared, warnings: ParseIssue[]): void {
  const qualifier = componentValue(segment, 0, 0).trim();
  let text = componentValue(segment, 0, 1).trim();
  if (!text && componentValue(segment, 1).trim()) {
    // "CNT+41+8": the total put in a data element of its own.
    text = componentValue(segment, 1).trim();
    warnings.push(
      issueAt(segment, 'malformed-total', `CNT+${qualifier}: expected "${qualifier}:total" in one composite`),
    );
  }
  const total = parseCount(text);
  if (total === null) {
    warnings.push(
      issueAt(segment, 'malformed-total', `CNT+${qualifier}: expected a number, found "${text}"`),
    );
  } else if (qualifier === '42') {
    declared.passengers = total;
  } else if (qualifier === '41') {
    declared.crew = total;
  }
}

function isCrew(traveller: ParsedTraveller): boolean {
  return traveller.role === 'crew' || traveller.role === 'crew-in-transit' || traveller.role === 'other';
}

function checkTotals(message: ParsedPaxlstMessage, declared: Declared, trailer: Segment): void {
  const crewRead = message.travellers.filter(isCrew).length;
  const passengersRead = message.travellers.length - crewRead;
  const check = (total: number | null, read: number, otherRead: number, qualifier: string, kind: string) => {
    if (total === null) return;
    let compared = read;
    let note = '';
    if (read === 0 && otherRead > 0) {
      compared = read + otherRead;
      note = ` (CNT+${qualifier} counts ${kind}, but the list holds none; compared with all travellers)`;
    }
    if (total !== compared) {
      message.warnings.push(
        issueAt(
          trailer,
          'total-mismatch',
          `CNT+${qualifier} declares ${total} ${kind} but ${compared} were read${note}`,
        ),
      );
    }
  };
  check(declared.passengers, passengersRead, crewRead, '42', 'passengers');
  check(declared.crew, crewRead, passengersRead, '41', 'crew members');
}

/**
 * Maps one PAXLST message (the segments between UNH and UNT) to legs and travellers. Loose: a
 * segment that cannot be read is a warning on its traveller or on the message.
 */
export function mapPaxlstMessage(message: EdifactMessage, reference: DayKey): ParsedPaxlstMessage {
  const result: ParsedPaxlstMessage = {
    messageReference: message.reference,
    version: [message.version, message.release].filter((part) => part.length > 0).join(':'),
    documentCode: '',
    documentIdentifier: null,
    listKind: 'passengers',
    transactionReference: null,
    reportingParty: null,
    legs: [],
    travellers: [],
    declaredTravellerCount: null,
    warnings: [],
  };
  const warnings = result.warnings;
  const declared: Declared = { passengers: null, crew: null };
  let section: Section = 'header';
  let leg: LegBuilder | null = null;
  let legHeader: Segment | null = null;
  let traveller: TravellerBuilder | null = null;
  let bgm: Segment | null = null;
  let totals: Segment | null = null;

  const closeLeg = () => {
    if (leg && legHeader) result.legs.push(finishLeg(leg, legHeader, warnings));
    leg = null;
  };

  for (const segment of message.segments) {
    const tag = segment.tag;
    const key = tagKey(tag);
    if (key === NAD) {
      closeLeg();
      const qualifier = componentValue(segment, 0).trim().toUpperCase();
      if (qualifier === 'MS') {
        if (traveller)
          warnings.push(issueAt(segment, 'unexpected-segment', 'NAD+MS (reporting party) after travellers'));
        traveller = null;
        section = 'reporting-party';
        result.reportingParty = {
          name: [componentValue(segment, 3), componentValue(segment, 3, 1), componentValue(segment, 1)]
            .map((part) => part.trim())
            .filter((part) => part.length > 0)
            .join(' '),
          phone: null,
          fax: null,
          email: null,
        };
      } else {
        section = 'traveller';
        traveller = startTraveller(segment, qualifier);
        result.travellers.push(traveller.traveller);
      }
      continue;
    }
    if (section === 'traveller' && traveller && key !== CNT && key !== TDT) {
      readTravellerSegment(traveller, segment, reference);
      continue;
    }
    switch (key) {
      case TDT:
        closeLeg();
        if (section === 'traveller') {
          warnings.push(
            issueAt(segment, 'unexpected-segment', 'TDT after travellers: expected flight legs before them'),
          );
        }
        traveller = null;
        section = 'leg';
        legHeader = segment;
        leg = startLeg(segment, result.legs.length + 1, warnings);
        break;
      case LOC:
        if (section === 'leg' && leg) readLegLocation(leg, segment, warnings);
        break;
      case DTM:
        if (section === 'leg' && leg) readLegDateTime(leg, segment, reference, warnings);
        break;
      case COM:
        if (section === 'reporting-party' && result.reportingParty)
          readCommunication(result.reportingParty, segment);
        break;
      case BGM:
        bgm = segment;
        result.documentCode = componentValue(segment, 0).trim();
        result.documentIdentifier = optionalValue(segment, 1);
        break;
      case RFF:
        if (componentValue(segment, 0, 0).trim() === 'TN')
          result.transactionReference = optionalValue(segment, 0, 1);
        break;
      case CNT:
        closeLeg();
        traveller = null;
        section = 'totals';
        totals = segment;
        readTotal(segment, declared, warnings);
        break;
      default:
        if (!SILENT_HEADER_TAGS.has(tag)) {
          warnings.push(
            issueAt(
              segment,
              'unexpected-segment',
              `segment ${tag} is not expected here in a PAXLST; ignored`,
            ),
          );
        }
    }
  }
  closeLeg();

  const crewOnly = result.travellers.length > 0 && result.travellers.every(isCrew);
  if (!bgm) {
    warnings.push(
      issueAt(message.header, 'bgm-missing', 'no BGM: expected the list kind (745 passengers, 250 crew)'),
    );
    result.listKind = crewOnly ? 'crew' : 'passengers';
  } else if (CREW_LIST_CODES.has(result.documentCode)) {
    result.listKind = 'crew';
  } else if (result.documentCode === '745' || result.documentCode === '655') {
    result.listKind = 'passengers';
  } else {
    if (!KNOWN_DOCUMENT_CODES.has(result.documentCode)) {
      warnings.push(
        issueAt(
          bgm,
          'unknown-document-code',
          `BGM+${result.documentCode}: expected 745, 250, 266, 336 or 655`,
        ),
      );
    }
    result.listKind = crewOnly ? 'crew' : 'passengers';
  }
  if (result.legs.length === 0) {
    warnings.push(issueAt(message.header, 'legs-missing', 'no flight leg: expected TDT+20 with LOC and DTM'));
  }
  if (declared.passengers !== null || declared.crew !== null) {
    result.declaredTravellerCount = (declared.passengers ?? 0) + (declared.crew ?? 0);
  }
  checkTotals(result, declared, totals ?? message.trailer ?? message.header);
  return result;
}
