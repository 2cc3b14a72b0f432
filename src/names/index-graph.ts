import type { AlignablePart, PartComparer } from './alignment.js';
import { exactSoundKeys, lookupKeys } from './index-keys.js';
import type { IndexStore } from './index-store.js';
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
  comparer: PartComparer,
  marks: LookupMarks,
): Int32Array {
  marks.fit(store.vocabularyParts.length);
  const stamp = ++marks.stamp;
  const { seen, sure } = marks;
  marks.compared = 0;
  for (const key of exactSoundKeys(unit.part.features)) {
    const list = store.partsUnderKey(key);
    if (list) for (const id of list) sure[id] = stamp;
  }
  const agreeing: number[] = [];
  for (const key of lookupKeys(unit.part.features, { run: unit.run, arabic: store.hasArabic })) {
    const list = store.partsUnderKey(key);
    if (!list) continue;
    for (const id of list) {
      if (seen[id] === stamp || store.vocabularyKind[id] !== kindCode) continue;
      seen[id] = stamp;
      if (sure[id] !== stamp) {
        marks.compared++;
        if (comparer(unit.part, store.vocabularyParts[id]).similarity < STRONG_SIMILARITY) continue;
      }
      agreeing.push(id);
    }
  }
  return Int32Array.from(agreeing);
}

const directComparer: PartComparer = (a, b) => compareParts(a.features, b.features);

/**
 * The agreeing parts of every part that names in the index are made of, worked out once:
 * most parts of a query are parts some listed name has, and then finding candidates costs
 * no comparison at all. Returns, per vocabulary id, its list (undefined for joined parts).
 */
export function agreementGraph(
  store: IndexStore,
  isNamePart: (id: number) => boolean,
): Array<Int32Array | undefined> {
  const marks = new LookupMarks();
  const graph: Array<Int32Array | undefined> = new Array(store.vocabularyParts.length);
  for (let id = 0; id < store.vocabularyParts.length; id++) {
    const part = store.vocabularyParts[id];
    if (part.initial || !isNamePart(id)) continue;
    graph[id] = agreeingParts(
      store,
      { part, mask: 1, run: false },
      store.vocabularyKind[id],
      directComparer,
      marks,
    );
  }
  return graph;
}
