/**
 * Safe patterns for the `matches` operator. Not regular expressions: a wildcard language that
 * cannot backtrack catastrophically.
 *
 *   *        any run of characters, also none
 *   ?        exactly one character
 *   [abc]    one of the characters; ranges [a-z0-9]; negated [!abc] or [^abc]
 *   \x       the character x itself (to match * ? [ ] \ ( ) | { } ^ $)
 *
 * A pattern matches the WHOLE value (write `*word*` for "contains"), after the same folding as
 * the field's values (case, diacritics; document numbers on A-Z0-9; phones on digits). Regular
 * expression syntax `( ) | { } ^ $` is refused rather than taken literally, so that nobody
 * believes a regular expression was applied. Matching is the greedy wildcard algorithm with a
 * single resume point: worst case O(value length x pattern length), pattern at most
 * MAX_PATTERN_LENGTH characters — linear in the value, whatever the pattern. Patterns of
 * literals and stars only take a faster path of native prefix/suffix/substring searches.
 */

export const MAX_PATTERN_LENGTH = 200;

const LITERAL = 0;
const ANY_ONE = 1;
const CLASS = 2;
const STAR = 3;

interface CharacterClass {
  /** Inclusive ranges of UTF-16 code units, as [low0, high0, low1, high1 ...]. */
  ranges: number[];
  negated: boolean;
}

export type PatternResult = { ok: true; test: (value: string) => boolean } | { ok: false; message: string };

/** Folds one pattern character the way the field folds its values ('' when the field drops it). */
export type CharacterFold = (character: string) => string;

const REGEX_SYNTAX = new Set(['(', ')', '|', '{', '}', '^', '$']);

/** Compiles a pattern to a matcher, or says what is wrong with it. */
export function compilePattern(pattern: string, fold: CharacterFold): PatternResult {
  if (pattern.length === 0) return { ok: false, message: 'the pattern is empty' };
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, message: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  const kinds: number[] = [];
  const codes: number[] = [];
  const classes: (CharacterClass | null)[] = [];
  const push = (kind: number, code = 0, characterClass: CharacterClass | null = null) => {
    if (kind === STAR && kinds[kinds.length - 1] === STAR) return;
    kinds.push(kind);
    codes.push(code);
    classes.push(characterClass);
  };
  const pushLiteral = (character: string) => {
    for (const folded of fold(character)) push(LITERAL, folded.charCodeAt(0));
  };
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i];
    if (character === '\\') {
      if (i + 1 >= pattern.length) return { ok: false, message: 'the pattern ends with a lone \\' };
      pushLiteral(pattern[++i]);
    } else if (character === '*') push(STAR);
    else if (character === '?') push(ANY_ONE);
    else if (character === '[') {
      const parsed = parseClass(pattern, i + 1, fold);
      if ('message' in parsed) return { ok: false, message: parsed.message };
      push(CLASS, 0, parsed.characterClass);
      i = parsed.end;
    } else if (character === ']') {
      return { ok: false, message: `"]" at position ${i + 1} closes no "["; write \\] for the character` };
    } else if (REGEX_SYNTAX.has(character)) {
      return {
        ok: false,
        message: `"${character}" at position ${i + 1}: patterns are not regular expressions; use * ? and [...], or write \\${character} for the character`,
      };
    } else pushLiteral(character);
  }
  const literalsAndStars = kinds.every((kind) => kind === LITERAL || kind === STAR);
  return {
    ok: true,
    test: literalsAndStars
      ? segmentMatcher(kinds, codes)
      : matcher(Int8Array.from(kinds), Int32Array.from(codes), classes),
  };
}

function parseClass(
  pattern: string,
  start: number,
  fold: CharacterFold,
): { characterClass: CharacterClass; end: number } | { message: string } {
  let i = start;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: number[] = [];
  let members = 0;
  const foldOne = (character: string) => {
    const folded = fold(character);
    return folded.length === 1 ? folded.charCodeAt(0) : -1;
  };
  for (; i < pattern.length && (pattern[i] !== ']' || members === 0); i++) {
    let low = pattern[i];
    if (low === '\\' && i + 1 < pattern.length) low = pattern[++i];
    let high = low;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      high = pattern[i + 2] === '\\' && i + 3 < pattern.length ? pattern[i + 3] : pattern[i + 2];
      i += pattern[i + 2] === '\\' ? 3 : 2;
      if (high < low) return { message: `the range ${low}-${high} in [...] runs backwards` };
    }
    members++;
    const foldedLow = foldOne(low);
    const foldedHigh = foldOne(high);
    // A range folds at its ends (A-Z becomes a-z); a character the field drops matches nothing.
    if (foldedLow >= 0 && foldedHigh >= 0)
      ranges.push(Math.min(foldedLow, foldedHigh), Math.max(foldedLow, foldedHigh));
  }
  if (i >= pattern.length) return { message: `"[" at position ${start} is never closed` };
  return { characterClass: { ranges, negated }, end: i };
}

function inClass(characterClass: CharacterClass, code: number): boolean {
  const { ranges } = characterClass;
  let found = false;
  for (let r = 0; r < ranges.length; r += 2) {
    if (code >= ranges[r] && code <= ranges[r + 1]) {
      found = true;
      break;
    }
  }
  return found !== characterClass.negated;
}

/**
 * The common case, literals and stars only ("PETR*VIC", "*COCA*"): the first segment is a
 * prefix, the last a suffix, the ones between are found left to right with native searches.
 */
function segmentMatcher(kinds: number[], codes: number[]): (value: string) => boolean {
  const segments: string[] = [''];
  kinds.forEach((kind, i) => {
    if (kind === STAR) segments.push('');
    else segments[segments.length - 1] += String.fromCharCode(codes[i]);
  });
  const [first] = segments;
  if (segments.length === 1) return (value) => value === first;
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1).filter((segment) => segment !== '');
  const fixed = first.length + last.length;
  return (value) => {
    if (value.length < fixed || !value.startsWith(first) || !value.endsWith(last)) return false;
    let from = first.length;
    const end = value.length - last.length;
    for (let i = 0; i < middle.length; i++) {
      const at = value.indexOf(middle[i], from);
      if (at < 0 || at + middle[i].length > end) return false;
      from = at + middle[i].length;
    }
    return true;
  };
}

function matcher(kinds: Int8Array, codes: Int32Array, classes: (CharacterClass | null)[]) {
  const length = kinds.length;
  const matchesOne = (token: number, code: number): boolean => {
    const kind = kinds[token];
    if (kind === LITERAL) return codes[token] === code;
    if (kind === ANY_ONE) return true;
    return inClass(classes[token]!, code);
  };
  // Greedy wildcard matching: on a mismatch, resume after the last star with one more character
  // given to it. Never more than one resume point, hence no exponential backtracking.
  return (value: string): boolean => {
    let i = 0;
    let token = 0;
    let starToken = -1;
    let starPosition = 0;
    while (i < value.length) {
      if (token < length && kinds[token] === STAR) {
        starToken = token++;
        starPosition = i;
      } else if (token < length && matchesOne(token, value.charCodeAt(i))) {
        i++;
        token++;
      } else if (starToken >= 0) {
        token = starToken + 1;
        i = ++starPosition;
      } else return false;
    }
    while (token < length && kinds[token] === STAR) token++;
    return token === length;
  };
}
