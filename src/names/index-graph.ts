import type { AlignablePart } from './alignment.js';
import { exactSoundKeys, lookupKeys } from './index-keys.js';
import { keyRow, type IndexStore } from './index-store.js';
import { STRONG_SIMILARITY } from './name-score.js';
import { compareParts } from './part-similarity.js';

/** A query part, or a run of neighbouring parts read as one word, to look up. */
export interface LookupUnit {
  part: AlignablePart;
  /** The strong query parts it stands for, as bits. */
  mask: number;
  run: boolean;
}

/** Per-part stamps for one lookup at a time, instead of allocating sets. */
export class LookupMarks {
  seen = new Int32Array(0);
  sure = new Int32Array(0);
  stamp = 0;
  /** Parts compared by the last lookup. */
  compared = 0;

  fit(parts: number): void {
    if (this.seen.length >= parts) return;
    this.seen = new Int32Array(Math.ceil(parts * 1.25));
    this.sure = new Int32Array(this.seen.length);
  }
}

/**
 * The vocabulary parts (of one kind) that agree with a unit at STRONG_SIMILARITY, found
 * through the blocking keys; those sharing its sound key exactly agree without comparing.
 */
export function agreeingParts(
  store: IndexStore,
  unit: LookupUnit,
  kindCode: number,
  marks: LookupMarks,
): Int32Array {
  marks.fit(store.vocabularyParts.length);
  const stamp = ++marks.stamp;
  const { seen, sure } = marks;
  marks.compared = 0;
  const keys = store.keys();
  for (const key of exactSoundKeys(unit.part.features)) {
    const row = keyRow(keys, key);
    if (row >= 0) for (let at = keys.start[row]; at < keys.start[row + 1]; at++) sure[keys.ids[at]] = stamp;
  }
  const agreeing: number[] = [];
  for (const key of lookupKeys(unit.part.features, { run: unit.run, arabic: store.hasArabic })) {
    const row = keyRow(keys, key);
    if (row < 0) continue;
    for (let at = keys.start[row]; at < keys.start[row + 1]; at++) {
      const id = keys.ids[at];
      if (seen[id] === stamp || store.vocabularyKind[id] !== kindCode) continue;
      seen[id] = stamp;
      if (sure[id] !== stamp) {
        marks.compared++;
        // Only agreement matters here: compared with the floor there, and not memoised for scoring.
        if (agreementOf(unit.part, store.vocabularyParts[id]) < STRONG_SIMILARITY) continue;
      }
      agreeing.push(id);
    }
  }
  return Int32Array.from(agreeing);
}

/** The similarity of two parts where only whether they agree (STRONG_SIMILARITY) matters. */
const agreementOf = (a: AlignablePart, b: AlignablePart) =>
  compareParts(a.features, b.features, STRONG_SIMILARITY).similarity;

/** The agreeing parts of every vocabulary part, as one compressed row per part. */
export interface AgreementGraph {
  start: Int32Array;
  ids: Int32Array;
}

/**
 * The agreeing parts of every part that names in the index are made of, worked out once:
 * most parts of a query are parts some listed name has, and then finding candidates costs
 * no comparison at all. Rows of other parts (joined neighbours, initials) are empty.
 *
 * Two parts of the same script family (both Arabic script or neither) find each other
 * through the same blocking keys and compare alike either way, so each such pair is
 * compared once, from the part listed first, and entered in both rows.
 */
export function agreementGraph(store: IndexStore, isNamePart: (id: number) => boolean): AgreementGraph {
  const marks = new LookupMarks();
  marks.fit(store.vocabularyParts.length);
  const { seen, sure } = marks;
  const count = store.vocabularyParts.length;
  const keys = store.keys();
  const rows: number[][] = new Array(count);
  const listed = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    if (!store.vocabularyParts[id].initial && isNamePart(id)) {
      listed[id] = 1;
      rows[id] = [];
    }
  }
  for (let id = 0; id < count; id++) {
    if (listed[id] === 0) continue;
    const part = store.vocabularyParts[id];
    const arabic = part.features.script === 'arabic';
    const kind = store.vocabularyKind[id];
    const own = rows[id];
    const stamp = ++marks.stamp;
    for (const key of exactSoundKeys(part.features)) {
      const row = keyRow(keys, key);
      if (row >= 0) for (let at = keys.start[row]; at < keys.start[row + 1]; at++) sure[keys.ids[at]] = stamp;
    }
    for (const key of lookupKeys(part.features, { arabic: store.hasArabic })) {
      const row = keyRow(keys, key);
      if (row < 0) continue;
      for (let at = keys.start[row]; at < keys.start[row + 1]; at++) {
        const other = keys.ids[at];
        if (seen[other] === stamp || store.vocabularyKind[other] !== kind) continue;
        seen[other] = stamp;
        const both =
          listed[other] === 1 && (store.vocabularyParts[other].features.script === 'arabic') === arabic;
        // Compared already from the other part's side, and entered in this row then.
        if (both && other < id) continue;
        if (sure[other] !== stamp) {
          if (agreementOf(part, store.vocabularyParts[other]) < STRONG_SIMILARITY) continue;
        }
        own.push(other);
        if (both && other !== id) rows[other].push(id);
      }
    }
  }
  const start = new Int32Array(count + 1);
  for (let id = 0; id < count; id++) start[id + 1] = start[id] + (rows[id]?.length ?? 0);
  const ids = new Int32Array(start[count]);
  for (let id = 0; id < count; id++) if (rows[id]) ids.set(rows[id], start[id]);
  return { start, ids };
}
