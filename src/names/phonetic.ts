/**
 * Phonetic keys for ASCII name parts. Soundex and Metaphone are built for English; the names
 * here are South Slavic, Albanian, Turkish, Arabic and Russian written by people who spell
 * the same sound differently (DJ / GJ / XH / DZH, C / CH / TS / KJ, KH / H, J / Y / I), so
 * the classes below follow those spellings instead.
 */

/** Longest spellings first; each maps to one class letter. */
const SOUND_RULES: ReadonlyArray<readonly [string, string]> = [
  ['tsch', 'c'],
  ['shch', 's'],
  ['dzh', 'J'],
  ['sch', 's'],
  ['tch', 'c'],
  ['dj', 'J'],
  ['gj', 'J'],
  ['xh', 'J'],
  ['dz', 'J'],
  ['ch', 'c'],
  ['cz', 'c'],
  ['ts', 'c'],
  ['tz', 'c'],
  ['sh', 's'],
  ['sz', 's'],
  ['zh', 'z'],
  ['kh', 'h'],
  ['gh', 'g'],
  ['ph', 'f'],
  ['th', 't'],
  ['dh', 'd'],
  ['ck', 'k'],
  ['ou', 'u'],
  ['oo', 'u'],
  ['ee', 'i'],
  ['ae', 'e'],
  ['oe', 'o'],
  ['ue', 'u'],
  ['q', 'k'],
  ['x', 'ks'],
  ['w', 'v'],
  ['y', 'i'],
  ['j', 'i'],
];

const VOWELS = 'aeiou';

function isVowel(character: string | undefined): boolean {
  return character !== undefined && VOWELS.includes(character);
}

type Rules = ReadonlyArray<readonly [string, string]>;

/** Rules grouped by their first letter, so that each position checks only its candidates. */
const ruleIndex = new WeakMap<Rules, Map<string, Rules>>();

function rulesByFirstLetter(rules: Rules): Map<string, Rules> {
  let index = ruleIndex.get(rules);
  if (!index) {
    const grouped = new Map<string, Array<readonly [string, string]>>();
    for (const rule of rules) {
      const list = grouped.get(rule[0][0]) ?? [];
      list.push(rule);
      grouped.set(rule[0][0], list);
    }
    index = grouped;
    ruleIndex.set(rules, index);
  }
  return index;
}

function applyRules(text: string, rules: Rules): string {
  const index = rulesByFirstLetter(rules);
  let out = '';
  let at = 0;
  outer: while (at < text.length) {
    const candidates = index.get(text[at]);
    if (candidates) {
      for (const [from, to] of candidates) {
        if (text.startsWith(from, at)) {
          out += to;
          at += from.length;
          continue outer;
        }
      }
    }
    out += text[at];
    at++;
  }
  return out;
}

function collapseRepeats(text: string): string {
  let out = '';
  for (const character of text) if (!out.endsWith(character)) out += character;
  return out;
}

/**
 * Sound key: spelling classes merged, vowels kept, doubled letters and a final -h after a
 * vowel dropped. DJORDJEVIC, GJORGJEVIKJ and Đorđević (folded) all give "JorJevic".
 */
export function soundKey(ascii: string): string {
  return soundKeys(ascii)[0];
}

/**
 * The sound key, and when the word ends in a vowel and H (Abdullah, Jumah) also the key with
 * that H kept, so that a misspelling built on either (Abdullaha) stays one letter away.
 */
export function soundKeys(ascii: string): string[] {
  let text = ascii.toLowerCase().replace(/[^a-z]/g, '');
  // Macedonian KJ (Ќ) at the end of a word or before a vowel is the C of Serbian Ć.
  text = text.replace(/kj(?=[aeiou]|$)/g, 'c');
  const out = collapseRepeats(applyRules(text, SOUND_RULES));
  if (out.length > 2 && out.endsWith('h') && isVowel(out[out.length - 2])) return [out.slice(0, -1), out];
  return [out];
}

const SKELETON_RULES: ReadonlyArray<readonly [string, string]> = [
  ['shch', 's'],
  ['sch', 's'],
  ['tch', 'C'],
  ['dzh', 'j'],
  ['kh', 'k'],
  ['gh', 'g'],
  ['sh', 's'],
  ['ch', 'C'],
  ['th', 't'],
  ['dh', 'd'],
  ['zh', 'z'],
  ['ph', 'f'],
  ['dj', 'j'],
  ['gj', 'j'],
  ['xh', 'j'],
  ['ck', 'k'],
  ['ts', 'C'],
  ['q', 'k'],
  ['x', 'ks'],
];

/**
 * Consonant skeleton, the alphabet `arabicSkeleton` also writes in: vowels dropped, W and Y
 * kept only before a vowel (where they are consonants), doubled letters merged. MOHAMMED,
 * Muhammad and محمد all give "mhmd".
 */
export function skeletonKey(ascii: string): string {
  let text = ascii.toLowerCase().replace(/[^a-z]/g, '');
  if (text.length > 2 && text.endsWith('h') && isVowel(text[text.length - 2])) text = text.slice(0, -1);
  text = applyRules(text, SKELETON_RULES);
  let out = '';
  for (let index = 0; index < text.length; index++) {
    let character = text[index];
    if (character === 'w' || character === 'y') {
      if (index > 0 && !isVowel(text[index + 1])) continue;
      character = character === 'w' ? 'v' : 'y';
    } else if (character === 'c') {
      // Romance C before E/I is S (Belkacem), otherwise K; CH and TS have become "C" above.
      character = text[index + 1] === 'e' || text[index + 1] === 'i' ? 's' : 'k';
    } else if (isVowel(character)) continue;
    if (!out.endsWith(character)) out += character;
  }
  return out;
}

/**
 * A Latin spelling in the alphabet of `arabicPatterns`: the skeleton's consonant classes with
 * the vowels kept, W and Y read as vowels (U, I) unless a vowel follows.
 */
export function latinPattern(ascii: string): string {
  const text = applyRules(ascii.toLowerCase().replace(/[^a-z]/g, ''), SKELETON_RULES);
  let out = '';
  for (let index = 0; index < text.length; index++) {
    let character = text[index];
    const next = text[index + 1];
    if (character === 'w') character = isVowel(next) ? 'v' : 'u';
    else if (character === 'y') character = isVowel(next) || index === 0 ? 'y' : 'i';
    else if (character === 'c') character = next === 'e' || next === 'i' ? 's' : 'k';
    if (!out.endsWith(character)) out += character;
  }
  return out;
}

/** A sound key with every run of vowels as one placeholder: Mohammed and Muhammad share m*h*m*d. */
export function frameKey(sound: string): string {
  return sound.replace(/[aeiou]+/g, '*');
}
