/**
 * The fields of the record being evaluated, each normalised on first use and kept for the rest
 * of that record: one read and one normalisation per field per record, however many conditions
 * and rules ask for it. Evaluation is synchronous, so one table serves every call in turn.
 */
import { fieldNormaliser } from './normalise.js';
import type { FieldDefinition, SubjectRecord } from './types.js';

export class FieldSlots {
  private readonly keys: string[] = [];
  private readonly normalisers: ((value: unknown) => unknown)[] = [];
  private readonly values: unknown[] = [];
  private readonly stamps: number[] = [];
  private readonly slots = new Map<string, number>();
  /** Changes with every record: what was computed under another generation is stale. */
  generation = 0;
  record: SubjectRecord = {};

  /** The slot of a field (one per field key, however many conditions read it). */
  slotOf(definition: FieldDefinition): number {
    let slot = this.slots.get(definition.key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.slots.set(definition.key, slot);
      this.keys.push(definition.key);
      this.normalisers.push(fieldNormaliser(definition));
      this.values.push(null);
      this.stamps.push(-1);
    }
    return slot;
  }

  /** Starts a new record: every slot becomes stale. */
  begin(record: SubjectRecord): void {
    this.record = record;
    this.generation++;
  }

  /** The normal form of a field of the current record: a scalar, an array (multiple), or null. */
  get(slot: number): unknown {
    if (this.stamps[slot] !== this.generation) {
      this.values[slot] = this.normalisers[slot](this.record[this.keys[slot]]);
      this.stamps[slot] = this.generation;
    }
    return this.values[slot];
  }
}
