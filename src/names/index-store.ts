import type { AlignablePart } from './alignment.js';
import { agreementGraph, type AgreementGraph } from './index-graph.js';
import { storedKeys } from './index-keys.js';
import { normaliseName, type NameKind, type NamePart } from './normalise.js';
import { partFeatures } from './part-similarity.js';

/** An Int32Array that grows, for the columns filled while entries are added. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** The backing array; valid until the next push. */
  get values(): Int32Array {
    return this.data;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Occurrences a name may have and still be copied into its posting entries in full. */
export const ROW_OCCURRENCES = 12;

/**
 * Per vocabulary part, the names it occurs in, each entry carrying the whole name: candidate
 * search reads a part's entries one after another and needs no other lookup per name, where
 * reaching each name's own row would cost a cache miss per name. An entry is
 * `[name, k | position << 12, part counts, k occurrences]`: k the name's occurrences (0 when
 * there are more than ROW_OCCURRENCES, read from `occurrences` instead), position which of
 * them this entry is, the name's strong, weak and initial parts (8 bits each), each occurrence
 * as `part << 2 | span`.
 */
export interface PostingRows {
  /** A part's entries are rows[start[part] .. start[part + 1]). */
  start: Int32Array;
  rows: Int32Array;
}

/** Vocabulary ids by blocking key: ids[start[row] .. start[row + 1]) for the row of a hash. */
export interface KeyTable {
  hashes: Uint32Array;
  start: Int32Array;
  ids: Int32Array;
}

/** The row of a hash in the table, or -1. */
export function keyRow(table: KeyTable, hash: number): number {
  const wanted = hash >>> 0;
  const { hashes } = table;
  let low = 0;
  let high = hashes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = hashes[middle];
    if (value < wanted) low = middle + 1;
    else if (value > wanted) high = middle - 1;
    else return middle;
  }
  return -1;
}

/** Sorts (hash, id) pairs by hash (two radix passes of 16 bits) and groups them. */
function buildKeyTable(hashColumn: Int32Array, owners: Int32Array): KeyTable {
  const count = hashColumn.length;
  let hashes = Uint32Array.from(hashColumn);
  let ids = Int32Array.from(owners);
  let spareHashes = new Uint32Array(count);
  let spareIds = new Int32Array(count);
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let index = 0; index < count; index++) counts[((hashes[index] >>> shift) & 0xffff) + 1]++;
    for (let digit = 0; digit < 65536; digit++) counts[digit + 1] += counts[digit];
    for (let index = 0; index < count; index++) {
      const at = counts[(hashes[index] >>> shift) & 0xffff]++;
      spareHashes[at] = hashes[index];
      spareIds[at] = ids[index];
    }
    [hashes, spareHashes] = [spareHashes, hashes];
    [ids, spareIds] = [spareIds, ids];
  }
  let rows = 0;
  for (let index = 0; index < count; index++) if (index === 0 || hashes[index] !== hashes[index - 1]) rows++;
  const distinct = new Uint32Array(rows);
  const start = new Int32Array(rows + 1);
  let row = -1;
  for (let index = 0; index < count; index++) {
    if (index === 0 || hashes[index] !== hashes[index - 1]) {
      row++;
      distinct[row] = hashes[index];
      start[row] = index;
    }
  }
  start[rows] = count;
  return { hashes: distinct, start, ids };
}

/** A part this short is joined to its neighbours for lookup (Abu Bakr, Yu Ro, Al Amin). */
const SHORT_PART = 3;

/**
 * Neighbours that are also written as one word: a particle, a short part, a hyphen, Abd- and
 * Abu- names. Only these are joined for lookup, on both sides, as joining every pair would
 * double the vocabulary.
 */
export function joinsAsOneWord(left: NamePart, right: NamePart): boolean {
  return (
    !left.initial &&
    !right.initial &&
    (left.weak ||
      right.weak ||
      left.text.length <= SHORT_PART ||
      right.text.length <= SHORT_PART ||
      left.hyphenGroup === right.hyphenGroup ||
      /^ab[duo]/.test(left.text))
  );
}

/**
 * The columns of the index: a vocabulary of distinct parts (features computed once each),
 * names as runs of vocabulary ids, postings from parts to names, and blocking keys from
 * hashed sound keys and skeletons to parts.
 */
