import type { NamePart } from './normalise.js';
import { latinPattern, skeletonKey, soundKeys } from './phonetic.js';
import {
  formSimilarity,
  CREDIT_FLOOR,
  spellingForm,
  spellingSimilarity,
  type SpellingForm,
} from './similarity.js';
import { arabicLatinSimilarity } from './arabic-latin.js';
import { LEARNED_CEILING, learnedTransliterationSimilarity } from './learned-transliteration.js';
import { arabicPatterns, normaliseArabic, withoutArticle } from './transliterate-arabic.js';
import { arabicSkeletons, scriptOf, spellingsOf, type Script, type Spelling } from './transliterate.js';
import { nameGroups, nationalFormGroups } from './nicknames.js';
import { abjadPatterns } from './transliterate-abjad.js';
import { isCommonSkeleton, isCommonSpelling } from './common-parts.js';
import type { PartMatchMethod } from './types.js';

/** Everything about one name part that comparisons need, computed once per distinct part. */
export interface PartFeatures {
  text: string;
  script: Script;
  spellings: Spelling[];
  sounds: string[];
  skeletons: string[];
  /** Reading patterns for Arabic-Latin comparison (arabic-latin.ts). */
  patterns: string[];
  /**
   * Arabic script only: the reading pattern under the standard reading of each letter, with
   * and without the article, for comparing with another Arabic-script part.
   */
  readings: string[];
  /** The spellings and sound keys prepared for fuzzy comparison. */
  spellingForms: SpellingForm[];
  soundForms: SpellingForm[];
  /** Groups of given names that are one name (nicknames.ts), by the first spelling. */
  nameGroups: readonly number[];
  /** Groups of the same name in related languages (nicknames.ts NATIONAL_FORMS). */
  nationalForms: readonly number[];
  /** Scripts that leave vowels out and have no table of ours: reading patterns (transliterate-abjad.ts). */
  abjadPatterns: string[];
  /** A name part that many people bear (common-parts.ts): its agreement says less. */
  common: boolean;
}

export interface PartComparison {
  similarity: number;
  method: PartMatchMethod;
  /**
   * The parts agree as another form of one name (a nickname, the name in another language)
   * or through a reading of a script without a table of ours (any-ascii, Han, Hangul): true
   * more often of different persons than a spelling is, so a name needs two agreeing parts
   * besides such ones to match on the name alone (name-score.ts, OTHER_FORM_CAP).
   */
  indirect?: boolean;
}

const NO_MATCH: PartComparison = { similarity: 0, method: 'fuzzy' };

/** Similarity given to agreements that are not letter-for-letter. */
export const SIMILARITY = {
  folded: 0.98,
  spelling: 0.96,
  sound: 0.92,
  soundFuzzyFactor: 0.95,
  nickname: 0.9,
} as const;

const FUZZY_SPELLINGS = 3;

const cache = new Map<string, PartFeatures>();
const CACHE_LIMIT = 200_000;

