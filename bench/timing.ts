/** Helpers shared by the benchmarks: medians of repeated runs, since these machines are noisy. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Seconds per call of fn over items: the median of `runs` passes, after one warm-up pass. */
export function perCall<T>(runs: number, items: readonly T[], fn: (item: T) => unknown): number {
  for (const item of items.slice(0, Math.min(items.length, 200))) fn(item);
  const passes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (const item of items) fn(item);
    passes.push((performance.now() - start) / 1000 / items.length);
  }
  return median(passes);
}
