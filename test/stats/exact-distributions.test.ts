import { describe, expect, it } from 'vitest';
import {
  signedSumDistribution,
  subsetSumDistribution,
  subsetSumTails,
  tails,
} from '../../src/stats/exact-rank-sum.js';
import { rankdata } from '../../src/stats/index.js';
import { pickTail } from '../../src/stats/mann-whitney.js';

/** Every subset of size m of values, enumerated: the definition the DP must match. */
function bruteSubsetSums(values: number[], m: number): number[] {
  const sums: number[] = [];
  const walk = (start: number, left: number, acc: number) => {
    if (left === 0) sums.push(acc);
    else
      for (let i = start; i <= values.length - left; i++) walk(i + 1, left - 1, acc + (values[i] as number));
  };
  walk(0, m, 0);
  return sums;
}

const doubledRanks = (data: number[]) =>
  rankdata(data)
    .map((r) => 2 * r)
    .sort((a, b) => a - b);

describe('rank-sum null distribution', () => {
  const samples = [
    { what: 'no ties', data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], m: 5 },
    { what: 'ties', data: [1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7], m: 6 },
    { what: 'heavy ties, m > N/2', data: [2, 2, 2, 2, 5, 5, 5, 9, 9, 9, 9], m: 8 },
  ];
  it.each(samples)('matches brute-force enumeration: $what', ({ data, m }) => {
    const values = doubledRanks(data);
    const sums = bruteSubsetSums(values, m);
    const dist = subsetSumDistribution(values, m);
    expect(dist.total).toBe(sums.length);
    for (const s of new Set(sums)) {
      const less = sums.filter((v) => v <= s).length / sums.length;
      const greater = sums.filter((v) => v >= s).length / sums.length;
      const full = tails(dist, s);
      const split = subsetSumTails(values, m, s);
      expect(full.less).toBeCloseTo(less, 14);
      expect(full.greater).toBeCloseTo(greater, 14);
      expect(split.less).toBeCloseTo(less, 14);
      expect(split.greater).toBeCloseTo(greater, 14);
    }
  });

  it('meet-in-the-middle tails agree with the full table at 40 vs 40 with ties (relative 1e-12)', () => {
    const data = Array.from({ length: 80 }, (_, i) => (i * 7919) % 23);
    const values = doubledRanks(data);
    const dist = subsetSumDistribution(values, 40);
    for (const s of [values.slice(0, 40).reduce((a, b) => a + b, 0) + 3, 3240, 3300, 3500]) {
      const full = tails(dist, s);
      const split = subsetSumTails(values, 40, s);
      expect(Math.abs(split.less - full.less) / full.less).toBeLessThan(1e-12);
      expect(Math.abs(split.greater - full.greater) / full.greater).toBeLessThan(1e-12);
    }
  });
});

describe('signed-rank null distribution', () => {
  it('matches enumeration of all sign patterns, with tied ranks', () => {
    const values = [1, 3, 3, 6, 8, 10, 12, 14, 14]; // doubled ranks: 0.5, 1.5, 1.5, 3, ...
    const totals: number[] = [];
    for (let mask = 0; mask < 2 ** values.length; mask++) {
      totals.push(values.reduce((acc, v, i) => acc + ((mask >> i) & 1 ? v : 0), 0));
    }
    const dist = signedSumDistribution(values);
    for (const s of new Set(totals)) {
      expect(tails(dist, s).less).toBeCloseTo(totals.filter((v) => v <= s).length / totals.length, 14);
      expect(tails(dist, s).greater).toBeCloseTo(totals.filter((v) => v >= s).length / totals.length, 14);
    }
  });
});

describe('exact tests never reject more often than alpha (size of the rejection region)', () => {
  const alpha = 0.05;
  /** Summed null probability of every outcome whose p-value is at most alpha. */
  function size(
    dist: ReturnType<typeof subsetSumDistribution>,
    alternative: 'two-sided' | 'less' | 'greater',
  ) {
    let rejected = 0;
    dist.counts.forEach((count, i) => {
      if (count > 0 && pickTail(tails(dist, dist.offset + i), alternative) <= alpha) rejected += count;
    });
    return rejected / dist.total;
  }
  const alternatives = ['two-sided', 'less', 'greater'] as const;
  it.each([10, 30])('Mann-Whitney at n = %i per group', (n) => {
    const dist = subsetSumDistribution(doubledRanks(Array.from({ length: 2 * n }, (_, i) => i)), n);
    for (const alternative of alternatives) {
      const s = size(dist, alternative);
      expect(s).toBeLessThanOrEqual(alpha);
      expect(s).toBeGreaterThan(0.04); // the region is not trivially empty
    }
  });
  it.each([10, 30])('signed-rank at n = %i', (n) => {
    const dist = signedSumDistribution(Array.from({ length: n }, (_, i) => 2 * (i + 1)));
    for (const alternative of alternatives) {
      const s = size(dist, alternative);
      expect(s).toBeLessThanOrEqual(alpha);
      expect(s).toBeGreaterThan(0.03);
    }
  });
});
