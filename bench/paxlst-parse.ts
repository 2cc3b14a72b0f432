/**
 * PAXLST parsing speed: our EDIFACT tokenizer against the npm `edifact` package on the same
 * input in the same run, then the full PAXLST parse to travellers.
 * Standalone: `npx tsx bench/paxlst-parse.ts` prints the markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { decodeEdifactBytes, readInterchange, tokenize } from '../src/edifact/index.js';
import { parsePaxlst } from '../src/passengers/paxlst.js';
import { generatePaxlst } from './paxlst-generator.js';

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
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

  const passes = {
    ours: [] as number[],
    edifact: [] as number[],
    edifactScan: [] as number[],
    parse: [] as number[],
  };
  for (let round = 0; round <= rounds; round++) {
    const seconds = {
      ours: timePass(corpus, (text) => tokenize(text).segments.length),
      edifact: timePass(corpus, tokenizeWithEdifactPackage),
      edifactScan: timePass(corpus, scanWithEdifactPackage),
      parse: timePass(corpus, (text) => parsePaxlst(text).messages.length),
    };
    // Round 0 warms up the JIT; the machine is shared, so the median of the rest is reported.
    if (round === 0) continue;
    for (const key of Object.keys(passes) as (keyof typeof passes)[]) passes[key].push(seconds[key]);
  }
  const mb = corpusBytes / 1e6;
  const ours = mb / median(passes.ours);
  const edifact = mb / median(passes.edifact);
  const edifactScan = mb / median(passes.edifactScan);
  const parse = mb / median(passes.parse);
  const travellersPerSecond = corpusTravellers / median(passes.parse);

  const figures: Record<string, number> = {
    'corpus.megabytes': mb,
    'corpus.interchanges': corpus.length,
    'corpus.travellers': corpusTravellers,
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
      `median of ${rounds} passes after a warm-up, all four readers interleaved in the same process.` +
      (packageAcceptsCorpus ? '' : ' **The `edifact` package rejected part of the corpus.**'),
    '',
    '| reader | MB/s | travellers/s |',
    '| --- | --- | --- |',
    `| our tokenizer: segments, elements, components, positions, issues | ${fixed(ours)} | |`,
    `| npm \`edifact\` 1.2.12 \`Parser\`, building the same arrays | ${fixed(edifact)} | |`,
    `| npm \`edifact\` 1.2.12 \`Parser\`, empty callbacks (strings made, nothing kept) | ${fixed(edifactScan)} | |`,
    `| full PAXLST parse to travellers (\`parsePaxlst\`) | ${fixed(parse)} | ${Math.round(travellersPerSecond).toLocaleString('en-GB')} |`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    `| tokenizer ≥ 65 MB/s (the \`edifact\` package's usual speed here) | ${fixed(ours)} MB/s | ${verdict(ours >= 65)} |`,
    `| tokenizer ≥ \`edifact\` producing the same arrays, same run | ${fixed(ours / edifact, 2)}× | ${verdict(ours >= edifact)} |`,
    `| tokenizer ≥ \`edifact\` with empty callbacks, same run | ${fixed(ours / edifactScan, 2)}× | ${verdict(ours >= edifactScan)} |`,
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
