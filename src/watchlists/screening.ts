import { icaoCheckDigit, NameIndex, OPERATING_THRESHOLD, type ScreeningHit, type Sex } from '../names/api.js';
import { normaliseDocumentNumber } from '../names/documents.js';
import { countryCode } from '../names/countries.js';
import type { MatchExplanation } from '../names/types.js';
import type { EntryDetails } from './entry-columns.js';
import type { ListScope, WatchlistStore } from './store.js';

/** What a hit shows of the entry and its list, without another query. */
export interface IndexedEntry {
  id: string;
  externalId: string;
  watchlistId: string;
  listName: string;
  listSource: string;
  sharing: 'unit' | 'jurisdiction' | 'all';
  jurisdictionCode: string;
  ownerUnitId: string | null;
  kind: 'person' | 'organisation' | 'document';
  primaryName: string;
  category: string | null;
  severity: string;
  reason: string | null;
  validFrom: string | null;
  validTo: string | null;
  details: EntryDetails;
}

export interface Candidate {
  entry: IndexedEntry;
  score: number;
  match: boolean;
  matchedBy: 'name' | 'document';
  explanation: MatchExplanation;
}

export interface PersonScreenQuery {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'M' | 'F' | 'male' | 'female';
  documents?: { type?: string; number: string; issuingState?: string }[];
}

/** Document numbers without confusable characters, and with a trailing check digit added. */
export function documentKeys(number: string): string[] {
  const normalised = normaliseDocumentNumber(number).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normalised.length < 4) return [];
  return [normalised, normalised + icaoCheckDigit(normalised)];
}

const toSex = (sex: string | null | undefined): Sex | undefined =>
  sex === 'M' || sex === 'male' ? 'male' : sex === 'F' || sex === 'female' ? 'female' : undefined;

/**
 * A scope with this unit sees the lists of every unit of its jurisdiction: screening on arrival
 * of data, whose hits go to the jurisdiction's queue.
 */
export const ANY_UNIT = '*';

function visibleTo(entry: IndexedEntry, scope: ListScope | null): boolean {
  if (!scope || entry.sharing === 'all') return true;
  if (entry.sharing === 'jurisdiction' || scope.unitId === ANY_UNIT)
    return entry.jurisdictionCode === scope.jurisdictionCode;
  return entry.ownerUnitId === scope.unitId;
}

const inForce = (entry: IndexedEntry, today: string) =>
  (!entry.validFrom || entry.validFrom <= today) && (!entry.validTo || entry.validTo >= today);

interface Built {
  revision: number;
  index: NameIndex;
  entries: Map<string, IndexedEntry>;
  documents: Map<string, string[]>;
  builtAt: string;
  seconds: number;
}

/**
 * The name index over every active entry of every active list, built in this process and
 * rebuilt when the stored revision moves (any import, edit or list change bumps it), so that
 * every server and worker process screens against the same lists. Hits are filtered by what
 * the asking user may see and by the entries' validity dates.
 */
export class WatchlistScreening {
  private built: Built | undefined;
  private building: Promise<Built> | undefined;

  constructor(
    private readonly store: WatchlistStore,
    private readonly today: () => string,
  ) {}

  private async build(revision: number): Promise<Built> {
    return this.buildFrom(revision, this.storedEntries());
  }

  /** Every active entry of every active list, as the index takes them. */
  private async *storedEntries(): AsyncGenerator<IndexedEntry> {
    for await (const rows of this.store.activeEntries()) {
      for (const row of rows) {
        const details = row.details as EntryDetails;
        yield {
          id: row.id,
          externalId: row.external_id,
          watchlistId: row.watchlist_id,
          listName: row.list_name,
          listSource: row.list_source,
          sharing: row.sharing,
          jurisdictionCode: row.jurisdiction_code,
          ownerUnitId: row.owner_unit_id,
          kind: row.kind,
          primaryName: row.primary_name,
          category: row.category,
          severity: row.severity,
          reason: row.reason,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          details,
        };
      }
    }
  }

  /**
   * Uses these entries instead of the stored lists until the stored revision moves: for
   * benchmarks that screen against a generated list of a million names.
   */
  async preload(entries: Iterable<IndexedEntry>): Promise<void> {
    const revision = await this.store.revision();
    this.built = await this.buildFrom(
      revision,
      (async function* () {
        yield* entries;
      })(),
    );
  }

