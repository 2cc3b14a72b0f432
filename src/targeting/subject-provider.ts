/**
 * Screening subjects: what targeting screens, hits point at, the queue shows and back-tests count
 * is given by the domain that holds the records (passengers: travellers and reservations; later
 * cargo: consignments, postal items; border: vehicle crossings). A domain registers one provider
 * per kind of record with targeting; targeting never reads another domain's tables.
 */
import type { Subject } from '../rules/api.js';

/** A flat record keyed by the rule catalogue's field keys (src/rules/catalogue.ts). */
export type SubjectRecord = Record<string, unknown>;

/** A person screened against the watchlists (name, date of birth, documents ...). */
export interface PersonQuery {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'M' | 'F';
  documents?: { type?: string; number: string; issuingState?: string }[];
}

/** What a hit says of its subject, whatever the domain. */
export interface SubjectSummary {
  id: string;
  jurisdictionCode: string;
  /** The subject's name in the queue. */
  name: string;
  /** When a hit must have been seen: the departure, the arrival, the vessel's call. */
  dueAt: string | null;
  /** The flight the subject travels on, shown with the hit. */
  flightId: string | null;
  /**
   * Other records the hit is linked to, by subject kind (a traveller's reservation): the hit is
   * shown on their pages too. Each kind is a `<kind>_id` column of `hits` (see hit-store.ts).
   */
  links?: Readonly<Record<string, string | null>>;
}

/**
 * Someone named in a record and on no record of their own (a traveller booked in a reservation and
 * reported on no passenger list): screened by the rules of `ruleSubject` and the watchlists as a
 * person of the record; the hit points at the record and names the member (`hits.booked_sequence`).
 */
export interface SubjectMember {
  sequence: number;
  name: string;
  ruleSubject: Subject;
  fields: SubjectRecord;
  person: PersonQuery | null;
}

/** A member's name as the queue shows it under its record. */
export interface MemberName {
  sequence: number;
  name: string;
  /** The record of its own the member is linked to (an API traveller), when there is one. */
  linkedId: string | null;
}

/** Back-tests walk the records of a period page by page. */
export interface PeriodPage {
  jurisdictionCode: string;
  from: string;
  to: string;
  /** The last id of the previous page. */
  after: string;
  limit: number;
  /** Only records with members (the back-test of the members' rules). */
  withMembersOnly?: boolean;
}

export interface SubjectProvider<Row = unknown> {
  /** The kind hits record (`hits.subject_kind`). */
  readonly kind: string;
  /** The rule catalogue the records are read by (src/rules). */
  readonly ruleSubject: Subject;
  /** The records of these ids that exist, in few queries whatever their number. */
  load(ids: readonly string[]): Promise<Row[]>;
  summary(row: Row): SubjectSummary;
  /** The record flattened to the rule catalogue's fields. */
  fields(row: Row): SubjectRecord;
  /** The person the record is, screened against the watchlists; null for a record of no one. */
  person(row: Row): PersonQuery | null;
  members?(row: Row): SubjectMember[];
  /** What a back-test's sample says of the record besides its name: its flight and day. */
  label(row: Row): { flight: string; day: string };
  /** The records a stored message brought, or changed the screening of. */
  ofMessage(messageId: string): Promise<string[]>;
  /** The records travelling between two instants (screened again when rules or lists change). */
  dueBetween(from: string, to: string): Promise<string[]>;
  /** Ids of the records of a period, in id order (back-tests). */
  idsOfPeriod(page: PeriodPage): Promise<string[]>;
  /** The members of these records by record, for the queue. */
  memberNames?(ids: readonly string[]): Promise<Map<string, MemberName[]>>;
  /**
   * The records a reference names (a reservation's record locator, with its carrier or without)
   * in these jurisdictions (null: all), the newest first: the rule test's record.
   */
  findByReference?(
    reference: string,
    qualifier: string | undefined,
    jurisdictions: string[] | null,
  ): Promise<ReferenceCandidate[]>;
  /** How people name the record besides its id (a carrier and a record locator). */
  reference?(row: Row): Record<string, string>;
}

export interface ReferenceCandidate {
  id: string;
  [detail: string]: unknown;
}

/** What a hit shows of the flight its subject travels on (`hits.flight_id`). */
export interface FlightSummary {
  id: string;
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  direction: string;
  departureUtc: string | null;
  arrivalUtc: string | null;
}

/** The flights hits name, given by the domain that holds them (passengers). */
export interface FlightDirectory {
  summaries(ids: readonly string[]): Promise<Map<string, FlightSummary>>;
  /** Flights departing from or arriving at an airport (the queue's airport filter). */
  atAirport(airport: string): Promise<string[]>;
}

const NO_FLIGHTS: FlightDirectory = {
  summaries: async () => new Map(),
  atAirport: async () => [],
};

/** The providers by kind, registered when services are wired (src/services.ts). */
export class SubjectProviders {
  private readonly byKind = new Map<string, SubjectProvider>();

  constructor(
    providers: readonly SubjectProvider[] = [],
    /** The flights hits name. */
    readonly flights: FlightDirectory = NO_FLIGHTS,
  ) {
    for (const provider of providers) this.register(provider);
  }

  register<Row>(provider: SubjectProvider<Row>): void {
    if (this.byKind.has(provider.kind))
      throw new Error(`A subject provider for ${provider.kind} is registered already`);
    this.byKind.set(provider.kind, provider as SubjectProvider);
  }

  get(kind: string): SubjectProvider {
    const provider = this.byKind.get(kind);
    if (!provider) throw new Error(`No subject provider for ${kind}`);
    return provider;
  }

  find(kind: string): SubjectProvider | undefined {
    return this.byKind.get(kind);
  }

  /** The provider whose records a rule of this subject reads. */
  forRules(subject: Subject): SubjectProvider {
    for (const provider of this.byKind.values()) if (provider.ruleSubject === subject) return provider;
    throw new Error(`No subject provider for rules on ${subject}`);
  }

  all(): SubjectProvider[] {
    return [...this.byKind.values()];
  }
}
