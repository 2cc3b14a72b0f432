import { visibleJurisdictions, type Actor } from '../access/model.js';
import { eventChannel, publishEvent, type EventBus } from '../db/events.js';
import type { Database } from '../db/schema.js';
import type { Kysely, Transaction } from 'kysely';
import type { ReferralEvent } from './hit-referral.js';
import type { HitsEvent } from './screening-service.js';

/** Hits created or no longer matching, in whichever process screened them. */
export const HITS_CHANNEL = eventChannel<HitsEvent>('hits_changed');
/** A hit referred to a unit or a user, in whichever server the referral was made. */
export const REFERRALS_CHANNEL = eventChannel<ReferralEvent>('hit_referrals');

/** Hit ids per event: 150 ids and the jurisdictions stay well inside a notification's 8000 bytes. */
const IDS_PER_EVENT = 150;

/** How long a reader's stream gathers hit events before it counts what its reader sees. */
const GATHER_MS = 100;
/** Hit ids counted in one gathering; past this the stream says only that hits changed. */
const MOST_IDS_COUNTED = 10_000;

type Db = Kysely<Database> | Transaction<Database>;

/** Announces the outcome of a screening to every server's live streams, in as many events as its ids need. */
export async function publishHits(db: Db, event: HitsEvent): Promise<void> {
  const ids = [
    ...event.created.map((id) => ['created', id] as const),
    ...event.noLongerMatching.map((id) => ['noLongerMatching', id] as const),
  ];
  for (let start = 0; start < ids.length; start += IDS_PER_EVENT) {
    const part: HitsEvent = { created: [], noLongerMatching: [], jurisdictions: event.jurisdictions };
    for (const [kind, id] of ids.slice(start, start + IDS_PER_EVENT)) part[kind].push(id);
    await publishEvent(db, HITS_CHANNEL, part);
  }
}

export function publishReferral(db: Db, event: ReferralEvent): Promise<void> {
  return publishEvent(db, REFERRALS_CHANNEL, event);
}

/** What a reader's stream asks of the hit review, so that it tells only of hits the reader sees. */
export interface HitReads {
  countShown(actor: Actor, ids: readonly string[]): Promise<number>;
  latestChange(actor: Actor): Promise<string | null>;
}

export type SendEvent = (event: string, data: unknown) => void;

/**
 * Follows hits for one reader (`GET /hits/stream`), whichever server or worker screened or
 * referred them: `hits` with the counts of new hits and of hits no longer matching that the
 * reader sees (a unit-only list's hit is not announced elsewhere); `referral` and `hits` when a hit
 * the reader sees is referred to them or to their unit; `hits` `{ changed: true }` when events
 * may have been missed (the database connection was lost) and the newest visible change moved.
 * Resolves once following, with the function that stops it.
 */
export async function followHits(bus: EventBus, hits: HitReads, actor: Actor, send: SendEvent) {
  const jurisdictions = visibleJurisdictions(actor);
  let latest = await hits.latestChange(actor);
  const readAfresh = () =>
    hits
      .latestChange(actor)
      .then((seen) => {
        if (seen && seen !== latest) {
          latest = seen;
          send('hits', { changed: true });
        }
      })
      .catch(() => undefined);
  // Events arriving together (a screening of many records, several workers at once) are counted
  // together: one pair of reads per reader per gathering, however many events.
  let gathered: { created: string[]; noLongerMatching: string[] } | undefined;
  let gathering: NodeJS.Timeout | undefined;
  const countGathered = () => {
    const { created, noLongerMatching } = gathered!;
    gathered = undefined;
    // Too many to name in one query (a rescreen of everything): whether the newest change moved.
    if (created.length + noLongerMatching.length > MOST_IDS_COUNTED) return void readAfresh();
    Promise.all([hits.countShown(actor, created), hits.countShown(actor, noLongerMatching)])
      .then(([createdShown, noLongerMatchingShown]) => {
        if (createdShown > 0 || noLongerMatchingShown > 0)
          send('hits', { created: createdShown, noLongerMatching: noLongerMatchingShown });
      })
      .catch(() => undefined);
  };
  const onHits = (event: HitsEvent | undefined) => {
    if (!event) return void readAfresh();
    if (jurisdictions && !event.jurisdictions.some((j) => jurisdictions.includes(j))) return;
    if (!gathered) {
      gathered = { created: [], noLongerMatching: [] };
      gathering = setTimeout(countGathered, GATHER_MS);
    }
    gathered.created.push(...event.created);
    gathered.noLongerMatching.push(...event.noLongerMatching);
  };
  const onReferred = (event: ReferralEvent | undefined) => {
    // A gap is read afresh once, by onHits: both channels are told of it.
    if (!event) return;
    if (event.toUserId ? event.toUserId !== actor.id : event.toUnitId !== actor.unitId) return;
    hits
      .countShown(actor, [event.hitId])
      .then((shown) => {
        if (shown === 0) return;
        send('referral', { hitId: event.hitId });
        send('hits', { referred: 1 });
      })
      .catch(() => undefined);
  };
  const stopHits = await bus.subscribe(HITS_CHANNEL, onHits);
  try {
    const stopReferrals = await bus.subscribe(REFERRALS_CHANNEL, onReferred);
    return () => {
      clearTimeout(gathering);
      stopHits();
      stopReferrals();
    };
  } catch (error) {
    stopHits();
    throw error;
  }
}
