/** A watchlist entry as importers produce it and the store keeps it. */
export interface WatchlistEntryInput {
  /** The source's own identifier (UN DATAID, a CSV id column): how a re-import recognises the entry. */
  externalId: string;
  kind: 'person' | 'organisation' | 'document';
  primaryName: string;
  aliases: { name: string; quality: string | null }[];
  /** Names in their original script (Arabic, Cyrillic ...). */
  originalScriptNames: string[];
  /** "YYYY-MM-DD", or "YYYY" when only the year is known; a range gives every year of it. */
  datesOfBirth: string[];
  placesOfBirth: string[];
  /** As the source writes them (country names or ISO codes). */
  nationalities: string[];
  sex: 'M' | 'F' | null;
  documents: { type: string | null; number: string; issuingState: string | null; note: string | null }[];
  reason: string | null;
  category: string | null;
  severity: 'low' | 'medium' | 'high' | 'critical';
  validFrom: string | null;
  validTo: string | null;
  sourceReference: string | null;
}

export interface ImportIssue {
  /** Where: a line of a CSV file, or the entry of an XML list. */
  where: string;
  message: string;
}

export interface ParsedList {
  /** When the source says it was produced (UN: dateGenerated). */
  generatedAt: string | null;
  entries: WatchlistEntryInput[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}