  private async buildFrom(revision: number, source: AsyncIterable<IndexedEntry>): Promise<Built> {
    const started = performance.now();
    const index = new NameIndex();
    const entries = new Map<string, IndexedEntry>();
    const documents = new Map<string, string[]>();
    for await (const entry of source) {
      const { details } = entry;
      entries.set(entry.id, entry);
      for (const document of details.documents)
        for (const key of documentKeys(document.number)) {
          const list = documents.get(key);
          if (list) list.push(entry.id);
          else documents.set(key, [entry.id]);
        }
      if (entry.kind === 'document') continue;
      index.add({
        id: entry.id,
        entryId: entry.id,
        kind: entry.kind,
        names: [entry.primaryName, ...details.aliases.map((a) => a.name), ...details.originalScriptNames],
        datesOfBirth: details.datesOfBirth,
        nationalities: details.nationalities,
        sex: toSex(details.sex),
        documents: details.documents.map((d) => ({
          number: d.number,
          ...(d.type ? { type: d.type } : {}),
          ...(d.issuingState ? { issuingState: d.issuingState } : {}),
        })),
      });
    }
    index.build();
    return {
      revision,
      index,
      entries,
      documents,
      builtAt: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** The index of the current revision, built once however many screens wait for it. */
  async current(): Promise<Built> {
    const revision = await this.store.revision();
    if (this.built?.revision === revision) return this.built;
    if (!this.building) {
      this.building = this.build(revision).finally(() => (this.building = undefined));
      this.built = await this.building;
      return this.built;
    }
    return this.building;
  }

  async status() {
    const built = await this.current();
    return {
      revision: built.revision,
      entries: built.entries.size,
      builtAt: built.builtAt,
      buildSeconds: Math.round(built.seconds * 1000) / 1000,
    };
  }

  private accept(built: Built, hits: ScreeningHit[], scope: ListScope | null): Candidate[] {
    const today = this.today();
    const candidates: Candidate[] = [];
    for (const hit of hits) {
      const entry = built.entries.get(hit.entryId);
      if (!entry || !visibleTo(entry, scope) || !inForce(entry, today)) continue;
      candidates.push({
        entry,
        score: hit.score,
        match: hit.match,
        matchedBy: 'name',
        explanation: hit.explanation,
      });
    }
    return candidates;
  }

  /** Entries holding one of the documents (any list kind): exact or with a check digit either side. */
  private documentHits(built: Built, query: PersonScreenQuery, scope: ListScope | null, seen: Set<string>) {
    const today = this.today();
    const candidates: Candidate[] = [];
    for (const document of query.documents ?? []) {
      const ids = new Set(documentKeys(document.number).flatMap((key) => built.documents.get(key) ?? []));
      for (const id of ids) {
        const entry = built.entries.get(id);
        if (!entry || seen.has(id) || !visibleTo(entry, scope) || !inForce(entry, today)) continue;
        const listed = entry.details.documents.find((d) =>
          documentKeys(d.number).some((key) => documentKeys(document.number).includes(key)),
        );
        if (!listed) continue;
        const askedState = countryCode(document.issuingState);
        const listedState = countryCode(listed.issuingState ?? undefined);
        if (askedState && listedState && askedState !== listedState) continue;
        seen.add(id);
        const exact = normaliseDocumentNumber(listed.number) === normaliseDocumentNumber(document.number);
        const detail = `${document.number} ${exact ? 'is' : 'matches, with a check digit or a confusable character,'} the listed ${listed.type ?? 'document'} ${listed.number}${listed.issuingState ? ` (${listed.issuingState})` : ''}`;
        candidates.push({
          entry,
          score: 1,
          match: true,
          matchedBy: 'document',
          explanation: {
            candidateName: entry.primaryName,
            nameScore: 0,
            parts: [],
            unmatchedQueryParts: [],
            unmatchedCandidateParts: [],
            adjustments: [{ reason: 'document', detail, delta: 1 }],
          },
        });
      }
    }
    return candidates;
  }

  async screenPerson(
    query: PersonScreenQuery,
    scope: ListScope | null,
    options: { threshold?: number; limit: number },
  ): Promise<{ candidates: Candidate[]; revision: number }> {
    return this.screenPersonIn(await this.current(), query, scope, options);
  }

  /** A screener over the index as it is now: many persons screened without asking for the revision each time. */
  async screener(): Promise<{
    revision: number;
    screenPerson: (
      query: PersonScreenQuery,
      scope: ListScope | null,
      options: { threshold?: number; limit: number },
    ) => { candidates: Candidate[]; revision: number };
  }> {
    const built = await this.current();
    return {
      revision: built.revision,
      screenPerson: (query, scope, options) => this.screenPersonIn(built, query, scope, options),
    };
  }

  private screenPersonIn(
    built: Built,
    query: PersonScreenQuery,
    scope: ListScope | null,
    options: { threshold?: number; limit: number },
  ): { candidates: Candidate[]; revision: number } {
    const threshold = options.threshold ?? OPERATING_THRESHOLD;
    const hits = built.index.search(
      {
        name: query.name,
        ...(query.dateOfBirth ? { dateOfBirth: query.dateOfBirth } : {}),
        ...(query.nationality ? { nationality: query.nationality } : {}),
        ...(toSex(query.sex) ? { sex: toSex(query.sex) } : {}),
        ...(query.documents ? { documents: query.documents } : {}),
      },
      // Hits on lists this user may not see are dropped after the search: ask for more.
      { kind: 'person', threshold, limit: options.limit * 5 + 20 },
    );
    const byName = this.accept(built, hits, scope).map((c) => ({
      ...c,
      match: c.score >= OPERATING_THRESHOLD,
    }));
    const seen = new Set(byName.map((c) => c.entry.id));
    const candidates = [...this.documentHits(built, query, scope, seen), ...byName]
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit);
    return { candidates, revision: built.revision };
  }

  async screenOrganisation(
    name: string,
    scope: ListScope | null,
    options: { threshold?: number; limit: number },
  ): Promise<{ candidates: Candidate[]; revision: number }> {
    const built = await this.current();
    const threshold = options.threshold ?? OPERATING_THRESHOLD;
    const hits = built.index.search(
      { name },
      { kind: 'organisation', threshold, limit: options.limit * 5 + 20 },
    );
    const candidates = this.accept(built, hits, scope)
      .map((c) => ({ ...c, match: c.score >= OPERATING_THRESHOLD }))
      .slice(0, options.limit);
    return { candidates, revision: built.revision };
  }
}
