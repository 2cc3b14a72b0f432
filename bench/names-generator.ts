/**
 * Watchlist entries and screening queries for the name benchmark, combined from real name
 * lists read in place from ../shared/corpus/names (UN and OFAC lists, the OpenSanctions
 * synthetic persons, Serbian names, Wikidata Russian name pairs). Nothing is copied into the
 * repository: the parts are recombined in memory at run time.
 */
import type { PersonQuery, WatchlistName } from '../src/names/api.js';
import { transliterateCyrillic } from '../src/names/transliterate-cyrillic.js';
import { pick, passportForm, type Culture, type NamePools, type Random } from './names-cultures.js';

export { loadNamePools } from './names-cultures.js';

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

/** Listed persons altered (half by default), and new persons built from the same parts. */
export function generateQueries(
  pools: NamePools,
  entries: readonly WatchlistName[],
  count: number,
  random: Random,
  alteredShare = 0.5,
): PersonQuery[] {
  return Array.from({ length: count }, () => {
    if (random() < alteredShare) return alteredQuery(pick(entries, random), random);
    const person = composePerson(pools, random);
    return {
      name: person.parts.map((part) => person.culture.render(part, random)).join(' '),
      dateOfBirth: randomDate(random),
      nationality: pick(person.culture.nationalities, random),
    };
  });
}
