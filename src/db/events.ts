import { EventEmitter } from 'node:events';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

/**
 * A named stream of small events of one shape. An event says what changed (ids, a jurisdiction),
 * not what it is now: each listener reads again what its reader may see.
 */
export interface EventChannel<Payload> {
  readonly name: string;
  /** Never set: carries the payload's type. */
  readonly payload?: Payload;
}

export function eventChannel<Payload>(name: string): EventChannel<Payload> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a channel name: ${name}`);
  return { name };
}

/** PostgreSQL refuses a notification payload of 8000 bytes or more. */
export const MAX_EVENT_BYTES = 7_900;

/**
 * Publishes an event to every process on this database, this one included. In a transaction it
 * is sent at commit and not at all on rollback; on its own it is sent at once.
 */
export async function publishEvent<Payload>(
  db: Kysely<Database> | Transaction<Database>,
  channel: EventChannel<Payload>,
  payload: Payload,
): Promise<void> {
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text) > MAX_EVENT_BYTES)
    throw new Error(
      `an event on ${channel.name} has ${Buffer.byteLength(text)} bytes (at most ${MAX_EVENT_BYTES})`,
    );
  await sql`select pg_notify(${channel.name}, ${text})`.execute(db);
}

/**
 * Called with each event's payload; with `undefined` when events may have been missed (the
 * process's listening connection was lost and opened again): the listener then reads afresh.
 */
export type EventListener<Payload> = (payload: Payload | undefined) => void;

/**
 * Live events across every server and worker process on one database, through PostgreSQL's
 * LISTEN/NOTIFY (embedded PGlite: the one process). Events are published by `publishEvent` in
 * the transaction that made the change; each process listens on one connection of its own, and
 * hands every event to the listeners subscribed here (server-sent event streams and the like).
 */
export class EventBus {
  private readonly listeners = new EventEmitter();
  /** The channels this process listens to, each once. */
  private readonly listening = new Map<string, Promise<void>>();

  constructor(private readonly database: Pick<DatabaseHandle, 'notifications'>) {
    this.listeners.setMaxListeners(0);
  }

  publish<Payload>(
    db: Kysely<Database> | Transaction<Database>,
    channel: EventChannel<Payload>,
    payload: Payload,
  ): Promise<void> {
    return publishEvent(db, channel, payload);
  }

  /**
   * Calls `listener` for every event of the channel until the returned function is called;
   * resolves once this process listens, so that an event published after it arrives.
   */
  async subscribe<Payload>(
    channel: EventChannel<Payload>,
    listener: EventListener<Payload>,
  ): Promise<() => void> {
    this.listeners.on(channel.name, listener);
    const stop = () => {
      this.listeners.off(channel.name, listener);
    };
    let listening = this.listening.get(channel.name);
    if (!listening) {
      listening = this.database.notifications(channel.name, (text) => this.deliver(channel.name, text));
      this.listening.set(channel.name, listening);
    }
    await listening.catch((error: unknown) => {
      stop();
      this.listening.delete(channel.name);
      throw error;
    });
    return stop;
  }

  private deliver(name: string, text: string | undefined): void {
    let payload: unknown;
    if (text !== undefined)
      try {
        payload = JSON.parse(text);
      } catch {
        return; // not an event of ours: someone else notified the channel
      }
    for (const listener of this.listeners.listeners(name) as EventListener<unknown>[])
      try {
        listener(payload);
      } catch {
        // One listener's failure (a stream closed meanwhile) is not the others'.
      }
  }
}