export class IndexStore {
  private readonly vocabularies: Array<Map<string, number>> = [];
  readonly vocabularyParts: AlignablePart[] = [];
  /** Whether any part is in Arabic script (whose skeleton keys Latin queries then look up). */
  hasArabic = false;
  /** 0 for parts of persons' names, 1 for organisations'. */
  readonly vocabularyKind: number[] = [];
  /** Blocking keys as added: (hash, part) pairs, made into `keyTable` when needed. */
  private readonly keyHashes = new IntColumn();
  private readonly keyOwners = new IntColumn();
  private keyTable: KeyTable | undefined;
  /** Per name: its entry, where its parts start, whether it has an initial. */
  readonly nameEntry = new IntColumn();
  readonly nameStart = new IntColumn();
  readonly nameInitialCount = new IntColumn();
  /** Index into `legalForms` + 1, 0 for none (organisations only). */
  readonly nameLegalForm = new IntColumn();
  readonly legalForms: string[] = [];
  readonly nameParts = new IntColumn();
  /** Which of the entry's names (position in WatchlistName.names) a name is. */
  readonly namePosition = new IntColumn();
  /** Per name: strong parts (not particles, honorifics or initials) and weak parts. */
  readonly nameStrongCount = new IntColumn();
  readonly nameWeakCount = new IntColumn();
  /**
   * A name's occurrences in posting order: its parts (initials left out), then its joined
   * neighbours; those of name n are occurrences[nameOccurrenceStart(n) .. (n + 1)), each as
   * `part << 2 | span`, span being how many of its parts the occurrence stands for (1, or 2
   * and 3 for joined neighbours).
   */
  readonly occurrences = new IntColumn();
  private readonly occurrenceStart = new IntColumn();
  private postingsOfAll: PostingRows | undefined;
  private postingsOfInitials: PostingRows | undefined;
  /** 1 for vocabulary parts that are some name's joined neighbours. */
  isJoined = new Uint8Array(0);

  get nameCount(): number {
    return this.nameEntry.length;
  }

  /** A name's parts are nameParts.values[partStart(name) .. partEnd(name)). */
  partStart(name: number): number {
    return this.nameStart.get(name);
  }

  partEnd(name: number): number {
    return name + 1 < this.nameStart.length ? this.nameStart.get(name + 1) : this.nameParts.length;
  }

  private intern(part: NamePart, kind: NameKind): number {
    // One map per kind and flags, keyed by the text alone: no key string to build per part.
    const flavour = (kind === 'person' ? 0 : 4) + (part.weak ? 2 : 0) + (part.initial ? 1 : 0);
    const vocabulary = (this.vocabularies[flavour] ??= new Map());
    let id = vocabulary.get(part.text);
    if (id !== undefined) return id;
    id = this.vocabularyParts.length;
    vocabulary.set(part.text, id);
    const features = partFeatures(part.text);
    if (features.script === 'arabic') this.hasArabic = true;
    this.vocabularyKind.push(kind === 'person' ? 0 : 1);
    this.vocabularyParts.push({
      written: part.text,
      text: part.text,
      hyphenGroup: 0,
      weak: part.weak,
      initial: part.initial,
      features,
      slot: id,
    });
    if (!part.initial) {
      for (const hash of storedKeys(features)) {
        this.keyHashes.push(hash);
        this.keyOwners.push(id);
      }
      this.keyTable = undefined;
    }
    return id;
  }

  private post(part: number, span = 1): void {
    this.occurrences.push((part << 2) | span);
    this.postingsOfAll = undefined;
    this.postingsOfInitials = undefined;
  }

  /** Where the occurrences of a name start; they end where the next name's start. */
  nameOccurrenceStart(name: number): number {
    return name < this.occurrenceStart.length ? this.occurrenceStart.get(name) : this.occurrences.length;
  }

  /** Stores one name of an entry; returns false when nothing of it is left to match. */
  addName(raw: string, kind: NameKind, entry: number, position: number): boolean {
    const normalised = normaliseName(raw, kind);
    const parts = normalised.parts;
    if (parts.length === 0) return false;
    this.nameEntry.push(entry);
    this.namePosition.push(position);
    this.nameStart.push(this.nameParts.length);
    this.occurrenceStart.push(this.occurrences.length);
    this.nameInitialCount.push(parts.filter((part) => part.initial).length);
    this.nameStrongCount.push(parts.filter((part) => !part.weak && !part.initial).length);
    this.nameWeakCount.push(parts.filter((part) => part.weak).length);
    if (normalised.legalForm && !this.legalForms.includes(normalised.legalForm))
      this.legalForms.push(normalised.legalForm);
    this.nameLegalForm.push(normalised.legalForm ? this.legalForms.indexOf(normalised.legalForm) + 1 : 0);
    for (const part of parts) {
      const id = this.intern(part, kind);
      this.nameParts.push(id);
      if (!part.initial) this.post(id);
    }
    // Joined neighbours, so that a query writing them as one part finds this name.
    const joins = joinsAsOneWord;
    for (let index = 0; index + 1 < parts.length; index++) {
      if (!joins(parts[index], parts[index + 1])) continue;
      const pair = parts[index].text + parts[index + 1].text;
      this.post(this.intern({ ...parts[index], text: pair, weak: false }, kind), 2);
      if (index + 2 < parts.length && joins(parts[index + 1], parts[index + 2]))
        this.post(this.intern({ ...parts[index], text: pair + parts[index + 2].text, weak: false }, kind), 3);
    }
    return true;
  }

