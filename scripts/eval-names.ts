/**
 * `npm run eval:names` (npx tsx scripts/eval-names.ts): the name engine measured on data
 * nobody on the project wrote, read in place from ../shared/corpus/names. Prints precision,
 * recall and F1 per set and the false-hit rates, and writes the "Name matching quality"
 * section of bench/RESULTS.md. Sets whose files are absent are reported as not measured.
 */
import { cpus } from 'node:os';
import { NameIndex, OPERATING_THRESHOLD } from '../src/names/api.js';
import { parseUnConsolidatedList } from '../src/watchlists/un-xml.js';
import { corpusDirectory, corpusHas, readCorpus } from './eval-names-data.js';
import { OFAC_FILE, readOfacList, readUnList, UN_FILE } from './eval-names-lists.js';
import { sectionMarkdown, writeSection } from './eval-names-report.js';
import { evaluateDevelopmentSet } from './eval-names-dev.js';
import { evaluateSerbianSurnames } from './eval-names-serbian.js';
import {
  evaluateFalseHits,
  evaluateUnPositives,
  evaluateWikidataPairs,
  type SetResult,
} from './eval-names-sets.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  log(`${label} ...`);
  const result = run();
  log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function main(): void {
  const results: SetResult[] = [];
  const absent: string[] = [];
  const missing = (files: string[]) => files.filter((file) => !corpusHas(file));
  if (!corpusHas('.')) {
    const message = `The evaluation corpus is absent: nothing at ${corpusDirectory}. Put the shared corpus there (or set NAMES_CORPUS_DIR) and run again.`;
    log(message);
    writeSection(
      new URL('../bench/RESULTS.md', import.meta.url).pathname,
      sectionMarkdown([], [message], []),
    );
    process.exitCode = 1;
    return;
  }

  // The development set first: its test part is what the threshold is judged on.
  const development = corpusHas(UN_FILE) ? timed('development set', evaluateDevelopmentSet) : undefined;
  if (development) results.push(...development.results);
  else absent.push(`Development set not measured: ${UN_FILE} absent.`);

  const yente = [
    'opensanctions-yente/positives_un_treated.csv',
    'opensanctions-yente/positives_un_untreated.csv',
  ];
  const checks: string[] = [];
  if (corpusHas(UN_FILE)) {
    // The product's importer on the whole published list, against this script's own reader.
    const imported = parseUnConsolidatedList(readCorpus(UN_FILE));
    const persons = imported.entries.filter((entry) => entry.kind === 'person').length;
    const organisations = imported.entries.filter((entry) => entry.kind === 'organisation').length;
    const expected = readUnList().filter((entry) => entry.kind === 'person').length;
    const ok = imported.errors.length === 0 && persons === expected;
    checks.push(
      `The product's UN importer (src/watchlists/un-xml.ts) reads the whole list: ${persons} individuals, ${organisations} entities, ${imported.errors.length} errors (${ok ? 'as expected' : `**expected ${expected} individuals and no error**`}).`,
    );
    if (!ok) process.exitCode = 1;
  }
  if (missing([UN_FILE, ...yente]).length === 0) {
    const un = timed('reading the UN list', readUnList);
    const unIndex = new NameIndex();
    unIndex.addAll(un);
    unIndex.build();
    results.push(timed('UN altered names', () => evaluateUnPositives(unIndex, un, true)));
    results.push(timed('UN altered names, name only', () => evaluateUnPositives(unIndex, un, false)));
    const negatives = ['opensanctions-yente/negatives_global.csv', 'opensanctions-yente/negatives_us.csv'];
    if (missing([OFAC_FILE, ...negatives]).length === 0) {
      const lists = new NameIndex();
      lists.addAll(un.filter((entry) => entry.kind === 'person'));
      lists.addAll(readOfacList().filter((entry) => entry.kind === 'person'));
      lists.build();
      results.push(timed('false hits', () => evaluateFalseHits(lists, lists.size, true)));
      results.push(timed('false hits, name only', () => evaluateFalseHits(lists, lists.size, false)));
    } else absent.push(`False hits not measured: ${missing([OFAC_FILE, ...negatives]).join(', ')} absent.`);
  } else absent.push(`UN sets not measured: ${missing([UN_FILE, ...yente]).join(', ')} absent.`);

  const russian = 'wikidata-translit-amazon/wd_russian_20.tsv';
  if (corpusHas(russian))
    results.push(
      timed('Wikidata Russian pairs', () =>
        evaluateWikidataPairs(russian, 'Wikidata Russian ↔ Latin name words', 0.95),
      ),
    );
  else absent.push(`Wikidata Russian pairs not measured: ${russian} absent.`);
  const arabic = 'wikidata-translit-amazon/wd_arabic_20.tsv';
  if (corpusHas(arabic)) {
    const result = timed('Wikidata Arabic pairs', () =>
      evaluateWikidataPairs(arabic, 'Wikidata Arabic ↔ Latin name words (no target)', 0),
    );
    results.push({ ...result, target: 'none (measured for reference)', met: true });
  }

  if (corpusHas('serbian-names/surnames_cyrillic.json')) {
    const serbian = timed('Serbian surnames', evaluateSerbianSurnames);
    results.push(serbian.forms, serbian.different);
  } else absent.push('Serbian surnames not measured: serbian-names/surnames_cyrillic.json absent.');

  const preamble = [
    `Produced by \`npm run eval:names\` (scripts/eval-names.ts) on ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, Node.js ${process.version}. Operating threshold ${OPERATING_THRESHOLD}: a score at or above it is a match.`,
    'Data read in place from ../shared/corpus/names (see its SOURCES.md); nothing of it is copied into the project. The development set (scripts/eval-names-dev-set.ts) pairs each UN and OFAC entry\'s primary name with its strong aliases that spell the same name and its name in original script (positives), with the hardest namesake of the same list (negatives, as many), and adds organisation variants made from the real names (legal forms, numbers, bracketed places and branches) and persons\' "X bin Y" against "Y bin X"; entries are split 3 : 2 into a tune part and a test part by a seeded hash. Targets on the test part: F1 ≥ 0.90 for persons and ≥ 0.88 for organisations. The Cyrillic transliteration model was trained on the Wikidata development pairs (wd_russian_16.tsv) only; the figures below are on the test pairs (wd_russian_20.tsv).',
  ];
  const section = sectionMarkdown(results, preamble, [...checks, ...absent], development?.lines ?? []);
  writeSection(new URL('../bench/RESULTS.md', import.meta.url).pathname, section);
  process.stdout.write(`${section}\n`);
  if (development)
    log(
      `development set, tune part, wrong at the threshold (sample): ${development.misses.slice(0, 30).join(' | ')}`,
    );
  for (const result of results) {
    const { misses, examples } = result as SetResult & { misses?: string[]; examples?: string[] };
    if (misses && misses.length > 0)
      log(`${result.set}, missed (sample): ${misses.slice(0, 10).join(' | ')}`);
    if (examples && examples.length > 0)
      log(`${result.set}, hits (sample): ${examples.slice(0, 20).join(' | ')}`);
  }
}

main();
