import { foldLatin } from './transliterate-latin.js';
import { acronymOf, NUMBER_MARKERS, numberValue, setPlacesAside } from './organisation-words.js';
import { editDistance } from './similarity.js';
import { splitEastAsianName } from './transliterate-other.js';
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
  /**
   * Organisation legal form family found and removed ('limited-liability', ...); a name giving
   * forms of several families has them all, sorted and joined by "+".
   */
  legalForm?: string;
  legalFormWritten?: string;
  /** Organisations: numbers in digits, places qualifying the name, acronyms given in brackets. */
  numbers?: string[];
  places?: string[];
  /** Places ending the name ("Alfa Trading Cyprus"), weaker evidence than a branch or a bracket. */
  placeWords?: string[];
  acronyms?: string[];
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

/** A single letter of an alphabet (Latin, Cyrillic, Greek, Armenian, Georgian): an initial. */
function isAlphabetLetter(text: string): boolean {
  return (
    /^[a-z]$/.test(foldLatin(text)) ||
    /^[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]$/u.test(text)
  );
}

/**
 * Initials written together ("JC Smith", "MD Rahman"): two or three capitals without a vowel,
 * beside a longer part. "Ng" is a surname, not initials.
 */
function letterCluster(written: string, others: number): string[] | undefined {
  if (others === 0 || !/^\p{Lu}{2,3}$/u.test(written) || /[AEIOUYАЕЁИОУЫЭЮЯ]/u.test(written))
    return undefined;
  if (/^NG$/i.test(written)) return undefined;
  return [...written];
}

/** Words run together in camel case (VladimirPutin) apart; McDonald is joined again by alignment. */
const CAMEL_CASE = /(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})/u;

function splitWords(text: string): Array<{ written: string; hyphenGroup: number }> {
  const words: Array<{ written: string; hyphenGroup: number }> = [];
  let group = 0;
  for (const chunk of text.split(SEPARATORS)) {
    if (!chunk) continue;
    group++;
    // A person's initials may come written together, "J.R." -> J, R.
    const pieces = chunk
      .split(/[-‐‑–—]+|\.(?=\p{L})/u)
      .filter((piece) => piece.replace(/\./g, '').length > 0)
      .flatMap((piece) => piece.split(CAMEL_CASE))
      .flatMap(splitEastAsianName);
    for (const piece of pieces) words.push({ written: piece.replace(/\.+$/, ''), hyphenGroup: group });
  }
  return words;
}

/** A word of a legal form as written, allowing one slip in a long word (Limted, Liabilty). */
function sameLegalWord(written: string, form: string): boolean {
  if (written === form) return true;
  return form.length >= 6 && Math.abs(written.length - form.length) <= 1 && editDistance(written, form) <= 1;
}

/** Where a multi-word legal form stands in the folded words, or -1. */
function phraseAt(words: readonly string[], phrase: readonly string[]): number {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    let index = 0;
    while (index < phrase.length && sameLegalWord(words[start + index], phrase[index])) index++;
    if (index === phrase.length) return start;
  }
  return -1;
}

/** A single word that is a legal form, with one slip allowed in long ones (Corporaton, Limted). */
function legalFamilyOf(part: NamePart): string | undefined {
  const folded = foldLatin(part.text);
  const exact = LEGAL_FORMS.get(part.text) ?? LEGAL_FORMS.get(folded);
  if (exact || folded.length < 6) return exact;
  for (const [form, family] of LEGAL_FORMS)
    if (form.length >= 6 && sameLegalWord(folded, form)) return family;
  return undefined;
}

