/**
 * Naming traditions for the name benchmark: given names and surnames taken from real lists
 * read in place from ../shared/corpus/names, and how each tradition writes them.
 */
import { transliterateCyrillic } from '../src/names/transliterate-cyrillic.js';
import { foldLatin } from '../src/names/transliterate-latin.js';
import {
  corpusHas,
  readBenchmarkPersons,
  readSerbianGivenNames,
  readSerbianSurnames,
  readTransliterationPairs,
} from '../scripts/eval-names-data.js';
import { readOfacList, readUnList } from '../scripts/eval-names-lists.js';

export type Random = () => number;

/** Given names and surnames of one naming tradition, with the nationalities that go with it. */
export interface Culture {
  name: string;
  weight: number;
  given: string[];
  surnames: string[];
  nationalities: string[];
  /** Writes a part as documents and lists of that tradition may: script, folding. */
  render: (part: string, random: Random) => string;
}

export interface NamePools {
  cultures: Culture[];
  sources: string[];
}

export const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
const unique = (items: Iterable<string>) => [
  ...new Set([...items].filter((item) => item && item.length > 1)),
];
const titleCase = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1).toLocaleLowerCase();

export function passportForm(part: string, random: Random): string {
  return foldLatin(part.toLowerCase().replace(/đ/g, random() < 0.5 ? 'dj' : 'd')).toUpperCase();
}

function listCulture(): Culture {
  const given: string[] = [];
  const surnames: string[] = [];
  for (const entry of [...readUnList(), ...readOfacList()]) {
    if (entry.kind !== 'person') continue;
    const [primary] = entry.names;
    if (primary.includes(',')) {
      const [last, first] = primary.split(',');
      surnames.push(...last.trim().split(/\s+/));
      given.push(...(first ?? '').trim().split(/\s+/));
    } else {
      const words = primary.split(/\s+/);
      given.push(...words.slice(0, -1));
      surnames.push(words[words.length - 1]);
    }
  }
  return {
    name: 'UN and OFAC lists',
    weight: 0.3,
    given: unique(given),
    surnames: unique(surnames),
    nationalities: ['AF', 'SY', 'IQ', 'IR', 'RU', 'KP', 'MX', 'CO', 'YE'],
    render: (part) => part.toUpperCase(),
  };
}

function serbianCulture(): Culture {
  const surnames = readSerbianSurnames();
  return {
    name: 'Serbian names',
    weight: 0.25,
    given: unique(readSerbianGivenNames().map((entry) => entry.name)),
    surnames: unique(
      surnames.map((surname) => titleCase(transliterateCyrillic(surname.toLowerCase(), 'serbian'))),
    ),
    nationalities: ['RS', 'BA', 'ME', 'MK', 'HR'],
    render: (part, random) => {
      const roll = random();
      if (roll < 0.35) return part;
      if (roll < 0.7) return passportForm(part, random);
      return part; // Cyrillic forms are added as aliases, see generateEntries.
    },
  };
}

function scriptGroup(name: string): string {
  if (/[\u0600-\u06ff]/.test(name)) return 'Arabic script';
  if (/^[\p{Script=Latin}\s'-]+$/u.test(name)) return 'Latin script';
  return 'other scripts';
}

/** The synthetic persons, kept apart by script so that one name is not half Arabic, half Hindi. */
function globalCultures(): Culture[] {
  const persons = [
    ...readBenchmarkPersons('opensanctions-yente/negatives_global.csv'),
    ...readBenchmarkPersons('opensanctions-yente/negatives_us.csv'),
  ];
  const groups = new Map<string, { given: string[]; surnames: string[]; count: number }>();
  for (const person of persons) {
    const key = scriptGroup(person.fullName);
    const group = groups.get(key) ?? { given: [], surnames: [], count: 0 };
    const words = person.fullName.split(/\s+/);
    group.given.push(...words.slice(0, -1));
    group.surnames.push(words[words.length - 1]);
    group.count++;
    groups.set(key, group);
  }
  return [...groups].map(([script, group]) => ({
    name: `OpenSanctions synthetic persons, ${script}`,
    weight: (0.35 * group.count) / persons.length,
    given: unique(group.given),
    surnames: unique(group.surnames),
    nationalities: ['US', 'GB', 'DE', 'FR', 'TR', 'AL', 'IT', 'ES', 'CN', 'IN', 'IR'],
    render: (part: string) => part,
  }));
}

function russianCulture(): Culture {
  const pairs = readTransliterationPairs('wikidata-translit-amazon/wd_russian_16.tsv');
  const cyrillic = unique(
    pairs.map((pair) => titleCase(pair.other)).filter((word) => /^[А-ЯЁа-яё]+$/.test(word)),
  );
  return {
    name: 'Wikidata Russian names',
    weight: 0.1,
    given: cyrillic.slice(0, Math.floor(cyrillic.length / 3)),
    surnames: cyrillic.slice(Math.floor(cyrillic.length / 3)),
    nationalities: ['RU', 'UA', 'BY', 'KZ'],
    render: (part, random) =>
      random() < 0.5 ? part : titleCase(transliterateCyrillic(part.toLowerCase(), 'russian')),
  };
}

/** Invented parts for when the corpus is absent, so that the benchmark still runs. */
function syllableCulture(random: Random): Culture {
  const syllables = [
    'ko',
    'va',
    'lo',
    'mir',
    'dra',
    'gan',
    'vić',
    'sto',
    'jan',
    'ne',
    'ra',
    'zo',
    'ben',
    'al',
    'ha',
    'med',
    'ri',
    'šo',
    'đu',
    'ka',
  ];
  const word = () =>
    titleCase(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables, random)).join(''));
  return {
    name: 'invented syllables',
    weight: 1,
    given: unique(Array.from({ length: 3000 }, word)),
    surnames: unique(Array.from({ length: 30000 }, word)),
    nationalities: ['RS'],
    render: (part) => part,
  };
}

export function loadNamePools(random: Random): NamePools {
  if (!corpusHas('un-sc-consolidated') || !corpusHas('serbian-names')) {
    return {
      cultures: [syllableCulture(random)],
      sources: ['invented syllables (the corpus in ../shared/corpus/names is absent)'],
    };
  }
  const cultures = [listCulture(), serbianCulture(), ...globalCultures(), russianCulture()];
  return {
    cultures,
    sources: cultures.map(
      (culture) =>
        `${culture.name} (${culture.given.length.toLocaleString('en-GB')} given names, ${culture.surnames.length.toLocaleString('en-GB')} surnames)`,
    ),
  };
}
