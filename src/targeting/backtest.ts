import type { Actor } from '../access/model.js';
import { pnrValue } from '../access/pnr-visibility.js';
import { notFound } from '../errors.js';
import { compileRule, type CompiledRule, type RuleTree } from '../rules/api.js';
import type { HitStore } from './hit-store.js';
import type { BacktestInput } from './model.js';
import { requirePnrRuleClearance } from './rule-access.js';
import type { RuleService } from './rule-service.js';
import type { SubjectProviders } from './subject-provider.js';

const PAGE = 1000;
const FIRST = '00000000-0000-0000-0000-000000000000';
const SAMPLE = 100;

interface VersionRun {
  version: number;
  compiled: CompiledRule;
  hits: number;
  perDay: Map<string, number>;
  subjects: Set<string>;
  sample: { subjectId: string; name: unknown; flight: string; day: string }[];
}

/**
 * Known outcomes of the subjects: positive when any agency closed positive any hit shown on the
 * record's page. A member of a record (a booked traveller) is `<record id>:<sequence>`
 * (hits.booked_sequence).
 */
async function outcomes(hits: HitStore, kind: string, ids: string[], ownerOf: Map<string, string>) {
  let positives = 0;
  let negatives = 0;
  const groups = new Map<string, { kind: string; ids: string[]; ofMembers: boolean }>();
  for (const id of ids) {
    const owner = ownerOf.get(id);
    const key = owner ? `members:${owner}` : 'records';
    const group = groups.get(key) ?? { kind: owner ?? kind, ids: [], ofMembers: owner !== undefined };
    group.ids.push(id);
    groups.set(key, group);
  }
  for (const group of groups.values())
    for (let start = 0; start < group.ids.length; start += PAGE)
      for (const row of await hits.outcomesOf(
        group.kind,
        group.ids.slice(start, start + PAGE),
        group.ofMembers,
      )) {
        if (row.positive) positives++;
        else if (row.negative) negatives++;
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
  hits: HitStore,
  subjects: SubjectProviders,
  rules: RuleService,
  actor: Actor,
  ruleId: string,
  input: BacktestInput,
) {
  const rule = await rules.get(actor, ruleId);
  // Which reservations or travellers a PNR condition picks out is PNR data.
  for (const version of rule.versions) requirePnrRuleClearance(actor, rule.subject, version.condition);
  const codeLists = await rules.codeListsByName();
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
  const provider = subjects.forRules(rule.subject);
  const started = performance.now();
  let evaluated = 0;
  let evaluatedBooked = 0;
  /** The kind of record each member evaluated is named in. */
  const memberOwner = new Map<string, string>();
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
  const period = { jurisdictionCode: rule.owner.jurisdiction, from: input.from, to: input.to, limit: PAGE };
  for (let after = FIRST; ;) {
    const ids = await provider.idsOfPeriod({ ...period, after });
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    for (const row of await provider.load(ids)) {
      const subject = provider.summary(row);
      test({ id: subject.id, name: subject.name, ...provider.label(row), record: provider.fields(row) });
    }
  }
  // Rules on persons see the persons named in records of the period and on no record of their
  // own (travellers booked in reservations and on no passenger list), as screening does.
  for (const owner of subjects.all())
    if (owner.members && owner !== provider)
      for (let after = FIRST; ;) {
        const ids = await owner.idsOfPeriod({ ...period, after, withMembersOnly: true });
        if (ids.length === 0) break;
        after = ids[ids.length - 1]!;
        for (const row of await owner.load(ids)) {
          const subject = owner.summary(row);
          const label = owner.label(row);
          for (const member of owner.members(row)) {
            if (member.ruleSubject !== rule.subject) continue;
            evaluatedBooked++;
            const id = `${subject.id}:${member.sequence}`;
            memberOwner.set(id, owner.kind);
            test({
              id,
              // A booked name is PNR data.
              name: pnrValue(actor, `${member.name} (${subject.name})`),
              ...label,
              record: member.fields,
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
      outcomes: await outcomes(hits, provider.kind, [...run.subjects], memberOwner),
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
