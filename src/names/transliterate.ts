import {
  arabicReading,
  arabicSkeletonVariants,
  isArabicScript,
  withoutArticle,
} from './transliterate-arabic.js';
import { cyrillicConventions, isCyrillic, transliterateCyrillic } from './transliterate-cyrillic.js';
import { greekVariants, isGreek } from './transliterate-greek.js';
import { latinVariants } from './transliterate-latin.js';
import { otherScriptSpellings, pinyinVariants } from './transliterate-other.js';

export type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'other';

/** One ASCII spelling of a name part and the practice that gives it. */
export interface Spelling {
  ascii: string;
  /** 'latin' (diacritics folded), 'serbian', 'macedonian', 'icao', 'russian', 'greek', 'arabic' ... */
  convention: string;
}

const MAX_SPELLINGS = 12;

export function scriptOf(text: string): Script {
  if (isCyrillic(text)) return 'cyrillic';
  if (isArabicScript(text)) return 'arabic';
  if (isGreek(text)) return 'greek';
  if (/^[\p{Script=Latin}\p{N}\p{M}]+$/u.test(text)) return 'latin';
  return /\p{Script=Latin}/u.test(text) ? 'latin' : 'other';
}

function add(spellings: Spelling[], ascii: string, convention: string): void {
  if (!ascii || spellings.length >= MAX_SPELLINGS) return;
  if (!spellings.some((spelling) => spelling.ascii === ascii)) spellings.push({ ascii, convention });
}

/**
 * The ASCII spellings a lowercase name part is found under, the most usual first: for
 * Ђорђевић the Serbian Latin forms (dordevic, djordjevic, dordevich ...) then the ICAO one.
 * Other scripts (Han, Hangul, Kana, Hebrew, Thai, Indic ...) through transliterate-other.ts.
 */
export function spellingsOf(text: string, script: Script = scriptOf(text)): Spelling[] {
  const spellings: Spelling[] = [];
  switch (script) {
    case 'latin':
      for (const ascii of latinVariants(text)) add(spellings, ascii, 'latin');
      for (const ascii of pinyinVariants(spellings[0]?.ascii ?? '')) add(spellings, ascii, 'pinyin');
      break;
    case 'other':
      for (const spelling of otherScriptSpellings(text)) {
        add(spellings, spelling.ascii, spelling.convention);
        if (spelling.convention === 'pinyin')
          for (const ascii of pinyinVariants(spelling.ascii)) add(spellings, ascii, 'pinyin');
      }
      break;
    case 'cyrillic':
      for (const convention of cyrillicConventions(text)) {
        for (const ascii of latinVariants(transliterateCyrillic(text, convention), 4))
          add(spellings, ascii, convention);
      }
      break;
    case 'greek':
      for (const ascii of greekVariants(text)) add(spellings, ascii, 'greek');
      break;
    case 'arabic':
      add(spellings, arabicReading(text), 'arabic');
      break;
    default:
      break;
  }
  return spellings;
}

/** The national Latin form with diacritics, for display: Ђорђевић -> Đorđević. */
export function nationalLatin(text: string): string {
  if (!isCyrillic(text)) return text;
  const convention = cyrillicConventions(text)[0];
  return transliterateCyrillic(text, convention);
}

/** Consonant skeletons of an Arabic-script part, with and without the joined article. */
export function arabicSkeletons(text: string): string[] {
  const skeletons = arabicSkeletonVariants(text);
  const bare = withoutArticle(text);
  if (bare) {
    for (const skeleton of arabicSkeletonVariants(bare, 2))
      if (!skeletons.includes(skeleton)) skeletons.push(skeleton);
  }
  return skeletons.filter((skeleton) => skeleton.length > 0);
}
