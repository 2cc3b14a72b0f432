/**
 * What a translation catalogue is made of. A language file maps the stable message ids of the
 * English catalogue (en.ts) to its own text; ids it leaves out fall back to English.
 */

/** Plural forms chosen by Intl.PluralRules for the `count` parameter (CLDR categories). */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type CatalogueEntry = string | PluralMessage;
