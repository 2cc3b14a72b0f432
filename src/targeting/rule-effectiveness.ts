import { sql, type Kysely } from 'kysely';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import { requirePermission } from '../access/service.js';
import type { Database } from '../db/schema.js';

/** Per rule over a period: hits, referrals, outcomes and precision; rules that fire often and never find anything stand out. */
export async function ruleEffectiveness(
  db: Kysely<Database>,
  actor: Actor,
  period: { from?: string; to?: string },
) {
  requirePermission(actor, 'rules:read');
  const jurisdictions = visibleJurisdictions(actor);
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
  const rows = await query.execute();
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    items: rows.map((row) => {
      const decided = row.positives + row.negatives;
      return {
        ruleId: row.id,
        name: row.name,
        state: row.state,
        version: row.current_version,
        severity: row.severity,
        category: row.category,
        hits: row.hits,
        referrals: row.referrals,
        positives: row.positives,
        negatives: row.negatives,
        notEncountered: row.not_encountered,
        precision: decided > 0 ? row.positives / decided : null,
        // Fires often and has never found anything: worth a look.
        noisy: row.hits >= 20 && row.positives === 0,
      };
    }),
  };
}