  private graph: AgreementGraph = { start: new Int32Array(1), ids: new Int32Array(0) };
  private graphVocabulary = 0;

  /**
   * Works out which parts agree with each part of the listed names (index-graph.ts). Done at
   * build, and again at a search once the vocabulary has grown by a tenth since.
   */
  buildAgreement(): void {
    this.postings();
    this.graph = agreementGraph(this, (id) => this.isNamePart[id] === 1);
    this.graphVocabulary = this.vocabularyParts.length;
  }

  refreshAgreement(): void {
    if (this.graphVocabulary === this.vocabularyParts.length) return;
    if (this.graphVocabulary === 0 || this.vocabularyParts.length > this.graphVocabulary * 1.1)
      this.buildAgreement();
  }

  /** The parts agreeing with a strong part of this text, when worked out and still current. */
  agreementOf(kind: NameKind, text: string): Int32Array | undefined {
    if (this.graphVocabulary !== this.vocabularyParts.length) return undefined;
    const id = this.vocabularies[kind === 'person' ? 0 : 4]?.get(text);
    if (id === undefined || this.isNamePart[id] !== 1) return undefined;
    return this.graph.ids.subarray(this.graph.start[id], this.graph.start[id + 1]);
  }

  /**
   * The blocking keys as a table: the distinct hashes sorted, and for each the vocabulary ids
   * stored under it. One typed-array table instead of a map of millions of small arrays keeps
   * the garbage collector's work (and its pauses during screening) small.
   */
  keys(): KeyTable {
    this.keyTable ??= buildKeyTable(this.keyHashes.view(), this.keyOwners.view());
    return this.keyTable;
  }

  /** Part -> names postings as compressed rows, rebuilt after additions. */
  postings(): PostingRows {
    if (!this.postingsOfAll) {
      this.postingsOfAll = this.buildPostings(() => true);
      this.markParts();
    }
    return this.postingsOfAll;
  }

  /** 1 for vocabulary parts that some name is made of, 0 for joined neighbours only. */
  isNamePart = new Uint8Array(0);

  private markParts(): void {
    this.isNamePart = new Uint8Array(this.vocabularyParts.length);
    for (let position = 0; position < this.nameParts.length; position++)
      this.isNamePart[this.nameParts.values[position]] = 1;
    this.isJoined = new Uint8Array(this.vocabularyParts.length);
    const occurrences = this.occurrences.values;
    for (let position = 0; position < this.occurrences.length; position++)
      if ((occurrences[position] & 3) > 1) this.isJoined[occurrences[position] >>> 2] = 1;
  }

  /** The same, only for names with initials (which may agree through an initial, unseen by keys). */
  postingsWithInitials(): PostingRows {
    this.postingsOfInitials ??= this.buildPostings((name) => this.nameInitialCount.get(name) > 0);
    return this.postingsOfInitials;
  }

  private buildPostings(keep: (name: number) => boolean): PostingRows {
    const occurrences = this.occurrences.values;
    const parts = this.vocabularyParts.length;
    const start = new Int32Array(parts + 1);
    const width = (count: number) => 3 + (count <= ROW_OCCURRENCES ? count : 0);
    for (let name = 0; name < this.nameCount; name++) {
      if (!keep(name)) continue;
      const from = this.nameOccurrenceStart(name);
      const to = this.nameOccurrenceStart(name + 1);
      for (let position = from; position < to; position++)
        start[(occurrences[position] >>> 2) + 1] += width(to - from);
    }
    for (let part = 0; part < parts; part++) start[part + 1] += start[part];
    const fill = start.slice(0, parts);
    const rows = new Int32Array(start[parts]);
    for (let name = 0; name < this.nameCount; name++) {
      if (!keep(name)) continue;
      const from = this.nameOccurrenceStart(name);
      const to = this.nameOccurrenceStart(name + 1);
      const count = to - from;
      const inline = count <= ROW_OCCURRENCES ? count : 0;
      const counts =
        this.nameStrongCount.get(name) |
        (this.nameWeakCount.get(name) << 8) |
        (this.nameInitialCount.get(name) << 16);
      for (let position = from; position < to; position++) {
        const part = occurrences[position] >>> 2;
        let at = fill[part];
        fill[part] += width(count);
        rows[at++] = name;
        rows[at++] = inline | ((position - from) << 12);
        rows[at++] = counts;
        for (let other = 0; other < inline; other++) rows[at++] = occurrences[from + other];
      }
    }
    return { start, rows };
  }
}
