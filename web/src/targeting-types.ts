/**
 * Shapes of the targeting API (rules, code lists, hits) as the web UI reads them; the server's zod
 * schemas (src/targeting/model.ts, src/rules/types.ts) are the source of truth.
 */
import type { PnrWithheldMarker } from './components/PnrWithheld.js';
import type { MatchExplanation, Severity } from './watchlist-types.js';

// The rule language's own types come from the server's module (pure types and code lists, no
// server code), so the builder and the validator can never disagree on them.
import {
  codeListKinds,
  subjects,
  type CodeListKind,
  type FieldType,
  type Operator,
  type RuleTree,
  type Subject,
} from '../../src/rules/types.js';
export type {
  CodeListKind,
  Condition,
  ConditionValue,
  FieldType,
  Operator,
  RuleTree,
  Subject,
} from '../../src/rules/types.js';
export const SUBJECTS = subjects;
export const CODE_LIST_KINDS = codeListKinds;
/** Operators that may name a code list instead of values (src/rules/validate.ts). */
export const LIST_OPERATORS: readonly Operator[] = [
  'inList',
  'notInList',
  'contains',
  'startsWith',
  'endsWith',
];

/** A field of the catalogue as `GET /rules/fields` gives it. */
export interface CatalogueField {
  key: string;
  label: string;
  description: string;
  type: FieldType;
  codeKind?: string;
  multiple?: boolean;
  operators: Operator[];
  listKinds: CodeListKind[];
}

export interface FieldCatalogue {
  subjects: { subject: Subject; fields: CatalogueField[] }[];
}

export type RuleState = 'draft' | 'active' | 'retired';
export const RULE_STATES: RuleState[] = ['draft', 'active', 'retired'];
export { SEVERITIES } from './watchlist-types.js';

export interface RuleContent {
  name: string;
  description: string;
  severity: Severity;
  category: string;
  condition: RuleTree;
  validFrom: string | null;
  validTo: string | null;
}

export interface Rule extends RuleContent {
  id: string;
  subject: Subject;
  state: RuleState;
  version: number;
  owner: { unitId: string; unitName: string | null; jurisdiction: string };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  versionBy: string;
  versionAt: string;
  /** A rule on reservations or on reservation fields: only PNR-cleared roles change it. */
  usesPnr: boolean;
  /** Whether the signed-in user may edit, activate or retire it, and why not. */
  change: {
    allowed: boolean;
    reason: 'no-rule-writer' | 'not-owner' | 'pnr' | null;
    message: string | null;
  };
}

export interface RuleVersion extends RuleContent {
  version: number;
  createdBy: string;
  createdAt: string;
}

export interface RuleDetail extends Rule {
  versions: RuleVersion[];
}

export interface RuleIssue {
  path: string;
  message: string;
}

export interface ExplainedCondition {
  path: string;
  field: string;
  label: string;
  operator: Operator;
  expected: unknown;
  list?: string;
  actual: unknown;
  held: boolean;
}
export interface ExplainedGroup {
  kind: 'all' | 'any' | 'not';
  path: string;
  held: boolean;
  children: Explanation[];
}
export type Explanation = ExplainedCondition | ExplainedGroup;

export type RuleTestResult =
  | { valid: false; issues: RuleIssue[] }
  | {
      valid: true;
      fired: boolean;
      explanation: Explanation;
      record: Record<string, unknown>;
      /** The reservation tried, when named by its record locator. */
      reservation?: { reservationId: string; owningCarrier: string; recordLocator: string };
    };

export interface BacktestVersion {
  version: number;
  hits: number;
  perDay: { day: string; count: number }[];
  sample: { subjectId: string; name: string; flight: string; day: string }[];
  outcomes: { known: number; positives: number; negatives: number; precision: number | null };
}
export interface BacktestResult {
  evaluated: number;
  seconds: number;
  versions: BacktestVersion[];
  comparison: { both: number; onlyFirst: number; onlySecond: number } | null;
}

export interface CodeListSummary {
  id: string;
  name: string;
  kind: CodeListKind;
  description: string;
  jurisdiction: string;
  itemCount: number;
  createdBy: string;
  updatedAt: string;
}
export interface CodeListDetail {
  id: string;
  name: string;
  kind: CodeListKind;
  description: string;
  jurisdiction: string;
  items: { value: string; note: string | null }[];
  usedBy: string[];
}

export const HIT_STATUSES = ['new', 'in-review', 'referred', 'closed'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];
export const HIT_OUTCOMES = ['positive', 'negative', 'not-encountered', 'false-match'] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

export interface HitFlight {
  id: string;
  carrier: string;
  flightNumber: string;
  origin: string | null;
  destination: string | null;
  direction: string;
}

