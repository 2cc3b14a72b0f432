/**
 * Reading the evaluation corpus in ../shared/corpus/names (see its SOURCES.md). Nothing here
 * is copied into the project: the INTERPOL export (CC BY-NC) and the Serbian name lists (GPL)
 * are read in place, and the script says so when the folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The corpus folder: NAMES_CORPUS_DIR, or ../shared/corpus/names beside the project. */
export const corpusDirectory = process.env.NAMES_CORPUS_DIR ?? resolve(projectRoot, '../shared/corpus/names');

export function corpusPath(relative: string): string {
  return resolve(corpusDirectory, relative);
}

export function corpusHas(relative: string): boolean {
  return existsSync(corpusPath(relative));
}

export function readCorpus(relative: string): string {
  return readFileSync(corpusPath(relative), 'utf8');
}

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += character;
      continue;
    }
    if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (field || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV with a header row as records. */
export function readCsvRecords(relative: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readCorpus(relative));
  return rows
    .filter((row) => row.length > 1 || row[0])
    .map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? ''])));
}

/** A person of the OpenSanctions/yente benchmark files. */
export interface BenchmarkPerson {
  fullName: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'male' | 'female' | 'other';
}

export function readBenchmarkPersons(relative: string): BenchmarkPerson[] {
  return readCsvRecords(relative).map((record) => ({
    fullName: record.full_name,
    dateOfBirth: record.date_of_birth || undefined,
    nationality: record.nationality || undefined,
    sex:
      record.gender === 'male' || record.gender === 'female' || record.gender === 'other'
        ? record.gender
        : undefined,
  }));
}

/** Wikidata transliteration pairs: `latin<TAB>c y r i l l i c<TAB>count`. */
export function readTransliterationPairs(
  relative: string,
): Array<{ latin: string; other: string; count: number }> {
  return readCorpus(relative)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [latin, spaced, count] = line.split('\t');
      return { latin, other: spaced.split(' ').join(''), count: Number(count) || 1 };
    });
}

/** The Serbian surname list, Cyrillic, grouped by initial letter in the file. */
export function readSerbianSurnames(): string[] {
  const grouped = JSON.parse(readCorpus('serbian-names/surnames_cyrillic.json')) as Record<string, string[]>;
  return [...new Set(Object.values(grouped).flat())];
}

export function readSerbianGivenNames(): Array<{ name: string; sex: string }> {
  return JSON.parse(readCorpus('serbian-names/given_names_latin_vocative.json')) as Array<{
    name: string;
    sex: string;
  }>;
}

/** A small deterministic generator, so that every run samples the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
