/**
 * PAXLST parsing speed: our EDIFACT tokenizer against the npm `edifact` package on the same
 * input in the same run, each in its fastest mode and in the mode that builds arrays, then the
 * full PAXLST parse to travellers.
 * Standalone: `npx tsx bench/paxlst-parse.ts` prints the markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { decodeEdifactBytes, readInterchange, tokenize } from '../src/edifact/index.js';
import { TokenTable, tokenizeInto } from '../src/edifact/tokenizer-table.js';
import { parsePaxlst } from '../src/passengers/paxlst.js';
import { generatePaxlst } from './paxlst-generator.js';
import { median } from './results.js';

interface EdifactPackageParser {
  onopensegment(segment: string): void;
  onelement(): void;
  oncomponent(value: string): void;
  onclosesegment(): void;
  encoding(level: string): void;
  write(chunk: string): void;
  end(): void;
}
type EdifactPackageParserClass = new () => EdifactPackageParser;

const require = createRequire(import.meta.url);
const EdifactParser = require('edifact/parser.js') as EdifactPackageParserClass;

/** The `edifact` package building the same segment/element/component arrays as our tokenizer. */
function tokenizeWithEdifactPackage(text: string): number {
  const parser = new EdifactParser();
  const segments: { name: string; elements: string[][] }[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let syntaxIdentifierNext = false;
  parser.onopensegment = (name) => {
    elements = [];
    segments.push({ name, elements });
    syntaxIdentifierNext = name === 'UNB';
  };
  parser.onelement = () => {
    components = [];
    elements.push(components);
  };
  parser.oncomponent = (value) => {
    if (syntaxIdentifierNext) {
      syntaxIdentifierNext = false;
      // As its Reader does; an identifier it does not know (IATA) keeps its default, UNOA.
      try {
        parser.encoding(value);
      } catch {
        // keep the default character set
      }
    }
    components.push(value);
  };
  parser.onclosesegment = () => {};
  parser.write(text);
  parser.end();
  return segments.length;
}

/** The package with empty callbacks: its raw scanning speed, the figure usually quoted. */
function scanWithEdifactPackage(text: string): number {
  const parser = new EdifactParser();
  let count = 0;
  parser.onopensegment = () => {
    count++;
  };
  parser.onelement = () => {};
  parser.oncomponent = () => {};
  parser.onclosesegment = () => {};
  parser.write(text);
  parser.end();
  return count;
}

const table = new TokenTable();

/** Our fastest mode: offsets of every segment, element and component in a reused table, no strings. */
function tokenizeOffsets(text: string): number {
  return tokenizeInto(text, table).segmentCount;
}

/** The same, then the string of every tag and component made and dropped, as the package's empty callbacks get. */
function tokenizeOffsetsAndStrings(text: string): number {
  const read = tokenizeInto(text, table);
  let characters = 0;
  for (let token = 0; token < read.tokenCount; token++) characters += read.valueOf(token).length;
  return characters;
}

function accepts(read: (text: string) => unknown, text: string): boolean {
  try {
    read(text);
    return true;
  } catch {
    return false;
  }
}

/** Median throughput over `rounds` timed passes (after one warm-up pass), interleaved by the caller. */
function timePass(texts: readonly string[], read: (text: string) => unknown): number {
  const started = performance.now();
  for (const text of texts) read(text);
  return (performance.now() - started) / 1000;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export interface PaxlstBenchOptions {
  /** Size of the generated corpus; 300-traveller interchanges of about 74 kB each. */
  megabytes?: number;
  rounds?: number;
}

export async function benchPaxlstParse(
  options: PaxlstBenchOptions = {},
): Promise<{ markdown: string; figures: Record<string, number> }> {
  const megabytes = options.megabytes ?? 30;
  const rounds = options.rounds ?? 5;
  const corpus: string[] = [];
  let corpusBytes = 0;
  const decoder = new TextDecoder();
  for (let index = 0; corpusBytes < megabytes * 1e6; index++) {
    // Ingest decodes received bytes, so each input is one flat string, not a concatenation.
    const bytes = Buffer.from(generatePaxlst(index, 300));
    corpus.push(decoder.decode(bytes));
    corpusBytes += bytes.length;
  }
  const corpusTravellers = corpus.length * 300;

  const fixtures = new URL('../test/fixtures/edifact/', import.meta.url);
  const samples = ['paxlst', 'pnrgov'].flatMap((folder) =>
    readdirSync(new URL(folder, fixtures)).map((file) => ({
      name: `${folder}/${file}`,
      text: decodeEdifactBytes(readFileSync(new URL(`${folder}/${file}`, fixtures))).text,
    })),
  );
  const paxlstSamples = samples.filter((sample) => sample.name.startsWith('paxlst/'));
  const readByUs = samples.filter((s) => readInterchange(s.text).errors.length === 0);
  const readByPackage = samples.filter((s) => accepts(tokenizeWithEdifactPackage, s.text));
  const parsedByUs = paxlstSamples.filter((s) => parsePaxlst(s.text).errors.length === 0);
  const rejectedByPackage = paxlstSamples.filter((s) => !readByPackage.includes(s)).map((s) => s.name);
  const packageAcceptsCorpus = corpus.every((text) => accepts(tokenizeWithEdifactPackage, text));

  // Both read the corpus alike: as many segments each, none rejected by us.
  const sameSegments = corpus.every(
    (text) =>
      tokenizeInto(text, table).segmentCount === scanWithEdifactPackage(text) &&
      table.errors.length === 0 &&
      table.warnings.length === 0,
  );

  const passes = {
    offsets: [] as number[],
    offsetsStrings: [] as number[],
    ours: [] as number[],
    edifact: [] as number[],
    edifactScan: [] as number[],
    parse: [] as number[],
  };
  for (let round = 0; round <= rounds; round++) {
    const seconds = {
      offsets: timePass(corpus, tokenizeOffsets),
      edifactScan: timePass(corpus, scanWithEdifactPackage),
      offsetsStrings: timePass(corpus, tokenizeOffsetsAndStrings),
      ours: timePass(corpus, (text) => tokenize(text).segments.length),
      edifact: timePass(corpus, tokenizeWithEdifactPackage),
      parse: timePass(corpus, (text) => parsePaxlst(text).messages.length),
    };
    // Round 0 warms up the JIT; the machine is shared, so the median of the rest is reported.
    if (round === 0) continue;
    for (const key of Object.keys(passes) as (keyof typeof passes)[]) passes[key].push(seconds[key]);
  }
  const mb = corpusBytes / 1e6;
  const offsets = mb / median(passes.offsets);
  const offsetsStrings = mb / median(passes.offsetsStrings);
  const ours = mb / median(passes.ours);
  const edifact = mb / median(passes.edifact);
  const edifactScan = mb / median(passes.edifactScan);
  const parse = mb / median(passes.parse);
  const travellersPerSecond = corpusTravellers / median(passes.parse);

  const figures: Record<string, number> = {
    'corpus.megabytes': mb,
    'corpus.interchanges': corpus.length,
    'corpus.travellers': corpusTravellers,
    'tokenizer.offsets.mbPerSecond': offsets,
    'tokenizer.offsetsAndStrings.mbPerSecond': offsetsStrings,
    'tokenizer.offsets.ratioToEdifactPackageEmptyCallbacks': offsets / edifactScan,
    'tokenizer.offsetsAndStrings.ratioToEdifactPackageEmptyCallbacks': offsetsStrings / edifactScan,
    'tokenizer.mbPerSecond': ours,
    'edifactPackage.mbPerSecond': edifact,
    'edifactPackage.emptyCallbacks.mbPerSecond': edifactScan,
    'tokenizer.ratioToEdifactPackage': ours / edifact,
    'tokenizer.ratioToEdifactPackageEmptyCallbacks': ours / edifactScan,
    'parse.mbPerSecond': parse,
    'parse.travellersPerSecond': travellersPerSecond,
    'realSamples.total': samples.length,
    'realSamples.readByTokenizer': readByUs.length,
    'realSamples.readByEdifactPackage': readByPackage.length,
    'realPaxlst.total': paxlstSamples.length,
    'realPaxlst.parsed': parsedByUs.length,
  };
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const markdown = [
    `Input: ${corpus.length} generated PAXLST D05B interchanges of 300 travellers (bench/paxlst-generator.ts), ` +
      `${fixed(mb)} MB, ${corpusTravellers.toLocaleString('en-GB')} travellers, decoded from bytes and read one interchange at a time as ingest does; ` +
      `median of ${rounds} passes after a warm-up, all six readers interleaved in the same process. ` +
      (sameSegments
        ? 'Both tokenizers find the same number of segments in every interchange; ours reports no issue on any.'
        : '**The two tokenizers do not find the same segments in every interchange.**') +
      (packageAcceptsCorpus ? '' : ' **The `edifact` package rejected part of the corpus.**'),
    '',
    '| reader | what it produces | MB/s | travellers/s |',
    '| --- | --- | --- | --- |',
    `| our tokenizer, fastest mode (\`tokenizeInto\`) | start and end offset of every tag and component, element starts, segment offset/line/column, issues with positions, in a reused \`Int32Array\` table; no strings | ${fixed(offsets)} | |`,
    `| npm \`edifact\` 1.2.12 \`Parser\`, fastest mode | empty callbacks: every tag and component made as a string and passed to a callback that drops it; no positions | ${fixed(edifactScan)} | |`,
    `| our tokenizer, offsets then every string | \`tokenizeInto\`, then \`valueOf\` of every tag and component (release characters removed), dropped: the package's fastest mode, like for like | ${fixed(offsetsStrings)} | |`,
    `| our tokenizer (\`tokenize\`) | \`Segment\` objects: tag, \`string[][]\` elements, index, line, column, offsets; issues | ${fixed(ours)} | |`,
    `| npm \`edifact\` 1.2.12 \`Parser\`, building arrays | the same tags and \`string[][]\` elements from its callbacks; no positions | ${fixed(edifact)} | |`,
    `| full PAXLST parse to travellers (\`parsePaxlst\`, on \`tokenize\`) | flights and travellers with warnings | ${fixed(parse)} | ${Math.round(travellersPerSecond).toLocaleString('en-GB')} |`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| tokenizer ≥ 65 MB/s (the \`edifact\` package's usual speed here), fastest mode | ${fixed(offsets)} MB/s | ${verdict(offsets >= 65)} |`,
    `| tokenizer fastest mode ≥ \`edifact\` fastest mode, same run | ${fixed(offsets / edifactScan, 2)}× | ${verdict(offsets >= edifactScan)} |`,
    `| tokenizer making every string ≥ \`edifact\` fastest mode, same run | ${fixed(offsetsStrings / edifactScan, 2)}× | ${verdict(offsetsStrings >= edifactScan)} |`,
    `| tokenizer ≥ \`edifact\` producing the same arrays, same run | ${fixed(ours / edifact, 2)}× | ${verdict(ours >= edifact)} |`,
    `| full parse ≥ 30 MB/s | ${fixed(parse)} MB/s | ${verdict(parse >= 30)} |`,
    '',
    `Real samples (test/fixtures/edifact, from GTAS): our envelope reader reads ${readByUs.length} of ${samples.length} without an error; ` +
      `the \`edifact\` package reads ${readByPackage.length} of ${samples.length}` +
      (rejectedByPackage.length > 0
        ? ` and rejects the PAXLST samples ${rejectedByPackage.join(', ')} (lower-case names under UNOA, a non-ASCII byte, spaces before tags, a UNA with "*" as repetition separator).`
        : '.') +
      ` \`parsePaxlst\` reads ${parsedByUs.length} of the ${paxlstSamples.length} PAXLST samples without an error.`,
  ].join('\n');
  return { markdown, figures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPaxlstParse().then(
    (result) => process.stdout.write(`${result.markdown}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
