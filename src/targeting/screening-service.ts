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
import type { JobQueue, JobsOfKind } from '../jobs/index.js';
import { screeningJobHandler, type ScreeningJob } from './screening-jobs.js';
import { publishHits } from './hit-events.js';
import { RuleStore, type ActiveRule } from './rule-store.js';
import type { PersonQuery, SubjectProvider, SubjectProviders } from './subject-provider.js';

const CHUNK = 1000;
/** Flights departing or arriving within this many hours are screened again when rules or lists change. */
export const RESCREEN_HOURS = 72;

type Screener = Awaited<ReturnType<WatchlistScreening['screener']>>;

interface RuleSet {
  set: CompiledRuleSet;
  rules: Map<string, ActiveRule>;
}

/** Records of one kind, as their provider loaded them. */
export interface LoadedSubjects {
  provider: SubjectProvider;
  rows: readonly unknown[];
}

/** The ids of records of one kind to screen. */
export interface SubjectIds {
  kind: string;
  ids: readonly string[];
}

const NO_LINKS: Readonly<Record<string, string | null>> = {};

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
  /** The screening jobs of the job queue (screening-jobs.ts). */
  readonly queue: JobsOfKind<ScreeningJob>;
  private readonly rules: RuleStore;
  private compiled: { revision: number; day: string; sets: Map<string, RuleSet> } | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly watchlists: WatchlistScreening,
    readonly subjects: SubjectProviders,
    jobs: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = jobs.register(screeningJobHandler((job) => this.process(job)));
    this.rules = new RuleStore(db);
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
    kind: string,
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
    kind: string,
    id: string,
    query: PersonQuery,
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

  /** What screening finds for these subjects; nothing is written. */
  async evaluate(batches: readonly LoadedSubjects[]): Promise<FoundHit[]> {
    const sets = await this.ruleSets();
    const screener = await this.watchlists.screener();
    const found: FoundHit[] = [];
    for (const { provider, rows } of batches) {
      const kind = provider.kind;
      for (const row of rows) {
        const subject = provider.summary(row);
        const base = {
          jurisdictionCode: subject.jurisdictionCode,
          subjectKind: kind,
          subjectId: subject.id,
          links: subject.links ?? NO_LINKS,
          bookedSequence: null as number | null,
          flightId: subject.flightId,
          subjectName: subject.name,
          dueAt: subject.dueAt,
        };
        found.push(
          ...this.ruleHits(
            kind,
            subject.id,
            provider.fields(row),
            sets.get(`${subject.jurisdictionCode}:${provider.ruleSubject}`),
            base,
          ),
        );
        const person = provider.person(row);
        if (person) found.push(...this.watchlistHits(screener, kind, subject.id, person, base));
        // Someone named in the record and on no record of their own (a traveller booked in a
        // reservation and on no passenger list) is screened as a person of the record: the rules
        // of their kind and the watchlists, the hit pointing at the record and naming them.
        for (const member of provider.members?.(row) ?? []) {
          const memberBase = {
            ...base,
            bookedSequence: member.sequence,
            subjectName: `${member.name} (${base.subjectName})`,
          };
          found.push(
            ...this.ruleHits(
              kind,
              `${subject.id}:booked:${member.sequence}`,
              member.fields,
              sets.get(`${subject.jurisdictionCode}:${member.ruleSubject}`),
              memberBase,
            ),
          );
          if (member.person)
            for (const hit of this.watchlistHits(screener, kind, subject.id, member.person, memberBase))
              if (!found.some((f) => f.dedupeKey === hit.dedupeKey)) found.push(hit);
        }
      }
    }
    return found;
  }

  /** The subjects of these ids that exist, as their provider loads them. */
  async load(kind: string, ids: readonly string[]): Promise<LoadedSubjects> {
    const provider = this.subjects.get(kind);
    return { provider, rows: ids.length === 0 ? [] : await provider.load(ids) };
  }

  /** Screens subjects and stores the outcome, a thousand at a time; announces what is new. */
  async screen(subjects: readonly SubjectIds[]): Promise<RecordedHits> {
    const total: RecordedHits = { created: [], updated: [], noLongerMatching: [] };
    const jurisdictions = new Set<string>();
    const most = Math.max(0, ...subjects.map((group) => group.ids.length));
    for (let start = 0; start < most; start += CHUNK) {
      const batches: LoadedSubjects[] = [];
      for (const group of subjects)
        if (start < group.ids.length)
          batches.push(await this.load(group.kind, group.ids.slice(start, start + CHUNK)));
      const found = await this.evaluate(batches);
      const screened: ScreenedSubject[] = [];
      for (const { provider, rows } of batches)
        for (const row of rows) {
          const subject = provider.summary(row);
          screened.push({ kind: provider.kind, id: subject.id });
          jurisdictions.add(subject.jurisdictionCode);
        }
      const recorded = await this.db.transaction().execute((trx) => recordScreening(trx, screened, found));
      total.created.push(...recorded.created);
      total.updated.push(...recorded.updated);
      total.noLongerMatching.push(...recorded.noLongerMatching);
    }
    // To every server's live streams, whichever process screened (hit-events.ts).
    if (total.created.length > 0 || total.noLongerMatching.length > 0)
      await publishHits(this.db, {
        created: total.created,
        noLongerMatching: total.noLongerMatching,
        jurisdictions: [...jurisdictions],
      });
    return total;
  }

  /** A screening job: the records of a message, records by id, or every record of the next hours. */
  async process(job: ScreeningJob): Promise<RecordedHits> {
    if (job.of === 'message') {
      const subjects: SubjectIds[] = [];
      for (const provider of this.subjects.all())
        subjects.push({ kind: provider.kind, ids: await provider.ofMessage(job.messageId) });
      return this.screen(subjects);
    }
    if (job.of === 'subjects') return this.screen([{ kind: job.subjectKind, ids: job.ids }]);
    const from = this.now();
    const to = new Date(from.getTime() + job.hours * 3_600_000);
    const subjects: SubjectIds[] = [];
    for (const provider of this.subjects.all())
      subjects.push({
        kind: provider.kind,
        ids: await provider.dueBetween(from.toISOString(), to.toISOString()),
      });
    return this.screen(subjects);
  }

  /** Queues screening of flights in the next 72 hours (rules or watchlists changed). */
  async requestRescreen(reason: string): Promise<void> {
    // Several changes in a row (an import, edits) need one screening, not one each.
    if (await this.queue.hasPending({ of: 'rescreen' })) return;
    await this.queue.enqueue(this.db, { of: 'rescreen', reason, hours: RESCREEN_HOURS });
  }
}
