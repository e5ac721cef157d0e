/**
 * Exact null distributions of rank sums, conditional on the observed tie pattern.
 *
 * Ranks are doubled so that mid-ranks are integers and every comparison is exact. Counts are
 * float64: they exceed 2^53 beyond ~60 items, but they are only ever added and multiplied, so each
 * keeps a relative error near N·ε, and tail probabilities keep full relative precision.
 */

export interface ExactDistribution {
  /** counts[i] is the number of outcomes with doubled sum `offset + i`. */
  offset: number;
  counts: Float64Array;
  total: number;
  /** lower[i] = Σ counts[0..i]; upper[i] = Σ counts[i..]: both tails without cancellation. */
  lower: Float64Array;
  upper: Float64Array;
}

export interface Tails {
  /** P(S <= s) */
  less: number;
  /** P(S >= s) */
  greater: number;
}

function withTails(offset: number, counts: Float64Array): ExactDistribution {
  const lower = new Float64Array(counts.length);
  const upper = new Float64Array(counts.length);
  let acc = 0;
  for (let i = 0; i < counts.length; i++) lower[i] = acc += counts[i] as number;
  acc = 0;
  for (let i = counts.length - 1; i >= 0; i--) upper[i] = acc += counts[i] as number;
  return { offset, counts, total: acc, lower, upper };
}

/** Counts of outcomes with S <= s and with S >= s. */
function tailCounts(dist: ExactDistribution, s: number): { atMost: number; atLeast: number } {
  const i = s - dist.offset;
  const last = dist.counts.length - 1;
  return {
    atMost: i < 0 ? 0 : i > last ? dist.total : (dist.lower[i] as number),
    atLeast: i > last ? 0 : i < 0 ? dist.total : (dist.upper[i] as number),
  };
}

export function tails(dist: ExactDistribution, s: number): Tails {
  const { atMost, atLeast } = tailCounts(dist, s);
  return { less: atMost / dist.total, greater: atLeast / dist.total };
}

const subsetCache = new Map<string, ExactDistribution>();
const signCache = new Map<string, ExactDistribution>();
const CACHE_LIMIT = 256;

function remember(cache: Map<string, ExactDistribution>, key: string, make: () => ExactDistribution) {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, made);
  return made;
}

/**
 * For each j in 0..maxCount, the distribution of the sum of j values drawn without replacement
 * from `sortedValues` (ascending integers). Row j is shifted by the smallest such sum, so it spans
 * only reachable sums (the shift-algorithm of Streitberg & Röhmel 1986). Rows below `minCount`
 * are dropped as soon as they can no longer reach a full-size subset.
 */
function subsetSumRows(sortedValues: readonly number[], maxCount: number, minCount = 0): ExactDistribution[] {
  const n = sortedValues.length;
  const minSum = new Float64Array(maxCount + 1); // sum of the j smallest values
  for (let j = 1; j <= maxCount; j++) minSum[j] = (minSum[j - 1] as number) + (sortedValues[j - 1] as number);
  const rows: Float64Array[] = [];
  for (let j = 0; j <= maxCount; j++) {
    let largest = 0;
    for (let t = 0; t < j; t++) largest += sortedValues[n - 1 - t] as number;
    rows.push(new Float64Array(largest - (minSum[j] as number) + 1));
  }
  const high = new Int32Array(maxCount + 1); // highest reachable shifted sum per row
  (rows[0] as Float64Array)[0] = 1;
  for (let i = 1; i <= n; i++) {
    const v = sortedValues[i - 1] as number;
    const top = Math.min(i, maxCount);
    const bottom = Math.max(1, minCount - (n - i));
    for (let j = top; j >= bottom; j--) {
      const from = rows[j - 1] as Float64Array;
      const to = rows[j] as Float64Array;
      const shift = v - (sortedValues[j - 1] as number);
      const end = high[j - 1] as number;
      for (let s = 0; s <= end; s++) to[s + shift] = (to[s + shift] as number) + (from[s] as number);
      if (end + shift > (high[j] as number)) high[j] = end + shift;
    }
  }
  return rows.map((row, j) => withTails(minSum[j] as number, row.subarray(0, (high[j] as number) + 1)));
}

/**
 * The full distribution of the sum of m of `sortedValues` drawn without replacement: the rank-sum
 * null with all C(N, m) subsets equally likely. Cached, since without ties it depends on (m, N) only.
 */
export function subsetSumDistribution(sortedValues: readonly number[], m: number): ExactDistribution {
  return remember(
    subsetCache,
    `${m}|${sortedValues.join(',')}`,
    () => subsetSumRows(sortedValues, m, m)[m] as ExactDistribution,
  );
}

/**
 * P(S <= s) and P(S >= s) for the same null, by meeting in the middle: split the values into two
 * halves, tabulate each half's sums for every subset size, and combine the pairs (j, m − j). This
 * is about 3× less work than the full table (49 vs 49 with ties: ~1 M additions instead of ~3 M)
 * and is what keeps exact tests with ties fast; the tie pattern rarely repeats, so nothing is cached.
 */
export function subsetSumTails(sortedValues: readonly number[], m: number, s: number): Tails {
  const half = Math.floor(sortedValues.length / 2);
  const first = sortedValues.slice(0, half);
  const second = sortedValues.slice(half);
  const rowsA = subsetSumRows(first, Math.min(m, first.length));
  const rowsB = subsetSumRows(second, Math.min(m, second.length));
  let atMost = 0;
  let atLeast = 0;
  let total = 0;
  for (let j = Math.max(0, m - second.length); j <= Math.min(m, first.length); j++) {
    const a = rowsA[j] as ExactDistribution;
    const b = rowsB[m - j] as ExactDistribution;
    total += a.total * b.total;
    for (let i = 0; i < a.counts.length; i++) {
      const count = a.counts[i] as number;
      if (count === 0) continue;
      const rest = tailCounts(b, s - (a.offset + i));
      atMost += count * rest.atMost;
      atLeast += count * rest.atLeast;
    }
  }
  return { less: atMost / total, greater: atLeast / total };
}

/**
 * Distribution of Σ b_i·v_i with independent fair b_i ∈ {0, 1}: the signed-rank null, all 2^n
 * sign patterns equally likely.
 */
export function signedSumDistribution(values: readonly number[]): ExactDistribution {
  return remember(signCache, values.join(','), () => {
    const total = values.reduce((a, b) => a + b, 0);
    const counts = new Float64Array(total + 1);
    counts[0] = 1;
    let reach = 0;
    for (const v of values) {
      for (let s = reach; s >= 0; s--) counts[s + v] = (counts[s + v] as number) + (counts[s] as number);
      reach += v;
    }
    return withTails(0, counts);
  });
}
