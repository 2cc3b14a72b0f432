/**
 * Watchlist entries and screening queries for the name benchmark, combined from real name
 * lists read in place from ../shared/corpus/names (UN and OFAC lists, the OpenSanctions
 * synthetic persons, Serbian names, Wikidata Russian name pairs). Nothing is copied into the
 * repository: the parts are recombined in memory at run time.
 */
import type { PersonQuery, WatchlistName } from '../src/names/api.js';
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

type Random = () => number;

/** Given names and surnames of one naming tradition, with the nationalities that go with it. */
interface Culture {
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

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
const unique = (items: Iterable<string>) => [
  ...new Set([...items].filter((item) => item && item.length > 1)),
];
const titleCase = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1).toLocaleLowerCase();

function passportForm(part: string, random: Random): string {
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

function pickCulture(pools: NamePools, random: Random): Culture {
  let roll = random() * pools.cultures.reduce((sum, culture) => sum + culture.weight, 0);
  for (const culture of pools.cultures) {
    roll -= culture.weight;
    if (roll <= 0) return culture;
  }
  return pools.cultures[0];
}

function randomDate(random: Random): string {
  const year = 1940 + Math.floor(random() * 66);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return random() < 0.75 ? `${year}-${month}-${day}` : String(year);
}

interface Person {
  parts: string[];
  culture: Culture;
}

function composePerson(pools: NamePools, random: Random): Person {
  const culture = pickCulture(pools, random);
  const parts = [pick(culture.given, random)];
  if (random() < 0.3) parts.push(pick(culture.given, random));
  parts.push(pick(culture.surnames, random));
  return { parts, culture };
}

/** Serbian Latin -> Cyrillic, for the Cyrillic aliases of Serbian entries. */
const TO_CYRILLIC: Array<[string, string]> = [
  ['lj', 'љ'],
  ['nj', 'њ'],
  ['dž', 'џ'],
  ...[...'abvgdđežzijklmnoprstćufhcčš'].map((letter, index): [string, string] => [
    letter,
    'абвгдђежзијклмнопрстћуфхцчш'[index],
  ]),
];

function toCyrillic(text: string): string {
  let lower = text.toLowerCase();
  for (const [latin, cyrillic] of TO_CYRILLIC) lower = lower.split(latin).join(cyrillic);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function generateEntries(pools: NamePools, count: number, random: Random): WatchlistName[] {
  const entries: WatchlistName[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const person = composePerson(pools, random);
    const primary = person.parts.map((part) => person.culture.render(part, random)).join(' ');
    const names = [primary];
    const roll = random();
    if (person.culture.name === 'Serbian names' && roll < 0.4) names.push(toCyrillic(person.parts.join(' ')));
    else if (roll < 0.25)
      names.push(
        `${person.parts[person.parts.length - 1].toUpperCase()}, ${person.parts.slice(0, -1).join(' ')}`,
      );
    const dateRoll = random();
    entries[index] = {
      id: `generated-${index}`,
      entryId: `generated-${index}`,
      kind: 'person',
      names,
      datesOfBirth: dateRoll < 0.85 ? [randomDate(random)] : undefined,
      nationalities: [pick(person.culture.nationalities, random)],
    };
  }
  return entries;
}

const LETTERS = 'abcdefghijklmnoprstuvz';

/** One slip of the kind that clerks and scanners make. */
function misspell(part: string, random: Random): string {
  if (part.length < 4) return part;
  const at = 1 + Math.floor(random() * (part.length - 2));
  const roll = random();
  if (roll < 0.3) return part.slice(0, at) + part[at + 1] + part[at] + part.slice(at + 2);
  if (roll < 0.55) return part.slice(0, at) + part.slice(at + 1);
  if (roll < 0.8) return part.slice(0, at) + part[at] + part.slice(at);
  return part.slice(0, at) + pick([...LETTERS], random) + part.slice(at + 1);
}

/** A query for a listed person as a traveller's data would show them: re-spelt, re-ordered, incomplete. */
function alteredQuery(entry: WatchlistName, random: Random): PersonQuery {
  let parts = pick(entry.names, random).replace(',', '').split(/\s+/);
  const roll = random();
  if (roll < 0.35) {
    const at = Math.floor(random() * parts.length);
    parts[at] = misspell(parts[at], random);
  } else if (roll < 0.6)
    parts = parts.map((part) =>
      passportForm(
        /[\u0400-\u04ff]/.test(part) ? transliterateCyrillic(part.toLowerCase(), 'serbian') : part,
        random,
      ),
    );
  else if (roll < 0.8) parts = [...parts.slice(1), parts[0]];
  else if (parts.length > 2) parts = [parts[0], parts[parts.length - 1]];
  const listed = entry.datesOfBirth?.[0];
  const shift = random() < 0.2 ? 1 : 0;
  const dateOfBirth =
    listed && random() < 0.7 ? `${Number(listed.slice(0, 4)) + shift}${listed.slice(4)}` : undefined;
  return { name: parts.join(' '), dateOfBirth, nationality: entry.nationalities?.[0] };
}

/** Half the queries are listed persons altered, half are new persons built from the same parts. */
export function generateQueries(
  pools: NamePools,
  entries: readonly WatchlistName[],
  count: number,
  random: Random,
): PersonQuery[] {
  return Array.from({ length: count }, () => {
    if (random() < 0.5) return alteredQuery(pick(entries, random), random);
    const person = composePerson(pools, random);
    return {
      name: person.parts.map((part) => person.culture.render(part, random)).join(' '),
      dateOfBirth: randomDate(random),
      nationality: pick(person.culture.nationalities, random),
    };
  });
}
