import { sql, type Kysely } from 'kysely';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../errors.js';
import { listVisibleTo, scopeOf } from '../watchlists/store.js';

/** True for a hit the actor sees whole: not from a list, or from a list the actor may see. */
export function hitListVisible(actor: Actor) {
  return sql<boolean>`(h.watchlist_entry_id is null or ${listVisibleTo(scopeOf(actor), 'wl')})`;
}

/** The hits the actor sees at all (whole, or as "restricted list" when the owner notifies other units). */
export function hitShown(actor: Actor) {
  return sql<boolean>`(${hitListVisible(actor)} or wl.notify_other_units)`;
}

/** Most severe first: the rank of a hit's severity (`h` the hits alias). */
export const SEVERITY_RANK = sql<number>`case h.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`;

/** The actor's agency: each agency reviews its own view of a hit (`hit_reviews`). */
export async function agencyOf(db: Kysely<Database>, actor: Actor): Promise<string> {
  const unit = await db
    .selectFrom('units')
    .select('agency_id')
    .where('id', '=', actor.unitId)
    .executeTakeFirst();
  if (!unit) throw forbidden('Your unit is not known');
  return unit.agency_id;
}

/**
 * The hits an actor sees, wherever they are shown (queue, hit page, records' pages, counts): of
 * their jurisdictions, and of lists they may see or that notify other units (hit-visibility.ts);
 * with the actor's agency's review (`hr`), the rule (`r`) and the list (`wl`). The hit's flight
 * comes from the domain that holds flights (FlightDirectory, subject-provider.ts).
 */
export function visibleHits(db: Kysely<Database>, actor: Actor, agencyId: string) {
  let query = db
    .selectFrom('hits as h')
    .leftJoin('hit_reviews as hr', (join) =>
      join.onRef('hr.hit_id', '=', 'h.id').on('hr.agency_id', '=', agencyId),
    )
    .leftJoin('rules as r', 'r.id', 'h.rule_id')
    .leftJoin('watchlist_entries as we', 'we.id', 'h.watchlist_entry_id')
    .leftJoin('watchlists as wl', 'wl.id', 'we.watchlist_id')
    .leftJoin('units as wu', 'wu.id', 'wl.owner_unit_id')
    .where(hitShown(actor))
    .select([hitListVisible(actor).as('list_visible'), 'wu.name as list_owner_unit']);
  const jurisdictions = visibleJurisdictions(actor);
  if (jurisdictions) query = query.where('h.jurisdiction_code', 'in', jurisdictions);
  return query;
}

/** The review status of the actor's agency: a hit nobody of the agency touched is new. */
export const REVIEW_STATUS = sql<string>`coalesce(hr.status, 'new')`;
