/**
 * The UN Security Council consolidated list (XML) and the OFAC SDN list (CSV) as
 * WatchlistName entries, for evaluation only; the product's importers live in src/watchlists.
 */
import type { IdentityDocument, Sex, WatchlistName } from '../src/names/api.js';
import { parseCsv, readCorpus } from './eval-names-data.js';

const UN_FILE = 'un-sc-consolidated/consolidated_2026-05-08.xml';
const OFAC_FILE = 'ofac-sdn/sdn_2024-05-03.csv';
export { OFAC_FILE, UN_FILE };

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .trim();
}

function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
}

function field(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? decodeXml(match[1]) : '';
}

function sexOf(text: string): Sex | undefined {
  const match = /\b(male|female)\b/i.exec(text);
  return match ? (match[1].toLowerCase() as Sex) : undefined;
}

/** Years of a range ("1963 to 1965") as separate dates, as lists mean "one of these". */
function yearRange(from: number, to: number): string[] {
  if (!(from > 1000) || !(to >= from) || to - from > 10) return from > 1000 ? [String(from)] : [];
  return Array.from({ length: to - from + 1 }, (_, offset) => String(from + offset));
}

function unDates(block: string): string[] {
  const dates: string[] = [];
  for (const date of blocks(block, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const exact = field(date, 'DATE');
    const year = field(date, 'YEAR');
    if (exact) dates.push(exact.slice(0, 10));
    else if (year) dates.push(year);
    else dates.push(...yearRange(Number(field(date, 'FROM_YEAR')), Number(field(date, 'TO_YEAR'))));
  }
  return dates;
}

export function readUnList(): WatchlistName[] {
  const xml = readCorpus(UN_FILE);
  const entries: WatchlistName[] = [];
  for (const block of blocks(xml, 'INDIVIDUAL')) {
    const id = field(block, 'DATAID');
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((tag) => field(block, tag))
      .filter(Boolean)
      .join(' ');
    const aliases = blocks(block, 'INDIVIDUAL_ALIAS')
      .map((alias) => field(alias, 'ALIAS_NAME'))
      .filter(Boolean);
    const original = field(block, 'NAME_ORIGINAL_SCRIPT');
    const documents: IdentityDocument[] = blocks(block, 'INDIVIDUAL_DOCUMENT')
      .map((document) => ({
        type: field(document, 'TYPE_OF_DOCUMENT') || undefined,
        number: field(document, 'NUMBER'),
        issuingState: field(document, 'ISSUING_COUNTRY') || field(document, 'COUNTRY_OF_ISSUE') || undefined,
      }))
      .filter((document) => document.number);
    entries.push({
      id: `un-${id}`,
      entryId: id,
      kind: 'person',
      names: [...new Set([primary, ...aliases, ...(original ? [original] : [])])].filter(Boolean),
      datesOfBirth: unDates(block),
      nationalities: blocks(block, 'NATIONALITY').flatMap((nationality) =>
        blocks(nationality, 'VALUE').map(decodeXml),
      ),
      sex: sexOf(field(block, 'GENDER') || (/Gender:\s*\w+/i.exec(field(block, 'COMMENTS1'))?.[0] ?? '')),
      documents,
    });
  }
  for (const block of blocks(xml, 'ENTITY')) {
    const id = field(block, 'DATAID');
    const aliases = blocks(block, 'ENTITY_ALIAS')
      .map((alias) => field(alias, 'ALIAS_NAME'))
      .filter(Boolean);
    entries.push({
      id: `un-${id}`,
      entryId: id,
      kind: 'organisation',
      names: [field(block, 'FIRST_NAME'), ...aliases].filter(Boolean),
    });
  }
  return entries;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "DOB 11 Dec 1974", "DOB 1964", "alt. DOB 1963 to 1965", "DOB circa 1970", "DOB Jan 1960". */
function ofacDates(remarks: string): string[] {
  const dates: string[] = [];
  for (const match of remarks.matchAll(/DOB ([^;]+)/g)) {
    const text = match[1].replace(/circa\s*/i, '').trim();
    const range = /^(?:\d{1,2} \w{3} )?(\d{4}) to (?:\d{1,2} \w{3} )?(\d{4})/.exec(text);
    if (range) {
      dates.push(...yearRange(Number(range[1]), Number(range[2])));
      continue;
    }
    const full = /^(\d{1,2}) (\w{3}) (\d{4})/.exec(text);
    if (full) {
      const month = MONTHS.indexOf(full[2].toLowerCase()) + 1;
      dates.push(
        month > 0 ? `${full[3]}-${String(month).padStart(2, '0')}-${full[1].padStart(2, '0')}` : full[3],
      );
      continue;
    }
    const year = /(\d{4})/.exec(text);
    if (year) dates.push(year[1]);
  }
  return dates;
}

function ofacAliases(remarks: string): string[] {
  return [...remarks.matchAll(/[afn]\.k\.a\.,? '([^']+)'/g)].map((match) => match[1]);
}

export function readOfacList(): WatchlistName[] {
  const entries: WatchlistName[] = [];
  for (const row of parseCsv(readCorpus(OFAC_FILE))) {
    const [id, name, type, , , , , , , , , remarks = ''] = row.map((value) => value.trim());
    if (!id || !name) continue;
    if (type === 'vessel' || type === 'aircraft') continue;
    const person = type === 'individual';
    const names = [name, ...ofacAliases(remarks)];
    if (!person) {
      entries.push({ id: `ofac-${id}`, entryId: id, kind: 'organisation', names });
      continue;
    }
    const nationalities = [...remarks.matchAll(/(?:nationality|citizen) ([^;.]+)/g)].map((match) =>
      match[1].trim(),
    );
    const documents = [
      ...remarks.matchAll(/Passport ([A-Z0-9 -]+?)(?: \(([^)]+)\))?(?:;|\.| issued| expires)/g),
    ].map((match) => ({ type: 'Passport', number: match[1], issuingState: match[2] }));
    entries.push({
      id: `ofac-${id}`,
      entryId: id,
      kind: 'person',
      names,
      datesOfBirth: ofacDates(remarks),
      nationalities,
      sex: sexOf(/Gender (\w+)/.exec(remarks)?.[0] ?? ''),
      documents,
    });
  }
  return entries;
}
