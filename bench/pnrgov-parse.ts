/**
 * PNRGOV parsing speed: the full parse to reservations on about 20 MB of generated pushes, next
 * to the EDIFACT tokenizer alone on the same input (the floor the mapping adds to).
 * Standalone: `npx tsx bench/pnrgov-parse.ts` prints the markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decodeEdifactBytes, tokenize } from '../src/edifact/index.js';
import { parsePnrgov } from '../src/passengers/pnrgov.js';
import { generatePnrgov } from './pnrgov-generator.js';
import { median } from './results.js';

export interface PnrgovBenchOptions {
  /** Size of the generated corpus; pushes of `reservationsPerMessage` reservations (about 90 kB for 40). */
  megabytes?: number;
  reservationsPerMessage?: number;
  rounds?: number;
}

function timePass(texts: readonly string[], read: (text: string) => unknown): number {
  const started = performance.now();
  for (const text of texts) read(text);
  return (performance.now() - started) / 1000;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export async function benchPnrgovParse(
  options: PnrgovBenchOptions = {},
): Promise<{ markdown: string; figures: Record<string, number> }> {
  const megabytes = options.megabytes ?? 20;
  const perMessage = options.reservationsPerMessage ?? 40;
  const rounds = options.rounds ?? 5;
  const corpus: string[] = [];
  let corpusBytes = 0;
  const decoder = new TextDecoder();
  for (let index = 0; corpusBytes < megabytes * 1e6; index++) {
    // Ingest decodes received bytes, so each input is one flat string.
    const bytes = Buffer.from(generatePnrgov(index, perMessage));
    corpus.push(decoder.decode(bytes));
    corpusBytes += bytes.length;
  }
  let reservations = 0;
  let travellers = 0;
  let warnings = 0;
  for (const text of corpus) {
    const result = parsePnrgov(text);
    warnings += result.warnings.length + result.errors.length;
    for (const reservation of result.messages[0]?.reservations ?? []) {
      reservations++;
      travellers += reservation.travellers.length;
    }
  }

  const passes = { tokenize: [] as number[], parse: [] as number[] };
  for (let round = 0; round <= rounds; round++) {
    const tokenizing = timePass(corpus, (text) => tokenize(text).segments.length);
    const parsing = timePass(corpus, (text) => parsePnrgov(text).messages.length);
    // Round 0 warms up the JIT; the machine may be shared, so the median of the rest is reported.
    if (round === 0) continue;
    passes.tokenize.push(tokenizing);
    passes.parse.push(parsing);
  }
  const mb = corpusBytes / 1e6;
  const parseSeconds = median(passes.parse);
  const figures: Record<string, number> = {
    'corpus.megabytes': mb,
    'corpus.messages': corpus.length,
    'corpus.reservations': reservations,
    'corpus.travellers': travellers,
    'corpus.warnings': warnings,
    'tokenizer.mbPerSecond': mb / median(passes.tokenize),
    'parse.mbPerSecond': mb / parseSeconds,
    'parse.reservationsPerSecond': reservations / parseSeconds,
    'parse.travellersPerSecond': travellers / parseSeconds,
  };

  const fixtures = new URL('../test/fixtures/edifact/pnrgov/', import.meta.url);
  const samples = readdirSync(fixtures).filter((file) => !file.endsWith('.md'));
  const parsed = samples.filter(
    (file) => parsePnrgov(decodeEdifactBytes(readFileSync(new URL(file, fixtures))).text).errors.length === 0,
  );
  figures['realSamples.total'] = samples.length;
  figures['realSamples.parsed'] = parsed.length;

  const markdown = [
    `Input: ${corpus.length} generated PNRGOV 13.1 pushes of ${perMessage} reservations (bench/pnrgov-generator.ts), ` +
      `${fixed(mb)} MB, ${reservations.toLocaleString('en-GB')} reservations, ${travellers.toLocaleString('en-GB')} travellers, ` +
      `one push at a time as ingest reads them; median of ${rounds} passes after a warm-up.` +
      (warnings > 0 ? ` **The parser reported ${warnings} problems in the generated input.**` : ''),
    '',
    '| reader | MB/s | reservations/s | travellers/s |',
    '| --- | --- | --- | --- |',
    `| EDIFACT tokenizer alone (\`tokenize\`) | ${fixed(figures['tokenizer.mbPerSecond'])} | | |`,
    `| full PNRGOV parse to reservations (\`parsePnrgov\`) | ${fixed(figures['parse.mbPerSecond'])} | ` +
      `${Math.round(figures['parse.reservationsPerSecond']).toLocaleString('en-GB')} | ` +
      `${Math.round(figures['parse.travellersPerSecond']).toLocaleString('en-GB')} |`,
    '',
    `Real samples (test/fixtures/edifact/pnrgov): \`parsePnrgov\` reads ${parsed.length} of ${samples.length} without an error.`,
  ].join('\n');
  return { markdown, figures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPnrgovParse().then(
    (result) => process.stdout.write(`${result.markdown}\n\n${JSON.stringify(result.figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
