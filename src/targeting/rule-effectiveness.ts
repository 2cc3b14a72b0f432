import type { Kysely } from 'kysely';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import { requirePermission } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { RuleEffectivenessStore } from './rule-effectiveness-store.js';

/** Per rule over a period: hits, referrals, outcomes and precision; rules that fire often and never find anything stand out. */
export async function ruleEffectiveness(
  db: Kysely<Database>,
  actor: Actor,
  period: { from?: string; to?: string },
) {
  requirePermission(actor, 'rules:read');
  const jurisdictions = visibleJurisdictions(actor);
  const rows = await new RuleEffectivenessStore(db).perRule(jurisdictions, period);
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
