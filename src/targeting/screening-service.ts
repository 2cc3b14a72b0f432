import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { compileRuleSet, type CompiledRuleSet, type Subject } from '../rules/api.js';
import { ANY_UNIT, type WatchlistScreening } from '../watchlists/screening.js';
import {
  recordScreening,
  targetingRevision,
  type FoundHit,
  type RecordedHits,
  type ScreenedSubject,
  type Severity,
} from './hit-store.js';
import { ScreeningQueue, type QueueOptions, type ScreeningJob } from './queue.js';
import { RuleStore, type ActiveRule } from './rule-store.js';
import { SubjectStore } from './subject-store.js';
import {
  bookedTravellerSubject,
  reservationSubject,
  travellerSubject,
  type ReservationRow,
  type TravellerRow,
} from './subjects.js';

const CHUNK = 1000;
/** Flights departing or arriving within this many hours are screened again when rules or lists change. */
export const RESCREEN_HOURS = 72;

type Screener = Awaited<ReturnType<WatchlistScreening['screener']>>;

interface RuleSet {
  set: CompiledRuleSet;
  rules: Map<string, ActiveRule>;
}

export interface HitsEvent {
  created: string[];
  noLongerMatching: string[];
  jurisdictions: string[];
}

const severities: Severity[] = ['low', 'medium', 'high', 'critical'];
const asSeverity = (value: string): Severity =>
  severities.includes(value as Severity) ? (value as Severity) : 'medium';

/**
 * Screening of travellers and reservations against the active rules of their jurisdiction and
 * every watchlist that jurisdiction may use; hits stored and announced. Jobs come from the
 * queue (`worker.ts`), so that any number of processes share the load.
 */
