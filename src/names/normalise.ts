import { foldLatin } from './transliterate-latin.js';
import {
  LEGAL_FORMS,
  LEGAL_FORM_PHRASES,
  ORGANISATION_WEAK_WORDS,
  PERSON_TITLES,
  PERSON_WEAK_WORDS,
} from './stopwords.js';

export type NameKind = 'person' | 'organisation';

/** One part of a name after cleaning, with what was written, for explanations. */
export interface NamePart {
  /** As written (case kept, punctuation trimmed). */
  written: string;
  /** Lowercase, quotes and punctuation removed, script kept. */
  text: string;
  /** Parts joined by hyphens in the source share a group number (compound surnames). */
  hyphenGroup: number;
  /** Particle, honorific or function word: counts little when present or missing. */
  weak: boolean;
  /** A single Latin letter (J. or J): matches any part with that first letter, weakly. */
  initial: boolean;
}

export interface NormalisedName {
  parts: NamePart[];
  /** Organisation legal form family found and removed ('limited-liability', ...). */
  legalForm?: string;
  legalFormWritten?: string;
}

/** Apostrophes, ʿayn and hamza signs, and "?" from a lost character: joined, not split. */
const JOINING_MARKS = /[''‘’`´ʼʻʿʾ′″?]/g;
const PARENTHESES = /\([^)]*\)|\[[^\]]*\]/g;
/** Separators; the hyphen is kept apart to mark compounds. */
const SEPARATORS = /[\s,;:/\\|"“”„«»()[\]{}!¡¿*+=_<>~^@#$%&]+/u;

/** Joins dotted abbreviations (d.o.o., sh.p.k., L.L.C.) so that legal forms read as one word. */
function joinDottedAbbreviations(text: string): string {
  return text.replace(/(?:^|(?<=\s))((?:\p{L}{1,3}\.){2,}\p{L}{0,3}\.?)(?=\s|$|,)/gu, (match) =>
    match.replace(/\./g, ''),
  );
}

function cleanPart(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes('.') ? lower.replace(/\./g, '') : lower;
}

function isLatinLetter(text: string): boolean {
  return /^[a-z]$/.test(foldLatin(text));
}

function splitWords(text: string): Array<{ written: string; hyphenGroup: number }> {
  const words: Array<{ written: string; hyphenGroup: number }> = [];
  let group = 0;
  for (const chunk of text.split(SEPARATORS)) {
    if (!chunk) continue;
    group++;
    // A person's initials may come written together, "J.R." -> J, R.
    const pieces = chunk
      .split(/[-‐‑–—]+|\.(?=\p{L})/u)
      .filter((piece) => piece.replace(/\./g, '').length > 0);
    for (const piece of pieces) words.push({ written: piece.replace(/\.+$/, ''), hyphenGroup: group });
  }
  return words;
}

function stripLegalForms(parts: NamePart[]): { parts: NamePart[]; legalForm?: string; written?: string } {
  const folded = parts.map((part) => foldLatin(part.text)).join(' ');
  for (const [phrase, family] of LEGAL_FORM_PHRASES) {
    const at = ` ${folded} `.indexOf(` ${phrase} `);
    if (at < 0) continue;
    const before = folded.slice(0, at).trim();
    const start = before ? before.split(' ').length : 0;
    const length = phrase.split(' ').length;
    if (parts.length - length < 1) continue;
    const written = parts
      .slice(start, start + length)
      .map((part) => part.written)
      .join(' ');
    return { parts: [...parts.slice(0, start), ...parts.slice(start + length)], legalForm: family, written };
  }
  const kept = [...parts];
  let legalForm: string | undefined;
  const written: string[] = [];
  const familyOf = (part: NamePart) => LEGAL_FORMS.get(part.text) ?? LEGAL_FORMS.get(foldLatin(part.text));
  // Legal forms stand at the end (Alfa d.o.o., ACME Ltd) or at the start (OOO Romashka).
  while (kept.length > 1 && familyOf(kept[kept.length - 1])) {
    const part = kept.pop() as NamePart;
    legalForm ??= familyOf(part);
    written.unshift(part.written);
  }
  while (kept.length > 1 && familyOf(kept[0])) {
    const part = kept.shift() as NamePart;
    legalForm ??= familyOf(part);
    written.push(part.written);
  }
  // Inside a name only an abbreviation no word shares (Gamma DOOEL Skopje), not "Co" or "AD".
  for (let index = 1; index < kept.length - 1; index++) {
    const family = familyOf(kept[index]);
    if (!family || kept[index].text.length < 3 || ORDINARY_WORDS.has(kept[index].text)) continue;
    legalForm ??= family;
    written.push(kept[index].written);
    kept.splice(index--, 1);
  }
  return { parts: kept, legalForm, written: written.length > 0 ? written.join(' ') : undefined };
}

/** Legal forms that are also ordinary words of a company name. */
const ORDINARY_WORDS = new Set(['limited', 'company', 'corporation', 'incorporated', 'establishment', 'est']);

/**
 * Cleans a name for comparison: Unicode compatibility forms folded, bracketed remarks
 * dropped, quotes inside words joined (SA'D -> sad), titles dropped, particles and
 * honorifics marked weak, and for organisations the legal form set aside.
 */
/** Printable ASCII needs no Unicode normalisation, which is slow on a million names. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function normaliseName(raw: string, kind: NameKind = 'person'): NormalisedName {
  let text = (PLAIN_ASCII.test(raw) ? raw : raw.normalize('NFKC'))
    .replace(PARENTHESES, ' ')
    .replace(JOINING_MARKS, '');
  if (kind === 'organisation') text = joinDottedAbbreviations(text);
  const words = splitWords(text);
  let parts: NamePart[] = [];
  for (const word of words) {
    const cleaned = cleanPart(word.written);
    if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) continue;
    const folded = foldLatin(cleaned);
    if (kind === 'person' && (PERSON_TITLES.has(cleaned) || PERSON_TITLES.has(folded))) continue;
    const weakWords = kind === 'person' ? PERSON_WEAK_WORDS : ORGANISATION_WEAK_WORDS;
    parts.push({
      written: word.written,
      text: cleaned,
      hyphenGroup: word.hyphenGroup,
      weak: weakWords.has(cleaned) || weakWords.has(folded),
      initial: kind === 'person' && [...cleaned].length === 1 && isLatinLetter(cleaned),
    });
  }
  // A name made only of weak words (e.g. the alias "Haji") is still that name.
  if (parts.length > 0 && parts.every((part) => part.weak))
    parts = parts.map((part) => ({ ...part, weak: false }));
  if (kind !== 'organisation') return { parts };
  const stripped = stripLegalForms(parts);
  return { parts: stripped.parts, legalForm: stripped.legalForm, legalFormWritten: stripped.written };
}