export interface HitListItem {
  id: string;
  subjectKind: Subject;
  /** A reservation's name (carrier and record locator, booked name) is withheld from roles without PNR clearance. */
  subjectName: string | PnrWithheldMarker;
  travellerId: string | null;
  reservationId: string | null;
  source: 'rule' | 'watchlist';
  rule: { id: string; version: number; name: string | null } | null;
  watchlist: { entryId: string; entryName: string | null; listName: string | null } | RestrictedList | null;
  severity: Severity;
  category: string;
  score: number | null;
  stillMatching: boolean;
  dueAt: string | null;
  flight: HitFlight | null;
  status: HitStatus;
  outcome: HitOutcome | null;
  assignedTo: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A hit as the page of its record shows it (traveller, reservation; the hit page's other hits). */
export interface RecordHit {
  id: string;
  status: HitStatus;
  outcome: HitOutcome | null;
  source: 'rule' | 'watchlist';
  severity: Severity;
  category: string;
  subjectKind: Subject;
  subjectName: string | PnrWithheldMarker;
  travellerId: string | null;
  reservationId: string | null;
  ruleName?: string | null;
  listName?: string | null;
  restrictedList?: { contactUnit: string | null };
  stillMatching: boolean;
  createdAt: string;
}

/** Hits of a record still open for the reader's agency, and closed positive (absent without hits:read). */
export interface HitCounts {
  openHits?: number;
  positiveHits?: number;
}

/** A hit of a unit-only list the user's unit may not see: who to contact instead. */
export interface RestrictedList {
  restricted: true;
  contactUnit: string | null;
}

export interface HitList {
  total: number;
  page: number;
  pageSize: number;
  items: HitListItem[];
}

/** One subject of the queue (`group=subject`): a traveller, a reservation, a booked traveller. */
/** A traveller booked in a reservation, as a reservation hit names them. */
export interface BookedName {
  sequence: number;
  name: string;
  travellerId: string | null;
}

export interface HitGroup {
  subjectKey: string;
  /** A reservation's booked travellers: PNR data, withheld without clearance. */
  bookedTravellers?: BookedName[] | PnrWithheldMarker;
  subjectKind: Subject;
  subjectName: string | PnrWithheldMarker;
  travellerId: string | null;
  reservationId: string | null;
  flight: HitFlight | null;
  dueAt: string | null;
  severity: Severity;
  status: HitStatus;
  openHits: number;
  /** Every hit of the subject under the filters, the most urgent first. */
  hits: HitListItem[];
}

export interface HitGroupList {
  total: number;
  page: number;
  pageSize: number;
  groups: HitGroup[];
}

export type HitExplanation =
  | { kind: 'rule'; rule: { id: string; name: string; version: number }; conditions: Explanation }
  | ({ kind: 'watchlist' } & RestrictedList)
  | {
      kind: 'watchlist';
      restricted?: undefined;
      matchedBy: 'name' | 'document';
      query:
        | { name: string; dateOfBirth?: string; nationality?: string; documents?: { number: string }[] }
        | PnrWithheldMarker;
      list: { id: string; name: string };
      entry: { id: string; externalId: string; primaryName: string };
      match: MatchExplanation | PnrWithheldMarker;
    };

export interface HitEvent {
  id: number;
  kind: 'created' | 'no-longer-matching' | 'matching-again' | 'status' | 'note' | 'assigned' | 'referred';
  actor: string | null;
  agency: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

export interface HitReferral {
  toUnit: { id: string; name: string | null };
  toUser: { id: string; name: string | null } | null;
  reason: string | null;
  by: string | null;
  at: string | null;
}

export interface HitReview {
  agencyId: string;
  agency: string;
  status: HitStatus;
  outcome: HitOutcome | null;
  assignedTo: string | null;
  assignedName: string | null;
  closedBy: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface HitDetail extends Omit<
  HitListItem,
  'rule' | 'watchlist' | 'flight' | 'status' | 'outcome' | 'assignedTo'
> {
  explanation: HitExplanation;
  lastMatchedAt: string | null;
  flight: (HitFlight & { departureUtc: string | null; arrivalUtc: string | null }) | null;
  rule: { id: string; version: number; name: string; description: string; condition: RuleTree } | null;
  watchlistEntryId: string | null;
  review: {
    agencyId: string;
    status: HitStatus;
    outcome: HitOutcome | null;
    assignedTo: string | null;
    /** Whom the agency referred the hit to, and why, while it is referred. */
    referral: HitReferral | null;
    /** The reader (or the reader's unit) is the recipient. */
    referredToReader: boolean;
  };
  reviews: HitReview[];
  events: HitEvent[];
  /** The same subject's other hits, as the reader may see them. */
  otherHits: RecordHit[];
  /** A reservation's booked travellers: PNR data, withheld without clearance. */
  bookedTravellers?: BookedName[] | PnrWithheldMarker;
  /** The booked traveller (on no passenger list) the hit was found on. */
  bookedSequence?: number | null;
}

export interface EffectivenessItem {
  ruleId: string;
  name: string;
  state: RuleState;
  version: number;
  severity: Severity;
  category: string;
  hits: number;
  referrals: number;
  positives: number;
  negatives: number;
  notEncountered: number;
  precision: number | null;
  noisy: boolean;
}