export class ScreeningService {
  readonly queue: ScreeningQueue;
  readonly subjects: SubjectStore;
  readonly events = new EventEmitter();
  private readonly rules: RuleStore;
  private compiled: { revision: number; day: string; sets: Map<string, RuleSet> } | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly watchlists: WatchlistScreening,
    private readonly now: () => Date = () => new Date(),
    queueOptions: Partial<QueueOptions> = {},
  ) {
    this.queue = new ScreeningQueue(db, queueOptions);
    this.subjects = new SubjectStore(db);
    this.rules = new RuleStore(db);
    this.events.setMaxListeners(0);
  }

  /** The active rules compiled per jurisdiction and subject, recompiled when rules or code lists change. */
  async ruleSets(): Promise<Map<string, RuleSet>> {
    const revision = await targetingRevision(this.db);
    const day = this.now().toISOString().slice(0, 10);
    if (this.compiled?.revision === revision && this.compiled.day === day) return this.compiled.sets;
    const [active, codeLists] = await Promise.all([this.rules.activeRules(day), this.rules.codeLists()]);
    const groups = new Map<string, ActiveRule[]>();
    for (const rule of active) {
      const key = `${rule.jurisdictionCode}:${rule.subject}`;
      groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    const sets = new Map<string, RuleSet>();
    for (const [key, rules] of groups) {
      const subject = key.split(':')[1] as Subject;
      const set = compileRuleSet(
        rules.map((rule) => ({ id: rule.id, tree: rule.tree })),
        subject,
        codeLists,
        { skipInvalid: true },
      );
      sets.set(key, { set, rules: new Map(rules.map((rule) => [rule.id, rule])) });
    }
    this.compiled = { revision, day, sets };
    return sets;
  }

  private ruleHits(
    kind: Subject,
    id: string,
    record: Record<string, unknown>,
    ruleSet: RuleSet | undefined,
    base: Omit<
      FoundHit,
      | 'dedupeKey'
      | 'source'
      | 'ruleId'
      | 'ruleVersion'
      | 'watchlistEntryId'
      | 'severity'
      | 'category'
      | 'score'
      | 'explanation'
    >,
  ): FoundHit[] {
    if (!ruleSet) return [];
    return ruleSet.set.fired(record).map((ruleId) => {
      const rule = ruleSet.rules.get(ruleId)!;
      return {
        ...base,
        dedupeKey: `${kind}:${id}:rule:${ruleId}`,
        source: 'rule',
        ruleId,
        ruleVersion: rule.version,
        watchlistEntryId: null,
        severity: rule.severity,
        category: rule.category,
        score: null,
        explanation: {
          kind: 'rule',
          rule: { id: ruleId, name: rule.name, version: rule.version },
          conditions: ruleSet.set.explain(ruleId, record),
        },
      };
    });
  }

  private watchlistHits(
    screener: Screener,
    kind: Subject,
    id: string,
    query: Parameters<WatchlistScreening['screenPerson']>[0],
    base: Parameters<ScreeningService['ruleHits']>[4],
  ): FoundHit[] {
    if (!query.name.trim() && !query.documents?.length) return [];
    const { candidates } = screener.screenPerson(
      query,
      { jurisdictionCode: base.jurisdictionCode, unitId: ANY_UNIT },
      { limit: 5 },
    );
    return candidates
      .filter((candidate) => candidate.match)
      .map((candidate) => ({
        ...base,
        dedupeKey: `${kind}:${id}:watchlist:${candidate.entry.id}`,
        source: 'watchlist' as const,
        ruleId: null,
        ruleVersion: null,
        watchlistEntryId: candidate.entry.id,
        severity: asSeverity(candidate.entry.severity),
        category: candidate.entry.category ?? 'watchlist',
        score: candidate.score,
        explanation: {
          kind: 'watchlist',
          matchedBy: candidate.matchedBy,
          query,
          list: { id: candidate.entry.watchlistId, name: candidate.entry.listName },
          entry: {
            id: candidate.entry.id,
            externalId: candidate.entry.externalId,
            primaryName: candidate.entry.primaryName,
          },
          match: candidate.explanation,
        },
      }));
  }

  /** What screening finds for these travellers and reservations; nothing is written. */
  async evaluate(
    travellers: readonly TravellerRow[],
    reservations: readonly ReservationRow[],
  ): Promise<FoundHit[]> {
    const sets = await this.ruleSets();
    const screener = await this.watchlists.screener();
    const found: FoundHit[] = [];
    for (const row of travellers) {
      const base = {
        jurisdictionCode: row.jurisdictionCode,
        subjectKind: 'traveller' as const,
        travellerId: row.id,
        reservationId: row.reservation?.id ?? null,
        bookedSequence: null,
        flightId: row.flightId,
        subjectName: `${row.givenNames} ${row.surname}`.trim(),
        dueAt:
          row.direction === 'inbound'
            ? (row.arrivalUtc ?? row.departureUtc)
            : (row.departureUtc ?? row.arrivalUtc),
      };
      found.push(
        ...this.ruleHits(
          'traveller',
          row.id,
          travellerSubject(row),
          sets.get(`${row.jurisdictionCode}:traveller`),
          base,
        ),
      );
      found.push(
        ...this.watchlistHits(
          screener,
          'traveller',
          row.id,
          {
            name: base.subjectName,
            ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}),
            ...(row.nationality ? { nationality: row.nationality } : {}),
            ...(row.sex === 'M' || row.sex === 'F' ? { sex: row.sex } : {}),
            documents: row.documents
              .filter((d) => d.number)
              .map((d) => ({
                number: d.number!,
                ...(d.type ? { type: d.type } : {}),
                ...(d.issuingState ? { issuingState: d.issuingState } : {}),
              })),
          },
          base,
        ),
      );
    }
    for (const row of reservations) {
      const base = {
        jurisdictionCode: row.jurisdictionCode,
        subjectKind: 'reservation' as const,
        travellerId: null,
        reservationId: row.id,
        bookedSequence: null as number | null,
        flightId: row.firstFlightId ?? null,
        subjectName: `${row.owningCarrier} ${row.recordLocator}`.trim(),
        dueAt: row.flight
          ? row.flight.direction === 'inbound'
            ? (row.flight.arrivalUtc ?? row.flight.departureUtc)
            : row.flight.departureUtc
          : null,
      };
      found.push(
        ...this.ruleHits(
          'reservation',
          row.id,
          reservationSubject(row),
          sets.get(`${row.jurisdictionCode}:reservation`),
          base,
        ),
      );
      // A booked traveller on no passenger list is screened as a traveller of the reservation:
      // traveller rules and watchlists, the hit pointing at the reservation and naming them.
      const travellerRules = sets.get(`${row.jurisdictionCode}:traveller`);
      for (const booked of row.bookedTravellers ?? []) {
        const name = `${booked.givenNames} ${booked.surname}`.trim();
        const bookedBase = {
          ...base,
          bookedSequence: booked.sequence,
          subjectName: `${name} (${base.subjectName})`,
        };
        found.push(
          ...this.ruleHits(
            'reservation',
            `${row.id}:booked:${booked.sequence}`,
            bookedTravellerSubject(row, booked),
            travellerRules,
            bookedBase,
          ),
        );
        for (const hit of this.watchlistHits(
          screener,
          'reservation',
          row.id,
          {
            name,
            ...(booked.dateOfBirth ? { dateOfBirth: booked.dateOfBirth } : {}),
            ...(booked.documentNumber ? { documents: [{ number: booked.documentNumber }] } : {}),
          },
          bookedBase,
        ))
          if (!found.some((f) => f.dedupeKey === hit.dedupeKey)) found.push(hit);
      }
    }
    return found;
  }

  /** Screens subjects and stores the outcome, a thousand at a time; announces what is new. */
  async screen(travellerIds: readonly string[], reservationIds: readonly string[]): Promise<RecordedHits> {
    const total: RecordedHits = { created: [], updated: [], noLongerMatching: [] };
    const jurisdictions = new Set<string>();
    for (let start = 0; start < Math.max(travellerIds.length, reservationIds.length); start += CHUNK) {
      const travellers = await this.subjects.travellers(travellerIds.slice(start, start + CHUNK));
      const reservations = await this.subjects.reservations(reservationIds.slice(start, start + CHUNK));
      const found = await this.evaluate(travellers, reservations);
      const screened: ScreenedSubject[] = [
        ...travellers.map((t) => ({ kind: 'traveller' as const, id: t.id })),
        ...reservations.map((r) => ({ kind: 'reservation' as const, id: r.id })),
      ];
      const recorded = await this.db.transaction().execute((trx) => recordScreening(trx, screened, found));
      total.created.push(...recorded.created);
      total.updated.push(...recorded.updated);
      total.noLongerMatching.push(...recorded.noLongerMatching);
      for (const subject of [...travellers, ...reservations]) jurisdictions.add(subject.jurisdictionCode);
    }
    if (total.created.length > 0 || total.noLongerMatching.length > 0)
      this.events.emit('hits', {
        created: total.created,
        noLongerMatching: total.noLongerMatching,
        jurisdictions: [...jurisdictions],
      } satisfies HitsEvent);
    return total;
  }

  async process(job: ScreeningJob): Promise<RecordedHits> {
    const payload = job.payload;
    if (job.kind === 'message') {
      const messageId = String(payload.messageId);
      const reservationIds = await this.subjects.reservationsOfMessage(messageId);
      const travellerIds = new Set(await this.subjects.travellersOfMessage(messageId));
      for (const id of await this.subjects.travellersOfReservations(reservationIds)) travellerIds.add(id);
      return this.screen([...travellerIds], reservationIds);
    }
    if (job.kind === 'travellers') return this.screen(payload.ids as string[], []);
    if (job.kind === 'reservations') return this.screen([], payload.ids as string[]);
    const from = this.now();
    const to = new Date(from.getTime() + Number(payload.hours ?? RESCREEN_HOURS) * 3_600_000);
    const { travellerIds, reservationIds } = await this.subjects.subjectsOnFlightsBetween(
      from.toISOString(),
      to.toISOString(),
    );
    return this.screen(travellerIds, reservationIds);
  }

  /** Queues screening of flights in the next 72 hours (rules or watchlists changed). */
  async requestRescreen(reason: string): Promise<void> {
    // Several changes in a row (an import, edits) need one screening, not one each.
    if (await this.queue.hasPending('rescreen')) return;
    await this.queue.enqueue(this.db, 'rescreen', { reason, hours: RESCREEN_HOURS });
    this.events.emit('queued');
  }
}
