import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Requests counted under a key in the window now running, and the milliseconds left in it. */
export interface RateLimitCount {
  current: number;
  ttl: number;
}

/**
 * The per-address request counts of @fastify/rate-limit (table `rate_limit_counts`), shared by
 * every server on the database: each request is one atomic upsert that starts a new window or
 * adds to the running one, on the database's clock.
 */
export class RateLimitCounts {
  constructor(private readonly db: Kysely<Database>) {}

  async count(key: string, windowMs: number): Promise<RateLimitCount> {
    const { rows } = await sql<{ current: number; ttl: number }>`
      insert into rate_limit_counts as c (key, hits, window_ends_at)
      values (${key}, 1, now() + ${windowMs}::double precision * interval '1 millisecond')
      on conflict (key) do update set
        hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
        window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
      returning hits as current,
        greatest(0, ceil(extract(epoch from window_ends_at - now()) * 1000))::integer as ttl`.execute(
      this.db,
    );
    return rows[0];
  }

  /** The count without adding to it (no running window: nothing counted). */
  async read(key: string): Promise<RateLimitCount> {
    const { rows } = await sql<{ current: number; ttl: number }>`
      select hits as current, ceil(extract(epoch from window_ends_at - now()) * 1000)::integer as ttl
      from rate_limit_counts where key = ${key} and window_ends_at > now()`.execute(this.db);
    return rows[0] ?? { current: 0, ttl: 0 };
  }

  /** Maintenance: the rows of windows that have ended. */
  async deleteEnded(): Promise<number> {
    const result = await sql`delete from rate_limit_counts where window_ends_at <= now()`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}

/** Options of a route's limit as @fastify/rate-limit hands them to `child`. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps its counts in the database (RateLimitCounts), so that
 * a limit holds across every server behind the load balancer. Each route's limit counts apart, as
 * the plugin's own memory store does: the key is the route's method and path, then the address.
 */
export function databaseRateLimitStore(counts: RateLimitCounts): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '*',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: RateLimitCount) => void, timeWindow: number) {
      counts.count(`${this.route} ${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: (error: Error | null, result?: RateLimitCount) => void) {
      counts.read(`${this.route} ${key}`).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(options: unknown): FastifyRateLimitStore {
      const { routeInfo } = options as ChildOptions;
      const method = [routeInfo?.method ?? '*'].flat().join(',');
      return new DatabaseRateLimitStore(undefined, `${method} ${routeInfo?.url ?? '*'}`);
    }
  }
  return DatabaseRateLimitStore;
}
