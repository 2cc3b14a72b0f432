/**
 * Cyrillic -> Latin under the conventions a name of the region is actually written in:
 * the Serbian and Macedonian national Latin alphabets (what a person writes), ICAO Doc 9303
 * (what a machine-readable passport prints), and the Russian, Ukrainian and Bulgarian
 * practices found on international lists. One Cyrillic name thus yields several keys.
 */

export type CyrillicConvention = 'serbian' | 'macedonian' | 'icao' | 'russian' | 'ukrainian' | 'bulgarian';

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  і: 'i',
  ў: 'u',
  ґ: 'g',
};

/** The national Latin alphabets keep diacritics; they are folded (with their variants) later. */
const SERBIAN: Record<string, string> = {
  ...COMMON,
  ђ: 'đ',
  ћ: 'ć',
  ж: 'ž',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
  х: 'h',
  ц: 'c',
  // Letters Serbian lacks, taken as a Serbian writer would render them.
  ѓ: 'đ',
  ќ: 'ć',
  ѕ: 'dz',
  й: 'j',
  ы: 'i',
  э: 'e',
  ё: 'jo',
  ю: 'ju',
  я: 'ja',
  щ: 'šč',
  ь: '',
  ъ: '',
  є: 'je',
  ї: 'ji',
};

const MACEDONIAN: Record<string, string> = {
  ...SERBIAN,
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ђ: 'gj',
  ћ: 'kj',
  џ: 'dž',
};

/** ICAO Doc 9303 part 3, table B. */
const ICAO: Record<string, string> = {
  ...COMMON,
  ё: 'e',
  ж: 'zh',
  й: 'i',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ђ: 'd',
  ѓ: 'g',
  є: 'ie',
  ѕ: 'dz',
  ї: 'i',
  ћ: 'c',
  ќ: 'k',
  џ: 'dz',
};

/** Common English practice for Russian names (close to BGN/PCGN). */
const RUSSIAN: Record<string, string> = {
  ...ICAO,
  ё: 'yo',
  й: 'y',
  ъ: '',
  ю: 'yu',
  я: 'ya',
};

const UKRAINIAN: Record<string, string> = {
  ...RUSSIAN,
  г: 'h',
  и: 'y',
  є: 'ye',
  ї: 'yi',
};

const BULGARIAN: Record<string, string> = {
  ...RUSSIAN,
  х: 'h',
  щ: 'sht',
  ъ: 'a',
};

const TABLES: Record<CyrillicConvention, Record<string, string>> = {
  serbian: SERBIAN,
  macedonian: MACEDONIAN,
  icao: ICAO,
  russian: RUSSIAN,
  ukrainian: UKRAINIAN,
  bulgarian: BULGARIAN,
};

const VOWELS = 'аеёиоуыэюяєіїaeiou';

export function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

/** Which conventions can have produced a word, from the letters only one alphabet has. */
export function cyrillicConventions(token: string): CyrillicConvention[] {
  if (/[ђћџљњј]/.test(token)) return /[ѓќѕ]/.test(token) ? ['macedonian', 'icao'] : ['serbian', 'icao'];
  if (/[ѓќѕ]/.test(token)) return ['macedonian', 'icao'];
  if (/[єіїґ]/.test(token)) return ['ukrainian', 'icao', 'russian'];
  if (/[ыэё]/.test(token)) return ['russian', 'icao'];
  if (/ъ./.test(token) || /щ/.test(token)) return ['russian', 'bulgarian', 'icao'];
  return ['serbian', 'russian', 'icao', 'macedonian', 'ukrainian'];
}

/**
 * A lowercase Cyrillic token in one convention. The Russian convention also writes E as YE at
 * the start of a word and after a vowel, as English-language lists do.
 */
export function transliterateCyrillic(token: string, convention: CyrillicConvention): string {
  const table = TABLES[convention];
  let out = '';
  let previous = '';
  for (const character of token) {
    let latin = table[character];
    if (latin === undefined) latin = /[a-z0-9]/.test(character) ? character : '';
    if (
      character === 'е' &&
      (convention === 'russian' || convention === 'ukrainian') &&
      (previous === '' || VOWELS.includes(previous) || previous === 'ь' || previous === 'ъ')
    )
      latin = 'ye';
    out += latin;
    previous = character;
  }
  if (convention === 'russian' && /(ий|ый)$/.test(token)) out = out.replace(/(iy|yy)$/, 'y');
  return out;
}
