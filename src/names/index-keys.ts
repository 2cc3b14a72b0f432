import type { PartFeatures } from './part-similarity.js';
import { frameKey } from './phonetic.js';

/**
 * Blocking keys for the candidate index. Two parts that the scorer finds alike enough to
 * count (similarity ≥ 0.7) almost always share a key: the same sound key or ones one deletion
 * apart, the same vowel frame (vowels changed, Mohammed / Muhammad), or the written part or its
 * transliteration one deletion apart (two for long parts). This is the symmetric-deletion trick:
 * a typo, a dropped or doubled letter, or two swapped letters leave one deletion in common.
 * Keys are hashed to 32 bits; a collision only adds a candidate that the scorer then turns down.
 */

const enum KeyKind {
  Sound = 1,
  Skeleton = 2,
  ArabicSkeleton = 3,
  Text = 4,
  Frame = 5,
  Spelling = 6,
  SpellingTwoDeletions = 7,
  NameGroup = 8,
}

/** Two changed letters reach 0.7 and more from seven letters on (Vukovac and Vrhovac, 0.86). */
const MIN_TWO_DELETIONS_LENGTH = 7;

/**
 * A part of three letters agrees at 0.7 only with a swap of two letters, so deletions start
 * at four; two changed vowels (which need the frame) fit in 0.7 only from six letters on.
 */
const MIN_DELETION_LENGTH = 4;
const MIN_FRAME_LENGTH = 6;
/** Parts of three letters agree at the floor with one letter changed (Tim, Tom): their frame too. */
const SHORT_FRAME_LENGTH = 3;
/** Arabic against Latin reaches 0.7 with a consonant wrong only from five consonants on. */
const MIN_SKELETON_DELETION_LENGTH = 5;

/** FNV-1a over the key kind and the string. */
function hash(kind: KeyKind, text: string): number {
  let value = (0x811c9dc5 ^ kind) >>> 0;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value | 0;
}

/**
 * The written part and its first transliteration, with one deletion each: a typo that changes
 * the sound key itself (a swap across a digraph, French written Frecnh; a doubled letter that
 * the sound key folds, Iibe for Iribe) still leaves one deletion in common there. Long parts
 * also with two deletions of the transliteration, for two changed letters.
 */
function addSpellingKeys(keys: Set<number>, features: PartFeatures): void {
  addWithDeletions(keys, KeyKind.Spelling, features.text, MIN_DELETION_LENGTH);
  const ascii = features.spellings[0]?.ascii;
  if (ascii && ascii !== features.text) addWithDeletions(keys, KeyKind.Spelling, ascii, MIN_DELETION_LENGTH);
  if (ascii && ascii.length >= MIN_TWO_DELETIONS_LENGTH) {
    // Deleting positions i then j gives what j then i gives: the second deletion starts at the first.
    for (const [once, first] of oneDeletions(ascii))
      for (const [twice] of oneDeletions(once, first)) keys.add(hash(KeyKind.SpellingTwoDeletions, twice));
  }
}

/** The text with one letter left out, from position `from` on; a letter repeated is left out once. */
function* oneDeletions(text: string, from = 0): Generator<[string, number]> {
  for (let index = from; index < text.length; index++) {
    if (index > from && text[index] === text[index - 1]) continue;
    yield [text.slice(0, index) + text.slice(index + 1), index];
  }
}

function addWithDeletions(keys: Set<number>, kind: KeyKind, text: string, minimumForDeletions: number): void {
  keys.add(hash(kind, text));
  if (text.length < minimumForDeletions) return;
  for (const [deleted] of oneDeletions(text)) keys.add(hash(kind, deleted));
}

/**
 * Keys under which a part is stored, and the same keys under which it is looked up: the
 * lookup side and the stored side are symmetric. Arabic-script skeletons go under their own
 * kind, looked up from Latin skeletons and the other way round, so that Latin parts do not
 * collide through their (looser) skeletons with each other.
 */
export function storedKeys(features: PartFeatures): number[] {
  const keys = new Set<number>();
  if (features.script === 'arabic') {
    for (const skeleton of features.skeletons)
      addWithDeletions(keys, KeyKind.ArabicSkeleton, skeleton, MIN_SKELETON_DELETION_LENGTH);
    addWithDeletions(keys, KeyKind.Text, features.text, 99);
    return [...keys];
  }
  if (features.spellings.length === 0) {
    keys.add(hash(KeyKind.Text, features.text));
    return [...keys];
  }
  for (const sound of features.sounds) {
    addWithDeletions(keys, KeyKind.Sound, sound, MIN_DELETION_LENGTH);
    if (sound.length >= MIN_FRAME_LENGTH || sound.length <= SHORT_FRAME_LENGTH)
      keys.add(hash(KeyKind.Frame, frameKey(sound)));
  }
  addSpellingKeys(keys, features);
  for (const group of features.nameGroups) keys.add(hash(KeyKind.NameGroup, String(group)));
  // Stored for queries in Arabic script only, which have nothing but a skeleton to offer.
  for (const skeleton of features.skeletons) keys.add(hash(KeyKind.Skeleton, skeleton));
  return [...keys];
}

/**
 * Keys to look a query part up under (see `storedKeys`). A run of query parts read as one
 * word only needs to find near-identical parts, so it skips the looser vowel frames; Arabic
 * skeletons are looked up only when the index holds parts in Arabic script.
 */
export function lookupKeys(
  features: PartFeatures,
  options: { run?: boolean; arabic?: boolean } = {},
): number[] {
  const keys = new Set<number>();
  if (features.script === 'arabic') {
    for (const skeleton of features.skeletons) {
      addWithDeletions(keys, KeyKind.ArabicSkeleton, skeleton, MIN_SKELETON_DELETION_LENGTH);
      addWithDeletions(keys, KeyKind.Skeleton, skeleton, MIN_SKELETON_DELETION_LENGTH);
    }
    return [...keys];
  }
  if (features.spellings.length === 0) {
    keys.add(hash(KeyKind.Text, features.text));
    return [...keys];
  }
  for (const sound of features.sounds) {
    addWithDeletions(keys, KeyKind.Sound, sound, MIN_DELETION_LENGTH);
    if (!options.run && (sound.length >= MIN_FRAME_LENGTH || sound.length <= SHORT_FRAME_LENGTH))
      keys.add(hash(KeyKind.Frame, frameKey(sound)));
  }
  addSpellingKeys(keys, features);
  for (const group of features.nameGroups) keys.add(hash(KeyKind.NameGroup, String(group)));
  if (options.arabic)
    for (const skeleton of features.skeletons)
      addWithDeletions(keys, KeyKind.ArabicSkeleton, skeleton, MIN_SKELETON_DELETION_LENGTH);
  return [...keys];
}

/**
 * The keys under which a part shares its sound key exactly: parts found under them agree at
 * SIMILARITY.sound at least, so the index need not compare them to know they count.
 */
export function exactSoundKeys(features: PartFeatures): number[] {
  return features.sounds.map((sound) => hash(KeyKind.Sound, sound));
}
