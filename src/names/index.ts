import type { AlignablePart, PartComparer } from './alignment.js';
import { icaoCheckDigit, normaliseDocumentNumber } from './documents.js';
import { CandidateScratch, findCandidateNames } from './index-candidates.js';
import type { LookupUnit } from './index-graph.js';
import { IndexStore, IntColumn, joinsAsOneWord } from './index-store.js';
import { SCORE_ROUNDING, scoreCandidateNames, type PreparedQuery } from './index-scoring.js';
import { normaliseName } from './normalise.js';
import { acronymKeys, organisationParts } from './organisation-score.js';
import { partFeatures, compareParts, type PartComparison } from './part-similarity.js';
import { OPERATING_THRESHOLD } from './person-score.js';
import { evidenceDelta } from './evidence.js';
import type { PersonQuery, ScreeningHit, SearchOptions, WatchlistName } from './types.js';

/** Query parts beyond this many are scored but not used to find candidates. */
const MAX_LOOKUP_PARTS = 24;
const VOCABULARY_SLOTS = 2 ** 26;

/** Document numbers under their confusable-free form, with and without a trailing check digit. */
function documentKeys(number: string): string[] {
  const normalised = normaliseDocumentNumber(number).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normalised.length < 4) return [];
  return [normalised, normalised + icaoCheckDigit(normalised)];
}

/**
 * In-memory candidate index over watchlist names. Parts are kept once each (a vocabulary)
 * with blocking keys (sound keys with one deletion, vowel frames, consonant skeletons; see
 * index-keys.ts) and, worked out at build, the parts each agrees with (index-graph.ts); names
 * are rows of part ids with postings back from parts. A search costs the postings of the
 * query's parts, not the size of the list. Every candidate is scored by the same scorer
 * `fullScan` runs over every name, and a name is left out only when an upper bound of that
 * scorer (name-score.ts `scoreUpperBound`, plus the entry's date of birth and other evidence)
 * stays below the threshold.
 */
export class NameIndex {
  private readonly store = new IndexStore();
  private readonly entries: WatchlistName[] = [];
  private readonly entryKind = new IntColumn();
  /** Names of entry e are ids entryFirstName[e] .. entryFirstName[e + 1] - 1. */
  private readonly entryFirstName = new IntColumn();
  private readonly documents = new Map<string, number[]>();
  /** Organisation names by the acronyms they offer, and by the acronyms that stand for them. */
  private readonly acronymsOffered = new Map<string, number[]>();
  private readonly acronymsStandingFor = new Map<string, number[]>();
  private readonly scratch = new CandidateScratch();

  get size(): number {
    return this.entries.length;
  }

  /** Sizes, and the parts compared and names reached by the last search (for benchmarks). */
  stats(): { entries: number; names: number; vocabulary: number; lastLookups: number; lastTouched: number } {
    return {
      entries: this.entries.length,
      names: this.store.nameCount,
      vocabulary: this.store.vocabularyParts.length,
      lastLookups: this.scratch.lookups,
      lastTouched: this.scratch.touched,
    };
  }

  add(entry: WatchlistName): void {
    const index = this.entries.length;
    this.entries.push(entry);
    this.entryKind.push(entry.kind === 'person' ? 0 : 1);
    this.entryFirstName.push(this.store.nameCount);
    entry.names.forEach((name, position) => {
      const id = this.store.nameCount;
      if (this.store.addName(name, entry.kind, index, position) && entry.kind === 'organisation')
        this.addAcronyms(name, id);
    });
    for (const document of entry.documents ?? []) {
      for (const key of documentKeys(document.number)) {
        const list = this.documents.get(key);
        if (list) list.push(index);
        else this.documents.set(key, [index]);
      }
    }
  }

