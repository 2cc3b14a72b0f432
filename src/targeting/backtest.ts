import { sql, type Kysely } from 'kysely';
import type { Actor } from '../access/model.js';
import { pnrValue } from '../access/pnr-visibility.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { compileRule, type CompiledRule, type RuleTree, type Subject } from '../rules/api.js';
import type { BacktestInput } from './model.js';
import { requirePnrRuleClearance } from './rule-access.js';
import type { RuleService } from './rule-service.js';
import { SubjectStore } from './subject-store.js';
import { bookedTravellerSubject, reservationSubject, travellerSubject } from './subjects.js';

const PAGE = 1000;
const SAMPLE = 100;

interface VersionRun {
  version: number;
  compiled: CompiledRule;
  hits: number;
  perDay: Map<string, number>;
  subjects: Set<string>;
  sample: { subjectId: string; name: unknown; flight: string; day: string }[];
}

/** Reservations of the jurisdiction first departing in the period, a page after `after`. */
function reservationsOfPeriod(
  db: Kysely<Database>,
  jurisdiction: string,
  period: { from: string; to: string },
  after: string,
  withBookedOnly: boolean,
) {
  let query = db
    .selectFrom('reservations as r')
    .select('r.id')
    .where('r.jurisdiction_code', '=', jurisdiction)
    .where(sql`r.first_departure_local::date`, '>=', period.from)
    .where(sql`r.first_departure_local::date`, '<=', period.to)
    .where('r.id', '>', after);
  if (withBookedOnly)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reservation_travellers as rt')
          .select('rt.reservation_id')
          .whereRef('rt.reservation_id', '=', 'r.id')
          .where('rt.traveller_id', 'is', null),
      ),
    );
  return query.orderBy('r.id').limit(PAGE).execute();
}

/**
 * Known outcomes of the subjects: positive when any agency closed any hit on them positive. A
 * booked traveller on no passenger list is `<reservation id>:<sequence>` (hits.booked_sequence).
 */
async function outcomes(db: Kysely<Database>, kind: Subject, ids: string[]) {
  let positives = 0;
  let negatives = 0;
  const booked = ids.filter((id) => id.includes(':'));
  const records = ids.filter((id) => !id.includes(':'));
  const column = kind === 'traveller' ? 'h.traveller_id' : 'h.reservation_id';
  const subjectKey = sql<string>`h.reservation_id::text || ':' || h.booked_sequence::text`;
  const groups: [ReturnType<typeof sql<string>>, string[], boolean][] = [
    [sql<string>`${sql.ref(column)}::text`, records, false],
    [subjectKey, booked, true],
  ];
  for (const [key, subjects, isBooked] of groups)
    for (let start = 0; start < subjects.length; start += PAGE) {
      const page = subjects.slice(start, start + PAGE);
      let query = db
        .selectFrom('hits as h')
        .innerJoin('hit_reviews as hr', 'hr.hit_id', 'h.id')
        .select([
          key.as('subject'),
          sql<boolean>`bool_or(hr.outcome = 'positive')`.as('positive'),
          sql<boolean>`bool_or(hr.outcome in ('negative', 'false-match'))`.as('negative'),
        ]);
      query = isBooked
        ? query
            .where('h.reservation_id', 'in', [...new Set(page.map((id) => id.split(':')[0]!))])
            .where(key, 'in', page)
        : query.where(sql.ref(column), 'in', page);
      for (const row of await query.groupBy(key).execute()) {
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
  let evaluatedBooked = 0;
  const test = (subject: {
    id: string;
    name: unknown;
    flight: string;
    day: string;
    record: Record<string, unknown>;
  }) => {
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
  };
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
        : await reservationsOfPeriod(db, rule.owner.jurisdiction, input, after, false);
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
    for (const subject of records) test(subject);
  }
  // Traveller rules see the travellers booked in reservations of the period and reported on no
  // passenger list, as screening does (subjects.ts bookedTravellerSubject).
  if (rule.subject === 'traveller')
    for (after = '00000000-0000-0000-0000-000000000000'; ;) {
      const ids = await reservationsOfPeriod(db, rule.owner.jurisdiction, input, after, true);
      if (ids.length === 0) break;
      after = ids[ids.length - 1].id;
      for (const row of await subjects.reservations(ids.map((r) => r.id)))
        for (const booked of row.bookedTravellers ?? []) {
          evaluatedBooked++;
          test({
            id: `${row.id}:${booked.sequence}`,
            // A booked name is PNR data.
            name: pnrValue(
              actor,
              `${booked.givenNames} ${booked.surname} (${row.owningCarrier} ${row.recordLocator})`,
            ),
            flight: row.flight
              ? `${row.flight.carrier}${row.flight.flightNumber} ${row.flight.origin}-${row.flight.destination}`
              : '',
            day: (row.flight?.departureUtc ?? '').slice(0, 10),
            record: bookedTravellerSubject(row, booked),
          });
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
    /** Of them, travellers booked in reservations and on no passenger list (traveller rules). */
    evaluatedBooked,
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
