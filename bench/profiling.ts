/** What a benchmark's measured part spends on garbage collection, and profiles of it. */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** Time spent collecting garbage, by kind (minor, major...), until `stop`. */
export function watchCollections(): { stop: () => string } {
  const byKind = new Map<string, { count: number; ms: number }>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      const name =
        {
          [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
          [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
          [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
          [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
        }[kind] ?? String(kind);
      const total = byKind.get(name) ?? { count: 0, ms: 0 };
      total.count++;
      total.ms += entry.duration;
      byKind.set(name, total);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      observer.disconnect();
      return [...byKind]
        .map(([name, { count, ms }]) => `${name} ${count}× ${(ms / 1000).toFixed(2)} s`)
        .join(', ');
    },
  };
}

/**
 * A profile of the measured passes, for `SCREENING_BENCH_PROFILE=file.cpuprofile` (where time
 * goes) or `file.heapprofile` (what allocates, sampled), to open in Chrome's developer tools.
 */
export async function startProfile(path: string): Promise<{ stop: () => Promise<void> }> {
  const heap = path.endsWith('.heapprofile');
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post(heap ? 'HeapProfiler.enable' : 'Profiler.enable');
  // Every allocation sampled, collected or not: what makes the garbage collector work.
  if (heap)
    await post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  else await post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop')) as {
        profile: unknown;
      };
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
