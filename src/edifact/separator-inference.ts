import { issueAt, type ParseIssue } from './issues.js';
import type { Separators } from './service-string.js';

/**
 * Real interchanges carry service string advices that do not describe them: a UNA with five
 * service characters instead of six (the decimal mark left out, so that the line break after it is
 * read as the segment terminator), or one whose characters differ from what the interchange uses.
 * The interchange header says which characters are really in use: the one right after "UNB" (or
 * "UNH") separates elements, the one after the syntax identifier ("UNOA", "IATA") separates
 * components, and the one before the next header segment ("UNG", "UNH") ends segments.
 */

/** Where the first header segment starts after a UNA, and what it says of the separators. */
interface HeaderEvidence {
  /** Offset of the header's tag ("UNB", "UNG" or "UNH"). */
  tagAt: number;
  element: string;
  /** Null when the header does not show it (a UNH on its own). */
  component: string | null;
  /** Null when no following segment shows where the header ends. */
  segment: string | null;
}

export interface SeparatorCorrection {
  separators: Separators;
  /** Where segments start: just after the service string advice that was really there. */
  end: number;
  warning: ParseIssue;
}

/** How far after "UNA" the header may start: six service characters and some layout. */
const HEADER_SEARCH_WINDOW = 24;

function isLayout(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSegmentTagAt(text: string, at: number): boolean {
  for (let k = 0; k < 3; k++) {
    const code = text.charCodeAt(at + k);
    const letter = code >= 65 && code <= 90;
    if (!(letter || (k > 0 && code >= 48 && code <= 57))) return false;
  }
  return true;
}

function findHeader(text: string, unaAt: number): number {
  const limit = Math.min(text.length - 3, unaAt + 3 + HEADER_SEARCH_WINDOW);
  for (let at = unaAt + 3; at <= limit; at++) {
    if (text.charCodeAt(at) !== 85 || text.charCodeAt(at + 1) !== 78) continue; // "UN"
    const third = text[at + 2];
    if ((third === 'B' || third === 'G' || third === 'H') && !isAlphanumeric(text.charCodeAt(at + 3))) {
      return at;
    }
  }
  return -1;
}

/** The tags that may follow a header: UNB is followed by UNG or UNH, UNG by UNH, UNH by any. */
function followsHeader(text: string, at: number, headerTag: string): boolean {
  if (!isSegmentTagAt(text, at)) return false;
  if (headerTag === 'UNB') return text.startsWith('UNG', at) || text.startsWith('UNH', at);
  if (headerTag === 'UNG') return text.startsWith('UNH', at);
  return true;
}

function skipLayout(text: string, at: number): number {
  while (at < text.length && isLayout(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The segment terminator of a header: the character that ends it, found as the last one before
 * the next segment tag (layout after a terminator skipped). A line break is the terminator only
 * when nothing else stands there.
 */
function headerTerminator(
  text: string,
  tagAt: number,
  element: string,
  component: string | null,
): string | null {
  const headerTag = text.slice(tagAt, tagAt + 3);
  const limit = Math.min(text.length, tagAt + 2_048);
  for (let at = tagAt + 4; at < limit - 3; at++) {
    if (text[at + 3] !== element || !followsHeader(text, at, headerTag)) continue;
    if (isAlphanumeric(text.charCodeAt(at - 1))) continue;
    let before = at - 1;
    while (before > tagAt && isLayout(text.charCodeAt(before))) before--;
    const candidate = text[before];
    const code = candidate.charCodeAt(0);
    if (!isAlphanumeric(code) && candidate !== element && candidate !== component && !isLayout(code)) {
      return candidate;
    }
    if (before < at - 1) return text[at - 1];
  }
  return null;
}

/**
 * Whether the declared terminator ends the header: its first use after the header's tag is
 * followed (after layout) by a segment tag or the end of the text. A line break declared as the
 * terminator does not fit when the same other character stands before it at the end of the header,
 * for that character is then the terminator and the line break layout.
 */
function declaredTerminatorEndsHeader(text: string, tagAt: number, declared: Separators): boolean {
  const terminator = declared.segment;
  let at = tagAt + 3;
  for (;;) {
    at = text.indexOf(terminator, at);
    if (at < 0) return false;
    if (!declared.release || text[at - 1] !== declared.release) break;
    at++;
  }
  const next = skipLayout(text, at + 1);
  if (next < text.length && !isSegmentTagAt(text, next)) return false;
  if (!isLayout(terminator.charCodeAt(0))) return true;
  const before = text[at - 1];
  const structural = [declared.element, declared.component];
  return (
    before === undefined ||
    isAlphanumeric(before.charCodeAt(0)) ||
    structural.includes(before) ||
    !unaDeclares(text, tagAt, before)
  );
}

/** Whether `character` is among the service characters of the UNA before the header. */
function unaDeclares(text: string, tagAt: number, character: string): boolean {
  const una = text.lastIndexOf('UNA', tagAt);
  return una >= 0 && text.slice(una + 3, tagAt).includes(character);
}

function readHeader(text: string, unaAt: number): HeaderEvidence | null {
  const tagAt = findHeader(text, unaAt);
  if (tagAt < 0) return null;
  const element = text[tagAt + 3];
  if (element === undefined || isLayout(element.charCodeAt(0))) return null;
  let component: string | null = null;
  if (text[tagAt + 2] === 'B') {
    // UNB: the syntax identifier (UNOA, IATA ...) and its version are one composite.
    let at = tagAt + 4;
    while (at < text.length && at < tagAt + 8 && isAlphanumeric(text.charCodeAt(at))) at++;
    const candidate = text[at];
    if (
      at > tagAt + 4 &&
      candidate !== undefined &&
      candidate !== element &&
      !isAlphanumeric(candidate.charCodeAt(0))
    ) {
      component = candidate;
    }
  }
  return { tagAt, element, component, segment: headerTerminator(text, tagAt, element, component) };
}

/**
 * The characters of the UNA that are not the structural ones the header showed, in their order:
 * what is left for the decimal mark, the release character and the repetition separator.
 */
function remainingServiceCharacters(advice: string, structural: string[]): string[] {
  const left = [...structural];
  const remaining: string[] = [];
  for (const character of advice) {
    const index = left.indexOf(character);
    if (index >= 0) left.splice(index, 1);
    else remaining.push(character);
  }
  return remaining;
}

/** Characters seen as release characters, the usual ones first. */
const RELEASE_CANDIDATES = ['?', '\\', '!', '#', '|', '/', '%', '&', '@', '$', '^', '~', '`'];

/**
 * How a character behaves where it occurs: a release character precedes only separators, itself
 * (a released release) or a line break that wrapped a released separator. `escapes` counts the
 * separators it preceded, the evidence that it is a release character at all.
 */
function releaseBehaviour(text: string, from: number, candidate: string, separators: string[]) {
  let at = text.indexOf(candidate, from);
  let escapes = 0;
  for (let seen = 0; at >= 0 && seen < 1_000; seen++) {
    const next = text[at + 1];
    if (next === undefined) break;
    if (separators.includes(next)) escapes++;
    else if (next !== candidate && next !== '\n' && next !== '\r') return { consistent: false, escapes };
    at = text.indexOf(candidate, at + 2);
  }
  return { consistent: true, escapes };
}

/** The release character the UNA left out: one seen escaping separators, else "?" unless misused. */
function inferRelease(text: string, from: number, structural: string[]): string {
  for (const candidate of RELEASE_CANDIDATES) {
    const behaviour = releaseBehaviour(text, from, candidate, structural);
    if (behaviour.consistent && behaviour.escapes > 0) return candidate;
  }
  return releaseBehaviour(text, from, '?', structural).consistent ? '?' : '';
}

function chooseReleaseAndOthers(
  text: string,
  from: number,
  remaining: string[],
  structural: string[],
): Pick<Separators, 'decimal' | 'release' | 'repetition'> {
  const rest = [...remaining];
  const decimal = rest.length > 0 && (rest[0] === '.' || rest[0] === ',') ? rest.shift()! : '.';
  let release = '';
  let repetition = ' ';
  if (rest.length >= 2) {
    release = rest[0] === ' ' ? '' : rest[0];
    repetition = rest[1];
  } else if (rest.length === 1) {
    if (rest[0] === ' ' || rest[0] === '*') repetition = rest[0];
    else release = rest[0];
  }
  if (!release) {
    // The UNA left it out: a character that only ever escapes separators is the release.
    release = inferRelease(text, from, structural);
  }
  return { decimal, release, repetition };
}

function describe(separators: Separators): string {
  const show = (character: string) => JSON.stringify(character);
  return `component ${show(separators.component)}, element ${show(separators.element)}, segment ${show(separators.segment)}, release ${separators.release ? show(separators.release) : 'none'}`;
}

/**
 * Checks the separators a UNA declared against the interchange header that follows it, and when
 * they do not fit, returns the separators the header shows, where segments really start, and a
 * warning that says so. Returns null when the UNA fits or when the header does not tell.
 */
export function correctServiceStringAdvice(
  text: string,
  unaAt: number,
  declared: Separators,
  declaredEnd: number,
  line: number,
  column: number,
): SeparatorCorrection | null {
  const header = readHeader(text, unaAt);
  if (!header) return null;
  const fits =
    header.tagAt >= declaredEnd &&
    declared.element === header.element &&
    (header.component === null || declared.component === header.component) &&
    declaredTerminatorEndsHeader(text, header.tagAt, declared);
  if (fits || header.segment === null) return null;
  const component = header.component ?? declared.component;
  const structural = [component, header.element, header.segment];
  if (new Set(structural).size !== 3) return null;
  let adviceEnd = header.tagAt;
  while (adviceEnd > unaAt + 3 && isLayout(text.charCodeAt(adviceEnd - 1))) adviceEnd--;
  const advice = text.slice(unaAt + 3, Math.min(adviceEnd, unaAt + 9));
  const others = chooseReleaseAndOthers(
    text,
    header.tagAt,
    remainingServiceCharacters(advice, structural),
    structural,
  );
  const separators: Separators = {
    component,
    element: header.element,
    segment: header.segment,
    ...others,
  };
  if (separators.release && structural.includes(separators.release)) separators.release = '';
  return {
    separators,
    end: header.tagAt,
    warning: issueAt(
      { index: 0, line, column, tag: 'UNA' },
      'una-corrected',
      `UNA "${advice.replace(/[\r\n]/g, ' ')}" (${advice.length} service characters) does not fit the interchange header; separators read from the header instead: ${describe(separators)}`,
    ),
  };
}
