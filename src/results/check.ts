import type { RunIndex } from './tidy.js';

/** Fewer runs than this in a cell gives a power warning. */
export const MIN_RUNS = 5;

/**
 * What a reader should know about a set of results before trusting the statistics: duplicated
 * rows, cells with fewer runs than the others (naming the missing seeds), and cells too small to
 * test. Nothing is dropped; these are warnings.
 */
export function checkResults({ finals, duplicates }: RunIndex): string[] {
  const warnings: string[] = [];
  if (duplicates.size > 0) {
    const shown = [...duplicates].slice(0, 5).map(([k, n]) => `${k} (${n} times)`);
    warnings.push(
      `${duplicates.size} duplicated (algorithm, dataset, seed, step) rows, e.g. ${shown.join('; ')}. The last one read is used.`,
    );
  }
  for (const dataset of [...new Set(finals.map((r) => r.dataset))].sort()) {
    const inDataset = finals.filter((r) => r.dataset === dataset);
    const seedsOf = new Map<string, Set<string>>();
    for (const r of inDataset) seedsOf.set(r.algorithm, (seedsOf.get(r.algorithm) ?? new Set()).add(r.seed));
    const allSeeds = new Set(inDataset.map((r) => r.seed));
    const most = Math.max(...[...seedsOf.values()].map((s) => s.size));
    for (const [algorithm, seeds] of [...seedsOf].sort()) {
      if (seeds.size < most) {
        // Naming missing seeds only makes sense when algorithms share seeds (a paired design).
        const shares = [...seeds].some((s) =>
          [...seedsOf].some(([other, theirs]) => other !== algorithm && theirs.has(s)),
        );
        const missing = [...allSeeds].filter((s) => !seeds.has(s)).sort(bySeed);
        const named = shares
          ? `; missing seeds: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`
          : '';
        warnings.push(
          `${algorithm} on ${dataset} has ${seeds.size} runs, fewer than the ${most} of others${named}.`,
        );
      }
      if (seeds.size < MIN_RUNS)
        warnings.push(
          `${algorithm} on ${dataset} has only ${seeds.size} run${seeds.size === 1 ? '' : 's'}; tests with fewer than ${MIN_RUNS} runs have little power.`,
        );
    }
  }
  return warnings;
}

/** Seeds sort numerically when they are numbers. */
export function bySeed(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
}