  private addAcronyms(name: string, id: number): void {
    const { offered, standsFor } = acronymKeys(organisationParts(name));
    const file = (map: Map<string, number[]>, key: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    for (const key of offered) file(this.acronymsOffered, key);
    for (const key of standsFor) file(this.acronymsStandingFor, key);
  }

  /** Organisation names that one of the query's acronyms stands for, or whose acronym stands for the query. */
  private acronymCandidates(prepared: PreparedQuery): number[] {
    if (prepared.kind !== 'organisation') return [];
    const { offered, standsFor } = acronymKeys(prepared);
    const names = new Set<number>();
    for (const key of offered) for (const name of this.acronymsStandingFor.get(key) ?? []) names.add(name);
    for (const key of standsFor) for (const name of this.acronymsOffered.get(key) ?? []) names.add(name);
    return [...names];
  }

  addAll(entries: Iterable<WatchlistName>): void {
    for (const entry of entries) this.add(entry);
  }

  /** Builds the postings and the agreement of parts now rather than at the first search. */
  build(): void {
    this.store.postings();
    this.store.buildAgreement();
  }

  private prepare(query: PersonQuery | string, kind: WatchlistName['kind'], dense = false): PreparedQuery {
    const asked: PersonQuery = typeof query === 'string' ? { name: query } : query;
    const normalised = normaliseName(asked.name, kind);
    const parts: AlignablePart[] = normalised.parts.map((part, index) => ({
      ...part,
      features: partFeatures(part.text),
      slot: index,
    }));
    let strongMask = 0;
    parts.forEach((part, index) => {
      if (!part.weak && !part.initial && index < MAX_LOOKUP_PARTS) strongMask |= 1 << index;
    });
    const memo = new Map<number, PartComparison>();
    // A full scan compares each query part with most of the vocabulary: rows per query part
    // rather than a map of a million entries.
    const rows: Array<Array<PartComparison | undefined>> = [];
    const comparer: PartComparer = dense
      ? (a, b) => {
          if (a.slot === undefined || b.slot === undefined || a.slot >= MAX_LOOKUP_PARTS)
            return compareParts(a.features, b.features);
          const row = (rows[a.slot] ??= new Array<PartComparison | undefined>(
            this.store.vocabularyParts.length,
          ));
          let found = row[b.slot];
          if (!found) {
            found = compareParts(a.features, b.features);
            row[b.slot] = found;
          }
          return found;
        }
      : (a, b) => {
          if (a.slot === undefined || b.slot === undefined) return compareParts(a.features, b.features);
          const key = a.slot * VOCABULARY_SLOTS + b.slot;
          let found = memo.get(key);
          if (!found) {
            found = compareParts(a.features, b.features);
            memo.set(key, found);
          }
          return found;
        };
    const delta = evidenceDelta(asked);
    const entryEvidence = kind === 'person' ? (entry: number) => delta(this.entries[entry]) : undefined;
    return {
      query: asked,
      kind,
      entryEvidence,
      parts,
      legalForm: normalised.legalForm,
      legalFormWritten: normalised.legalFormWritten,
      numbers: normalised.numbers,
      places: normalised.places,
      placeWords: normalised.placeWords,
      acronyms: normalised.acronyms,
      strongMask,
      comparer,
    };
  }

  /** Lookup units: each strong part, and runs of two or three parts read as one word. */
  private units(prepared: PreparedQuery): LookupUnit[] {
    const { parts, strongMask } = prepared;
    const units: LookupUnit[] = [];
    const limit = Math.min(parts.length, MAX_LOOKUP_PARTS);
    for (let index = 0; index < limit; index++) {
      if (strongMask & (1 << index)) units.push({ part: parts[index], mask: 1 << index, run: false });
      for (let length = 2; length <= 3 && index + length <= limit; length++) {
        const run = parts.slice(index, index + length);
        if (!joinsAsOneWord(run[length - 2], run[length - 1])) break;
        if (run.some((part) => part.features.script !== run[0].features.script)) break;
        let mask = 0;
        for (let offset = 0; offset < length; offset++) mask |= strongMask & (1 << (index + offset));
        if (mask === 0) continue;
        const text = run.map((part) => part.text).join('');
        const slot = parts.length + units.length;
        units.push({
          part: { ...run[0], text, written: text, weak: false, features: partFeatures(text), slot },
          mask,
          run: true,
        });
      }
    }
    return units;
  }

  /** Names that may score at the threshold: found through the blocking keys and counted. */
  /** Names that may score at the threshold (see index-candidates.ts). */
  candidateNames(prepared: PreparedQuery, threshold: number): number[] {
    return findCandidateNames(this.store, prepared, this.units(prepared), threshold, this.scratch);
  }

  private documentCandidates(prepared: PreparedQuery): number[] {
    const entries = new Set<number>();
    for (const document of prepared.query.documents ?? []) {
      for (const key of documentKeys(document.number))
        for (const entry of this.documents.get(key) ?? []) entries.add(entry);
    }
    const names: number[] = [];
    for (const entry of entries) {
      const end = entry + 1 < this.entries.length ? this.entryFirstName.get(entry + 1) : this.store.nameCount;
      for (let name = this.entryFirstName.get(entry); name < end; name++) names.push(name);
    }
    return names;
  }

  /** Entries whose score reaches the threshold, best first, each with its explanation. */
  search(query: PersonQuery | string, options: SearchOptions = {}): ScreeningHit[] {
    const threshold = options.threshold ?? OPERATING_THRESHOLD;
    const prepared = this.prepare(query, options.kind ?? 'person');
    this.store.refreshAgreement();
    const names = prepared.strongMask === 0 ? [] : this.candidateNames(prepared, threshold);
    names.push(...this.documentCandidates(prepared));
    const acronyms = this.acronymCandidates(prepared);
    names.push(...acronyms);
    return scoreCandidateNames(this.store, this.entries, prepared, names, threshold, options.limit ?? 20, {
      acronyms: new Set(acronyms),
    });
  }

  /** The same scoring over every name of the kind, for measuring what the index misses. */
  fullScan(query: PersonQuery | string, options: SearchOptions = {}): ScreeningHit[] {
    const threshold = options.threshold ?? OPERATING_THRESHOLD;
    const prepared = this.prepare(query, options.kind ?? 'person', true);
    const kindCode = prepared.kind === 'person' ? 0 : 1;
    const names: number[] = [];
    for (let entry = 0; entry < this.entries.length; entry++) {
      if (this.entryKind.get(entry) !== kindCode) continue;
      // No name scores above 1, so an entry whose other evidence (a date of birth years apart)
      // keeps even a perfect name below the threshold needs no name compared: that is the
      // only thing skipped, and it does not depend on the name at all. (Worked out here
      // without keeping it, as most entries are passed over.)
      if (prepared.entryEvidence && 1 + prepared.entryEvidence(entry) + SCORE_ROUNDING < threshold) continue;
      const end = entry + 1 < this.entries.length ? this.entryFirstName.get(entry + 1) : this.store.nameCount;
      for (let name = this.entryFirstName.get(entry); name < end; name++) names.push(name);
    }
    return scoreCandidateNames(this.store, this.entries, prepared, names, threshold, options.limit ?? 20, {
      acronyms: new Set(this.acronymCandidates(prepared)),
    });
  }
}
