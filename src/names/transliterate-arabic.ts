/**
 * Arabic script (Arabic, Persian, Urdu, Pashto letters) -> Latin. Short vowels are not written
 * in Arabic script, so no table can recover "Muhammad" from محمد; what can be compared
 * reliably is the consonant skeleton, which `arabicSkeleton` gives in the same alphabet as
 * `skeletonKey` (phonetic.ts) gives for a Latin name.
 */

// Combining marks are exactly what this class removes, one at a time.
// eslint-disable-next-line no-misleading-character-class
const HARAKAT = /[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]/g;

/** Letter -> skeleton class; '' for the letters that are vowels or are not written in Latin. */
const SKELETON: Record<string, string> = {
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ٱ: '',
  ء: '',
  ئ: '',
  ؤ: '',
  ع: '',
  ى: '',
  ة: '',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 't',
  ج: 'j',
  چ: 'C',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  ژ: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ۀ: '',
  و: 'v',
  ي: 'y',
  ی: 'y',
  ې: 'y',
  ێ: 'y',
  ټ: 't',
  ډ: 'd',
  ړ: 'r',
  ږ: 'z',
  ښ: 's',
  ڼ: 'n',
  ځ: 'z',
  څ: 's',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ے: 'y',
};

/** A readable Latin rendering for explanations: consonants plus the long vowels written. */
const READING: Record<string, string> = {
  ...SKELETON,
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ى: 'a',
  ة: 'a',
  ع: "'",
  ث: 'th',
  خ: 'kh',
  ذ: 'dh',
  ش: 'sh',
  غ: 'gh',
  ق: 'q',
  چ: 'ch',
  ژ: 'zh',
  ض: 'd',
  ط: 't',
  ظ: 'z',
};

const LONG_VOWEL_LETTERS = 'اأإآٱوىيیة';

export function isArabicScript(text: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(text);
}

/** Folds presentation forms and the Persian / Arabic letter pairs, drops vowel marks. */
export function normaliseArabic(token: string): string {
  return token
    .normalize('NFKC')
    .replace(HARAKAT, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا');
}

/**
 * Waw and yeh are consonants (W/V, Y) at the start of a word and before a long vowel letter,
 * otherwise they write the long vowels U/O and I, which the skeleton drops.
 */
function isConsonantal(token: string, index: number): boolean {
  if (index === 0) return true;
  const next = token[index + 1];
  return next !== undefined && LONG_VOWEL_LETTERS.includes(next);
}

/**
 * Letters pronounced differently across the Arabic-script world, with the other reading:
 * ث is T in Arabic (Uthman) but S in Persian and Pashto (Wasiq); ق is G in the Maghreb
 * (Belgacem) and ج in Egypt (Gamal); ذ ض ظ are Z in Persian.
 */
const OTHER_READING: Record<string, string> = { ث: 's', ذ: 'z', ض: 'z', ظ: 'd', ق: 'g', ج: 'g' };

function skeletonWith(text: string, swapped: string | undefined): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    let cls = character === swapped ? OTHER_READING[character] : (SKELETON[character] ?? '');
    if ((character === 'و' || character === 'ی') && !isConsonantal(text, index)) cls = '';
    // Final heh is the feminine ending (-a, -ah) far more often than a consonant.
    if (character === 'ه' && index === text.length - 1 && index > 1) cls = '';
    if (cls && !out.endsWith(cls)) out += cls;
  }
  return out;
}

/** The consonant skeleton, then the skeletons under the other regional readings. */
export function arabicSkeletonVariants(token: string, limit = 4): string[] {
  const text = normaliseArabic(token);
  const variants = [skeletonWith(text, undefined)];
  for (const character of new Set(text)) {
    if (variants.length >= limit) break;
    if (OTHER_READING[character] === undefined) continue;
    const variant = skeletonWith(text, character);
    if (!variants.includes(variant)) variants.push(variant);
  }
  return variants;
}

export function arabicSkeleton(token: string): string {
  return skeletonWith(normaliseArabic(token), undefined);
}

/** Letters that take over the article's lam (sun letters); the lam itself is left out (الله is no article). */
const SUN_LETTERS = 'تثدذرزسشصضطظن';

/**
 * An alif that starts the article al-: at the start of the word, or inside it after a word of
 * three letters or more written together with it (عبدالرحمن), not the alif of خالد.
 */
function isArticleAt(text: string, index: number): boolean {
  return (index === 0 || index >= 3) && text[index] === 'ا' && text[index + 1] === 'ل';
}

/**
 * The letters as the Arabic-Latin comparison reads them: consonant classes as in the skeleton,
 * long vowels A (alif), U (waw), I (yeh), E for ayn and hamza (which Latin writes as a vowel,
 * an apostrophe or not at all), T for the final -a / -ah / -at (ta marbuta, final heh).
 */
function patternWith(text: string, swapped: string | undefined): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    let symbol: string;
    // Hamza and ayn, an initial alif, and the alif of the article joined inside a word
    // (عبدالمنان, Abdul Manan) are written in Latin as any vowel or not at all.
    const articleAlif = character === 'ا' && text[index + 1] === 'ل' && index > 0;
    // The article's lam before a sun letter is said as that letter, and Latin writes it so
    // (الدين, ud-Din; عبد الرحمن, Abdur Rahman): like a vowel, or not at all.
    const assimilatedLam =
      character === 'ل' && isArticleAt(text, index - 1) && SUN_LETTERS.includes(text[index + 1] ?? '');
    if (
      'ءئؤعأإ'.includes(character) ||
      articleAlif ||
      assimilatedLam ||
      (index === 0 && 'اآ'.includes(character))
    )
      symbol = 'E';
    else if ('اآٱى'.includes(character)) symbol = 'A';
    else if (
      character === 'ة' ||
      character === 'ۀ' ||
      (character === 'ه' && index === text.length - 1 && index > 1)
    )
      symbol = 'T';
    else if (character === 'و') symbol = isConsonantal(text, index) ? 'v' : 'U';
    else if (character === 'ی') symbol = isConsonantal(text, index) ? 'y' : 'I';
    else symbol = character === swapped ? OTHER_READING[character] : (SKELETON[character] ?? '');
    if (symbol && !(out.endsWith(symbol) && symbol !== 'E')) out += symbol;
  }
  return out;
}

/** Reading patterns of an Arabic-script part (see `patternWith`), under the regional readings. */
export function arabicPatterns(token: string, limit = 4): string[] {
  const text = normaliseArabic(token);
  const patterns = [patternWith(text, undefined)];
  for (const character of new Set(text)) {
    if (patterns.length >= limit) break;
    if (OTHER_READING[character] === undefined) continue;
    const pattern = patternWith(text, character);
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  return patterns.filter(Boolean);
}

/** The definite article al- written joined to the word, as Arabic always writes it. */
export function withoutArticle(token: string): string | undefined {
  const text = normaliseArabic(token);
  return text.startsWith('ال') && text.length > 3 ? text.slice(2) : undefined;
}

export function arabicReading(token: string): string {
  const text = normaliseArabic(token);
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    let latin = READING[character] ?? '';
    if (character === 'و') latin = isConsonantal(text, index) ? 'w' : 'u';
    if (character === 'ی') latin = isConsonantal(text, index) ? 'y' : 'i';
    out += latin;
  }
  return out;
}
