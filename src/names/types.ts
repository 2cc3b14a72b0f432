/** A travel or identity document as lists and passenger data carry it. */
export interface IdentityDocument {
  type?: string;
  number: string;
  /** ISO 3166 alpha-2 or alpha-3 code, or a country name. */
  issuingState?: string;
}

export type Sex = 'male' | 'female' | 'other' | 'unknown';

/** One watchlist entry as the name engine sees it (the list importer maps its records to this). */
export interface WatchlistName {
  /** Unique per index: the entry and, when one entry is split, its part. */
  id: string;
  /** The list entry (e.g. UN DATAID, OFAC ent_num) that a hit points back to. */
  entryId: string;
  kind: 'person' | 'organisation';
  /** Primary name first, then aliases and names in original script. */
  names: string[];
  /** YYYY or YYYY-MM-DD; a person may have several on a list. */
  datesOfBirth?: string[];
  /** ISO 3166 codes or country names. */
  nationalities?: string[];
  sex?: Sex;
  documents?: IdentityDocument[];
}

/** A traveller, offender or person typed into a search box. */
export interface PersonQuery {
  name: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  dateOfBirth?: string;
  nationality?: string;
  sex?: Sex;
  documents?: IdentityDocument[];
}

export type PartMatchMethod = 'exact' | 'transliteration' | 'phonetic' | 'fuzzy' | 'initial' | 'compound';

/** How one part (or adjacent parts, for compounds) of one name lined up with the other name. */
export interface MatchedPart {
  /** Parts of the first (query) name, as written. */
  query: string;
  /** Parts of the second (candidate) name, as written. */
  candidate: string;
  method: PartMatchMethod;
  similarity: number;
}

/** Something besides the name-part alignment that moved the score. */
export interface ScoreAdjustment {
  reason:
    | 'unmatched-query-part'
    | 'unmatched-candidate-part'
    | 'single-part-name'
    | 'initials-only'
    | 'other-form'
    | 'common-parts'
    | 'date-of-birth'
    | 'nationality'
    | 'sex'
    | 'document'
    | 'legal-form'
    | 'number'
    | 'place'
    | 'acronym'
    | 'order';
  /** Human-readable detail, e.g. "1970-03-05 vs 1970-05-03: day and month transposed". */
  detail: string;
  delta: number;
}

export interface MatchExplanation {
  /** The name (of the candidate's several) that gave the best score. */
  candidateName: string;
  nameScore: number;
  parts: MatchedPart[];
  unmatchedQueryParts: string[];
  unmatchedCandidateParts: string[];
  adjustments: ScoreAdjustment[];
}

export interface ComparisonResult {
  /** 0..1 */
  score: number;
  /** score ≥ the operating threshold. */
  match: boolean;
  explanation: MatchExplanation;
}

export interface ScreeningHit extends ComparisonResult {
  id: string;
  entryId: string;
  kind: WatchlistName['kind'];
}

export interface SearchOptions {
  limit?: number;
  threshold?: number;
  /** Only entries of this kind; persons are screened against persons by default. */
  kind?: WatchlistName['kind'];
}
