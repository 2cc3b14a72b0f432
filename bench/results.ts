import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const file = new URL('./RESULTS.md', import.meta.url);

/**
 * A fixed single-threaded workload, timed when a section is written: the shared machines these
 * figures come from run at speeds that vary by a third from hour to hour, and this says how fast
 * the machine was then (lower is faster). Half scattered reads over 64 MB, as the name index and
 * the database do; half arithmetic and sorting.
 */
/** A full garbage collection now, when the process runs with --expose-gc (`npm run bench` does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The middle value: the machine is shared, so benchmarks report the median of their passes. */
export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The item whose measure is the median. */
export function medianBy<T>(items: readonly T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
}

export function referenceSeconds(): number {
  // Not while the benchmark's own garbage is being collected.
  collectGarbage();
  const started = performance.now();
  const size = 1 << 24;
  const next = new Int32Array(size);
  let state = 12345;
  for (let index = 0; index < size; index++) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    next[index] = (state >>> 8) & (size - 1);
  }
  let at = 0;
  let sum = 0;
  for (let step = 0; step < 5_000_000; step++) {
    at = next[at] ^ (step & 1023);
    sum += at;
  }
  const values = Float64Array.from({ length: 500_000 }, (_, index) => Math.sin(index + sum));
  values.sort();
  return (performance.now() - started) / 1000;
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}; reference workload ${referenceSeconds().toFixed(2)} s (bench/results.ts, lower is faster)`;
}

/**
 * Replaces one delimited section of bench/RESULTS.md (or appends it), so that each benchmark and the
 * name-matching evaluation can be re-run alone without losing the others' figures.
 */
export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n\n_Measured on ${machineLine()}._\n${end}`;
  let text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark results\n\nProduced by `npm run bench` (bench/run.ts) and `npm run eval:names`; each section gives its input and the machine it ran on.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}
