import { createElement, Fragment, useSyncExternalStore, type ReactNode } from 'react';
import { en, type CatalogueKey } from './en.js';
import type { PluralMessage } from './catalogue.js';
import { LANGUAGES, type Catalogue } from './languages.js';

export type { CatalogueKey } from './en.js';
export { LANGUAGES } from './languages.js';

export type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'interdict.language';

let activeCode = 'en';
let activeCatalogue: Catalogue = en;
const listeners = new Set<() => void>();

/** Translates a message id of the catalogue, filling `{name}` placeholders from params. */
export function t(key: CatalogueKey, params?: MessageParams): string {
  const entry = activeCatalogue[key] ?? en[key];
  if (entry === undefined) return key; // an id built at run time that the catalogue lacks
  const template = typeof entry === 'string' ? entry : choosePlural(entry, params?.count);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(activeCode).format(value) : value;
  });
}

function choosePlural(message: PluralMessage, count: string | number | undefined): string {
  const n = typeof count === 'number' ? count : Number(count ?? 0);
  if (n === 0 && message.zero !== undefined) return message.zero;
  const category = new Intl.PluralRules(activeCode).select(n);
  return message[category] ?? message.other;
}

export function currentLanguage(): string {
  return activeCode;
}

export async function setLanguage(code: string): Promise<void> {
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  if (!language) return;
  activeCatalogue = await language.load();
  activeCode = code;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  listeners.forEach((listener) => listener());
}

/** Restores the language chosen earlier in this browser. */
export async function restoreLanguage(): Promise<void> {
  let saved: string | null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null; // storage disabled: stay with English
  }
  if (saved && saved !== activeCode) await setLanguage(saved);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLanguage(): string {
  return useSyncExternalStore(subscribe, currentLanguage);
}

/** Re-renders the whole tree below it when the language changes, so every `t()` call reruns. */
export function LanguageBoundary({ children }: { children: ReactNode }) {
  const code = useLanguage();
  return createElement(Fragment, { key: code }, children);
}
