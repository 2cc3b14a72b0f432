import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { compileRule, type CompiledRule, type RuleTree, type Subject } from '../rules/api.js';
import type { BacktestInput } from './model.js';
import { requirePnrRuleClearance } from './rule-access.js';
import type { RuleService } from './rule-service.js';
import { SubjectStore } from './subject-store.js';
import { reservationSubject, travellerSubject } from './subjects.js';

const PAGE = 1000;
const SAMPLE = 100;

interface VersionRun {
  version: number;
  compiled: CompiledRule;
  hits: number;
  perDay: Map<string, number>;
  subjects: Set<string>;
  sample: { subjectId: string; name: string; flight: string; day: string }[];
}

/** Known outcomes of the subjects: positive when any agency closed any hit on them positive. */
async function outcomes(db: Kysely<Database>, kind: Subject, ids: string[]) {
  let positives = 0;
  let negatives = 0;
  const column = kind === 'traveller' ? 'h.traveller_id' : 'h.reservation_id';
  for (let start = 0; start < ids.length; start += PAGE) {
    const rows = await db
      .selectFrom('hits as h')
      .innerJoin('hit_reviews as hr', 'hr.hit_id', 'h.id')
      .select([
        sql<string>`${sql.ref(column)}`.as('subject'),
        sql<boolean>`bool_or(hr.outcome = 'positive')`.as('positive'),
        sql<boolean>`bool_or(hr.outcome in ('negative', 'false-match'))`.as('negative'),
      ])
      .where(sql.ref(column), 'in', ids.slice(start, start + PAGE))
      .groupBy(sql.ref(column))
      .execute();
    for (const row of rows) {
      if (row.positive) positives++;
      else if (row.negative) negatives++;
    }
  }
  return {
    known: positives + negatives,
    positives,
    negatives,
    precision: positives + negatives > 0 ? positives / (positives + negatives) : null,
  };
}

/**
 * A rule version (or two, to compare) over the stored travellers or reservations of a period:
 * the would-be hits, how many per day, and the precision where outcomes are known. Nothing is
 * written.
 */
export async function backtestRule(
  db: Kysely<Database>,
  rules: RuleService,
  actor: Actor,
  ruleId: string,
  input: BacktestInput,
) {
  const rule = await rules.get(actor, ruleId);
  // Which reservations or travellers a PNR condition picks out is PNR data.
  for (const version of rule.versions) requirePnrRuleClearance(actor, rule.subject, version.condition);
  const codeLists = await rules.store.codeLists();
  const versionOf = (version: number): RuleTree => {
    const found = rule.versions.find((v) => v.version === version);
    if (!found) throw notFound('Rule version', String(version));
    return found.condition;
  };
  const runs: VersionRun[] = [
    input.version ?? rule.version,
    ...(input.compareWith ? [input.compareWith] : []),
  ].map((version) => ({
    version,
    compiled: compileRule(versionOf(version), rule.subject, codeLists),
    hits: 0,
    perDay: new Map(),
    subjects: new Set(),
    sample: [],
  }));
  const subjects = new SubjectStore(db);
  const started = performance.now();
  let evaluated = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids =
      rule.subject === 'traveller'
        ? await db
            .selectFrom('travellers as t')
            .innerJoin('flights as f', 'f.id', 't.primary_flight_id')
            .select('t.id')
            .where('t.jurisdiction_code', '=', rule.owner.jurisdiction)
            .where(sql`coalesce(f.departure_date, f.scheduled_departure_local::date)`, '>=', input.from)
            .where(sql`coalesce(f.departure_date, f.scheduled_departure_local::date)`, '<=', input.to)
            .where('t.id', '>', after)
            .orderBy('t.id')
            .limit(PAGE)
            .execute()
        : await db
            .selectFrom('reservations as r')
            .select('r.id')
            .where('r.jurisdiction_code', '=', rule.owner.jurisdiction)
            .where(sql`r.first_departure_local::date`, '>=', input.from)
            .where(sql`r.first_departure_local::date`, '<=', input.to)
            .where('r.id', '>', after)
            .orderBy('r.id')
            .limit(PAGE)
            .execute();
    if (ids.length === 0) break;
    after = ids[ids.length - 1].id;
    const records =
      rule.subject === 'traveller'
        ? (await subjects.travellers(ids.map((r) => r.id))).map((row) => ({
            id: row.id,
            name: `${row.givenNames} ${row.surname}`.trim(),
            flight: `${row.carrier}${row.flightNumber} ${row.origin}-${row.destination}`,
            day: (row.departureLocal ?? row.departureUtc ?? '').slice(0, 10),
            record: travellerSubject(row),
          }))
        : (await subjects.reservations(ids.map((r) => r.id))).map((row) => ({
            id: row.id,
            name: `${row.owningCarrier} ${row.recordLocator}`,
            flight: row.flight
              ? `${row.flight.carrier}${row.flight.flightNumber} ${row.flight.origin}-${row.flight.destination}`
              : '',
            day: (row.flight?.departureUtc ?? '').slice(0, 10),
            record: reservationSubject(row),
          }));
    for (const subject of records) {
      evaluated++;
      for (const run of runs) {
        if (!run.compiled.test(subject.record)) continue;
        run.hits++;
        run.subjects.add(subject.id);
        run.perDay.set(subject.day, (run.perDay.get(subject.day) ?? 0) + 1);
        if (run.sample.length < SAMPLE)
          run.sample.push({
            subjectId: subject.id,
            name: subject.name,
            flight: subject.flight,
            day: subject.day,
          });
      }
    }
  }
  const results = await Promise.all(
    runs.map(async (run) => ({
      version: run.version,
      hits: run.hits,
      perDay: [...run.perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
      sample: run.sample,
      outcomes: await outcomes(db, rule.subject, [...run.subjects]),
    })),
  );
  const [a, b] = runs;
  return {
    ruleId,
    subject: rule.subject,
    from: input.from,
    to: input.to,
    evaluated,
    seconds: Math.round(performance.now() - started) / 1000,
    versions: results,
    comparison: b
      ? {
          both: [...a.subjects].filter((id) => b.subjects.has(id)).length,
          onlyFirst: [...a.subjects].filter((id) => !b.subjects.has(id)).length,
          onlySecond: [...b.subjects].filter((id) => !a.subjects.has(id)).length,
        }
      : null,
  };
}