function computeFeatures(text: string): PartFeatures {
  const script = scriptOf(text);
  if (script === 'arabic') {
    const normalised = normaliseArabic(text);
    const patterns = arabicPatterns(normalised);
    const readings = patterns.slice(0, 1);
    const bare = withoutArticle(normalised);
    if (bare) {
      const barePatterns = arabicPatterns(bare, 2);
      for (const pattern of barePatterns) if (!patterns.includes(pattern)) patterns.push(pattern);
      if (barePatterns[0] && !readings.includes(barePatterns[0])) readings.push(barePatterns[0]);
    }
    return {
      text: normalised,
      script,
      spellings: spellingsOf(normalised, script),
      sounds: [],
      skeletons: arabicSkeletons(normalised),
      patterns,
      readings,
      spellingForms: [],
      soundForms: [],
      nameGroups: [],
      nationalForms: [],
      abjadPatterns: [],
      common: isCommonSkeleton(arabicSkeletons(normalised)),
    };
  }
  const spellings = spellingsOf(text, script);
  const sounds: string[] = [];
  const skeletons: string[] = [];
  for (const spelling of spellings) {
    for (const sound of soundKeys(spelling.ascii)) if (sound && !sounds.includes(sound)) sounds.push(sound);
    const skeleton = skeletonKey(spelling.ascii);
    if (skeleton && !skeletons.includes(skeleton)) skeletons.push(skeleton);
    // "Abdul", "Abdel", "Abul" carry the article of the next word, which Arabic script joins
    // to that word instead: عبد الحق is Abdul Haq.
    const article = /^(abd|ab)[aeiou]l$/.exec(spelling.ascii);
    if (article) {
      const bare = skeletonKey(article[1]);
      if (!skeletons.includes(bare)) skeletons.push(bare);
    }
  }
  const patterns: string[] = [];
  for (const spelling of spellings.slice(0, 3)) {
    const pattern = latinPattern(spelling.ascii);
    if (pattern && !patterns.includes(pattern)) patterns.push(pattern);
    const article = /^(abd|ab)[aeiou]l$/.exec(spelling.ascii);
    if (article && !patterns.includes(article[1])) patterns.push(article[1]);
    // Written joined, "Abdulrahman" is عبدالرحمن: the article's L read as Arabic script reads
    // it before the name that follows (Abdurrahman).
    const joined = /^(abd|ab)([aeiou])l([a-z]{3,})$/.exec(spelling.ascii);
    if (joined) {
      const reading = latinPattern(`${joined[1]}${joined[2]}${joined[3]}`);
      if (reading && !patterns.includes(reading)) patterns.push(reading);
    }
  }
  return {
    text,
    script,
    spellings,
    sounds,
    skeletons,
    patterns,
    readings: [],
    spellingForms: spellings.map((spelling) => spellingForm(spelling.ascii)),
    soundForms: sounds.map(spellingForm),
    nameGroups: spellings.length > 0 ? nameGroups(spellings[0].ascii) : [],
    nationalForms: spellings.length > 0 ? nationalFormGroups(spellings[0].ascii) : [],
    abjadPatterns:
      script === 'other' && spellings[0]?.convention === 'any-ascii'
        ? abjadPatterns(text, spellings[0].ascii)
        : [],
    common: isCommonSpelling(
      spellings.map((spelling) => spelling.ascii),
      sounds,
    ),
  };
}

/** Features of a lowercase part, cached: the same parts recur across a list and a query stream. */
export function partFeatures(text: string): PartFeatures {
  let features = cache.get(text);
  if (!features) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    features = computeFeatures(text);
    cache.set(text, features);
  }
  return features;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  for (const item of a) if (b.includes(item)) return true;
  return false;
}

/**
 * Two parts that differ by an ending that makes another name of the same root: a feminine -a
 * (Martin, Martina; Lebedev, Lebedeva), -o against -a (Antonio, Antonia), or the -i of
 * Persian and Arabic surnames made from names (Karim, Karimi; Hamid, Hamidi). Such pairs agree
 * at DERIVED_FORM at most: alike, but not a match of the part by themselves.
 */
export const DERIVED_FORM = 0.75;
const LATIN_VOWEL = /[aeiouy]/;

export function derivedForms(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 4) return false;
  // Belarusian -enka is the Ukrainian and Russian -enko (Lukashenka, Lukashenko), not another name.
  if (/enk[ao]$/.test(short) && /enk[ao]$/.test(long)) return false;
  const last = short[short.length - 1];
  if (long.length === short.length + 1) {
    const added = long[long.length - 1];
    // A final -h after a vowel (Abdullah) is often followed by a stray vowel in lists.
    return (
      (added === 'a' || added === 'i') && !LATIN_VOWEL.test(last) && last !== 'h' && long.startsWith(short)
    );
  }
  if (long.length !== short.length) return false;
  const ends = last + long[long.length - 1];
  return (ends === 'ao' || ends === 'oa') && long.startsWith(short.slice(0, -1));
}

/** Arabic script writes the -i of a surname made from a name (ی): Latin -i against none is another name. */
function derivedArabicLatin(arabicPattern: string, latinPattern: string): boolean {
  const consonant = (symbol: string | undefined) =>
    symbol !== undefined && /[a-z]/.test(symbol) && !/[aeiouy]/.test(symbol);
  const latinEnd = latinPattern.length - 1;
  const arabicEnd = arabicPattern.length - 1;
  if (latinPattern.length < 4 || arabicPattern.length < 3) return false;
  const latinNisba = latinPattern[latinEnd] === 'i' && consonant(latinPattern[latinEnd - 1]);
  const arabicNisba = arabicPattern[arabicEnd] === 'I' && consonant(arabicPattern[arabicEnd - 1]);
  if (latinNisba) return consonant(arabicPattern[arabicEnd]);
  return arabicNisba && consonant(latinPattern[latinEnd]);
}

