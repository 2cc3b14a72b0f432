import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Per rule (its current version) over a period: hits and what agencies concluded of them. */
export class RuleEffectivenessStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Rules of these jurisdictions (null: all), the most hits first. */
  perRule(jurisdictions: string[] | null, period: { from?: string; to?: string }) {
    const db = this.db;
    let query = db
      .selectFrom('rules as r')
      .innerJoin('rule_versions as v', (join) =>
        join.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
      )
      .leftJoin('hits as h', (join) => {
        let on = join.onRef('h.rule_id', '=', 'r.id');
        if (period.from) on = on.on('h.created_at', '>=', `${period.from}T00:00:00Z`);
        if (period.to) on = on.on('h.created_at', '<', sql<string>`(${period.to}::date + 1)::timestamptz`);
        return on;
      })
      .select([
        'r.id',
        'v.name',
        'r.state',
        'r.current_version',
        'v.severity',
        'v.category',
        sql<number>`count(distinct h.id)::integer`.as('hits'),
        sql<number>`count(distinct h.id) filter (where exists (select 1 from hit_events e where e.hit_id = h.id and e.kind in ('status', 'referred') and e.details->>'to' = 'referred'))::integer`.as(
          'referrals',
        ),
        sql<number>`count(distinct h.id) filter (where exists (select 1 from hit_reviews x where x.hit_id = h.id and x.outcome = 'positive'))::integer`.as(
          'positives',
        ),
        sql<number>`count(distinct h.id) filter (where not exists (select 1 from hit_reviews x where x.hit_id = h.id and x.outcome = 'positive') and exists (select 1 from hit_reviews x where x.hit_id = h.id and x.outcome in ('negative', 'false-match')))::integer`.as(
          'negatives',
        ),
        sql<number>`count(distinct h.id) filter (where exists (select 1 from hit_reviews x where x.hit_id = h.id and x.outcome = 'not-encountered') and not exists (select 1 from hit_reviews x where x.hit_id = h.id and x.outcome in ('positive', 'negative', 'false-match')))::integer`.as(
          'not_encountered',
        ),
      ])
      .groupBy(['r.id', 'v.name', 'r.state', 'r.current_version', 'v.severity', 'v.category'])
      .orderBy(sql`count(distinct h.id)`, 'desc');
    if (jurisdictions) query = query.where('r.jurisdiction_code', 'in', jurisdictions);
    return query.execute();
  }
}