function stripLegalForms(parts: NamePart[]): { parts: NamePart[]; legalForm?: string; written?: string } {
  let kept = [...parts];
  const families = new Set<string>();
  const written: string[] = [];
  const foldedWords = parts.map((part) => foldLatin(part.text));
  for (const [phrase, family] of LEGAL_FORM_PHRASES) {
    const phraseWords = phrase.split(' ');
    const start = phraseAt(foldedWords, phraseWords);
    const length = phraseWords.length;
    if (start < 0 || parts.length - length < 1) continue;
    written.push(...parts.slice(start, start + length).map((part) => part.written));
    kept = [...parts.slice(0, start), ...parts.slice(start + length)];
    families.add(family);
    break;
  }
  const familyOf = legalFamilyOf;
  // Legal forms stand at the end (Alfa d.o.o., ACME Ltd) or at the start (OOO Romashka).
  while (kept.length > 1 && familyOf(kept[kept.length - 1])) {
    const part = kept.pop() as NamePart;
    families.add(familyOf(part) as string);
    written.unshift(part.written);
  }
  while (kept.length > 1 && familyOf(kept[0])) {
    const part = kept.shift() as NamePart;
    families.add(familyOf(part) as string);
    written.push(part.written);
  }
  // Inside a name only an abbreviation no word shares (Gamma DOOEL Skopje), not "Co" or "AD".
  for (let index = 1; index < kept.length - 1; index++) {
    const family = familyOf(kept[index]);
    if (!family || kept[index].text.length < 3 || ORDINARY_WORDS.has(kept[index].text)) continue;
    families.add(family);
    written.push(kept[index].written);
    kept.splice(index--, 1);
  }
  // A name may give two forms (JOINT STOCK COMPANY ... LLC): all of them, in one key.
  const legalForm = families.size > 0 ? [...families].sort().join('+') : undefined;
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

/** Bracketed remarks of an organisation's name: acronyms apart, the rest qualifying words. */
function organisationRemarks(text: string): { text: string; acronyms: string[]; remarks: string[] } {
  const acronyms: string[] = [];
  const remarks: string[] = [];
  const rest = text.replace(PARENTHESES, (match) => {
    const inside = match.slice(1, -1);
    const acronym = acronymOf(inside);
    if (acronym) acronyms.push(acronym);
    else remarks.push(inside);
    return ' ';
  });
  return { text: rest, acronyms, remarks };
}

function wordParts(text: string, kind: NameKind): NamePart[] {
  const parts: NamePart[] = [];
  const words = splitWords(text);
  for (const word of words) {
    const cluster = kind === 'person' ? letterCluster(word.written, words.length - 1) : undefined;
    for (const written of cluster ?? [word.written]) {
      const cleaned = cleanPart(written);
      if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) continue;
      const folded = foldLatin(cleaned);
      if (kind === 'person' && (PERSON_TITLES.has(cleaned) || PERSON_TITLES.has(folded))) continue;
      const weakWords = kind === 'person' ? PERSON_WEAK_WORDS : ORGANISATION_WEAK_WORDS;
      const number = kind === 'organisation' ? numberValue(cleaned) : undefined;
      parts.push({
        written,
        text: number ?? cleaned,
        hyphenGroup: word.hyphenGroup,
        weak: weakWords.has(cleaned) || weakWords.has(folded),
        initial: kind === 'person' && [...cleaned].length === 1 && isAlphabetLetter(cleaned),
      });
    }
  }
  return parts;
}

/** "SURNAME, Given Names" (one comma) read in the order of the other names: Given Names SURNAME. */
function commaOrder(text: string): string {
  const at = text.indexOf(',');
  if (at < 0 || text.indexOf(',', at + 1) >= 0) return text;
  const surname = text.slice(0, at).trim();
  const given = text.slice(at + 1).trim();
  return surname && given ? `${given} ${surname}` : text;
}

const isDigits = (text: string) => /^\d+$/.test(text);

export function normaliseName(raw: string, kind: NameKind = 'person'): NormalisedName {
  let text = PLAIN_ASCII.test(raw) ? raw : raw.normalize('NFKC');
  let acronyms: string[] = [];
  let remarks: string[] = [];
  if (kind === 'organisation') ({ text, acronyms, remarks } = organisationRemarks(text));
  text = text.replace(PARENTHESES, ' ').replace(JOINING_MARKS, '');
  if (kind === 'organisation') text = joinDottedAbbreviations(text);
  else text = commaOrder(text);
  let parts = wordParts(text, kind);
  // A name made only of weak words (e.g. the alias "Haji") is still that name.
  if (parts.length > 0 && parts.every((part) => part.weak))
    parts = parts.map((part) => ({ ...part, weak: false }));
  if (kind !== 'organisation') return { parts };
  // "No. 2", "Nr 2": the marker says nothing the number does not.
  parts = parts.filter(
    (part, index) =>
      !(NUMBER_MARKERS.has(part.text) && index + 1 < parts.length && isDigits(parts[index + 1].text)),
  );
  const qualifying = stripLegalForms(
    wordParts(joinDottedAbbreviations(remarks.join(' ').replace(JOINING_MARKS, '')), kind),
  );
  // Places first ("Alfa Company Dubai Branch"), then legal forms, then places the legal form hid.
  const first = setPlacesAside(parts, qualifying.parts, false);
  const stripped = stripLegalForms(first.parts);
  const second = setPlacesAside(stripped.parts, [], true);
  return {
    parts: second.parts,
    legalForm: stripped.legalForm ?? qualifying.legalForm,
    legalFormWritten: stripped.written ?? qualifying.written,
    numbers: second.parts.filter((part) => isDigits(part.text)).map((part) => part.text),
    places: first.places,
    placeWords: second.places,
    acronyms,
  };
}