function compareArabicWithLatin(arabic: PartFeatures, other: PartFeatures): PartComparison {
  let best = 0;
  for (const a of arabic.patterns)
    for (const b of other.patterns) {
      let similarity = arabicLatinSimilarity(a, b);
      if (similarity > DERIVED_FORM && derivedArabicLatin(a, b)) similarity = DERIVED_FORM;
      if (similarity > best) best = similarity;
    }
  return { similarity: best, method: best >= SIMILARITY.sound - 0.05 ? 'transliteration' : 'phonetic' };
}

/**
 * A Han or Hangul part read in Latin: one or two syllables that thousands of names share, so
 * that agreeing with its Latin form (Zhang, Lei) says less than a Latin name spelt alike: a
 * name in these scripts matches by name alone only just below the threshold, and with the
 * date of birth above it.
 */
export const ROMANISED_SYLLABLES = 0.84;

export function syllabic(part: PartFeatures): boolean {
  const convention = part.spellings[0]?.convention;
  return convention === 'pinyin' || convention === 'korean';
}

function compareSyllables(a: PartFeatures, b: PartFeatures): PartComparison {
  for (const spelling of a.spellings)
    for (const other of b.spellings)
      if (spelling.ascii === other.ascii)
        return { similarity: ROMANISED_SYLLABLES, method: 'transliteration', indirect: true };
  return NO_MATCH;
}

/**
 * How alike two name parts are, and by which route; scripts are bridged by transliteration.
 * Below SIMILARITY_FLOOR parts do not agree but may earn a little credit; below CREDIT_FLOOR
 * the similarity is 0. With a higher `floor` (the index asking only whether parts agree) a
 * similarity below it may come out lower than it is, never one at or above it.
 */
export function compareParts(a: PartFeatures, b: PartFeatures, floor = CREDIT_FLOOR): PartComparison {
  const comparison = compareAtAnyLevel(a, b, floor);
  if (comparison.similarity < CREDIT_FLOOR) return NO_MATCH;
  if (comparison.indirect || comparison.method === 'exact' || !(readLoosely(a, b) || readLoosely(b, a)))
    return comparison;
  return { ...comparison, indirect: true };
}

/**
 * Romanised without a table of ours from a script that leaves vowels out (Hebrew, the Indic
 * scripts, Thai ...), or compared with another script that is not Latin either (Devanagari
 * against Arabic): a reading that many different names share. Alphabets that write every
 * vowel (Armenian, Georgian, Kana) read as well as a table of ours against Latin.
 */
function readLoosely(part: PartFeatures, other: PartFeatures): boolean {
  if (part.script !== 'other') return false;
  return (
    part.spellings[0]?.convention !== 'alphabet' || (other.script !== 'latin' && other.script !== 'other')
  );
}

