import { en, type CatalogueKey } from './en.js';
import type { CatalogueEntry } from './catalogue.js';

export type Catalogue = Partial<Record<CatalogueKey, CatalogueEntry>>;

export interface Language {
  /** BCP 47 tag, also used for number, date and plural rules: en, sr-Latn, sr-Cyrl, bs, hr, cnr, mk, sq. */
  code: string;
  /** The language's name in itself, as the switcher lists it. */
  nativeName: string;
  /** Loads the catalogue; English is built in, the others are loaded on demand. */
  load: () => Promise<Catalogue>;
}

/*
 * To add a language: create `<code>.ts` exporting `const catalogue: Catalogue = { ... }` and add
 * a line here, e.g. { code: 'sr-Latn', nativeName: 'Srpski (latinica)', load: () =>
 * import('./sr-Latn.js').then((m) => m.catalogue) }.
 */
export const LANGUAGES: Language[] = [{ code: 'en', nativeName: 'English', load: async () => en }];