function compareAtAnyLevel(a: PartFeatures, b: PartFeatures, floor: number): PartComparison {
  if (a.text === b.text) return { similarity: 1, method: 'exact' };
  if (a.script === 'arabic' || b.script === 'arabic') {
    if (a.script === b.script) {
      // The same letters read the same way: the regional readings and the consonant skeleton,
      // which bridge to Latin, would make Hasan of Ehsan and Ghul of Jalili. Spellings that
      // read alike (hamza seats, ta marbuta, Persian and Arabic yeh and kaf) share a reading.
      if (intersects(a.readings, b.readings)) return { similarity: SIMILARITY.sound, method: 'phonetic' };
      return { similarity: spellingSimilarity(a.text, b.text), method: 'fuzzy' };
    }
    return a.script === 'arabic' ? compareArabicWithLatin(a, b) : compareArabicWithLatin(b, a);
  }
  if (a.spellings.length === 0 || b.spellings.length === 0) {
    return a.script === b.script
      ? { similarity: spellingSimilarity(a.text, b.text), method: 'fuzzy' }
      : NO_MATCH;
  }
  if (syllabic(a) || syllabic(b)) return compareSyllables(a, b);
  if (a.spellings[0].ascii === b.spellings[0].ascii)
    return { similarity: SIMILARITY.folded, method: 'transliteration' };
  for (const spelling of a.spellings) {
    for (const other of b.spellings)
      if (spelling.ascii === other.ascii)
        return { similarity: SIMILARITY.spelling, method: 'transliteration' };
  }
  if (intersects(a.sounds, b.sounds)) return { similarity: SIMILARITY.sound, method: 'phonetic' };
  // The same given name in another language or as a nickname (Alyaksandr, Aleksandr; Bill, William).
  if (a.nationalForms.length > 0 && b.nationalForms.some((group) => a.nationalForms.includes(group)))
    return { similarity: SIMILARITY.nickname, method: 'transliteration' };
  if (a.nameGroups.length > 0 && b.nameGroups.some((group) => a.nameGroups.includes(group)))
    return { similarity: SIMILARITY.nickname, method: 'transliteration', indirect: true };
  // Typos are looked for between the usual spellings and the sound keys, which already
  // merge the rest; comparing every spelling with every other would cost more than it finds.
  let best = 0;
  const primaryA = a.spellingForms[0];
  const primaryB = b.spellingForms[0];
  for (let index = 0; index < Math.min(FUZZY_SPELLINGS, b.spellingForms.length); index++)
    best = Math.max(best, formSimilarity(primaryA, b.spellingForms[index], floor));
  for (let index = 1; index < Math.min(FUZZY_SPELLINGS, a.spellingForms.length); index++)
    best = Math.max(best, formSimilarity(a.spellingForms[index], primaryB, floor));
  let bestSound = 0;
  for (let i = 0; i < Math.min(FUZZY_SPELLINGS, a.soundForms.length); i++) {
    for (let j = 0; j < Math.min(FUZZY_SPELLINGS, b.soundForms.length); j++)
      bestSound = Math.max(bestSound, formSimilarity(a.soundForms[i], b.soundForms[j], floor));
  }
  bestSound *= SIMILARITY.soundFuzzyFactor;
  const ruled: PartComparison =
    bestSound > best ? { similarity: bestSound, method: 'phonetic' } : { similarity: best, method: 'fuzzy' };
  const compared = abjadReading(a, b, crossScript(a, b, ruled));
  if (compared.similarity > DERIVED_FORM && derivedForms(a.spellings[0].ascii, b.spellings[0].ascii))
    return { similarity: DERIVED_FORM, method: compared.method };
  return compared;
}

/**
 * A part of a script that leaves vowels out (Hebrew, Indic, Thai ...) against Latin: read like
 * Arabic script (arabic-latin.ts), a Latin vowel with nothing opposite almost free; taken
 * when it says more than the any-ascii spelling.
 */
function abjadReading(a: PartFeatures, b: PartFeatures, ruled: PartComparison): PartComparison {
  const [abjad, latin] = a.abjadPatterns.length > 0 ? [a, b] : [b, a];
  if (abjad.abjadPatterns.length === 0 || latin.script !== 'latin') return ruled;
  let best = 0;
  for (const pattern of abjad.abjadPatterns)
    for (const other of latin.patterns) best = Math.max(best, arabicLatinSimilarity(pattern, other));
  return best > ruled.similarity ? { similarity: best, method: 'transliteration' } : ruled;
}

/**
 * Cyrillic against Latin where the tables fall short (foreign names in Russian spelling):
 * the learned model, taken when it is more confident than the rules.
 */
function crossScript(a: PartFeatures, b: PartFeatures, ruled: PartComparison): PartComparison {
  if (ruled.similarity >= LEARNED_CEILING) return ruled;
  const [cyrillic, latin] = a.script === 'cyrillic' ? [a, b] : [b, a];
  if (cyrillic.script !== 'cyrillic' || latin.script !== 'latin') return ruled;
  const ascii = latin.spellings[0].ascii;
  // Russian spellings of foreign names run from half to two and a half times the letters.
  const ratio = ascii.length / cyrillic.text.length;
  if (ratio < 0.5 || ratio > 2.5) return ruled;
  const learned = learnedTransliterationSimilarity(cyrillic.text, ascii);
  return learned > ruled.similarity ? { similarity: learned, method: 'transliteration' } : ruled;
}

/** An initial agrees with any part that starts with the same letter, in any script. */
export function initialAgrees(initial: PartFeatures, other: PartFeatures): boolean {
  const letter = initial.spellings[0]?.ascii[0];
  if (!letter) return false;
  return other.spellings.some((spelling) => spelling.ascii[0] === letter);
}

export type { NamePart };
