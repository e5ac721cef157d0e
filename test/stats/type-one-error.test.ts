/**
 * Seeded simulation under the null: both samples from the same normal distribution. A valid test
 * rejects at most alpha of the time; the bound allows Monte-Carlo error (sd ≈ 0.0034 at 4,000 runs).
 */
import { describe, expect, it } from 'vitest';
import { mannWhitneyU, wilcoxonSignedRank } from '../../src/stats/index.js';
import { normalDraws, seededRandom } from '../../src/stats/random.js';

const REPETITIONS = 4000;
const ALPHA = 0.05;
const BOUND = ALPHA + 0.015;

function rejectionRate(seed: number, test: (draw: () => number) => number): number {
  const draw = normalDraws(seededRandom(seed));
  let rejected = 0;
  for (let r = 0; r < REPETITIONS; r++) if (test(draw) <= ALPHA) rejected++;
  return rejected / REPETITIONS;
}

const sample = (draw: () => number, n: number) => Array.from({ length: n }, draw);

describe('type-I error at alpha = 0.05 over 4,000 null repetitions', () => {
  const cases = [
    { test: 'Mann-Whitney', method: 'exact', n: 10 },
    { test: 'Mann-Whitney', method: 'exact', n: 30 },
    { test: 'Mann-Whitney', method: 'asymptotic', n: 10 },
    { test: 'Mann-Whitney', method: 'asymptotic', n: 30 },
    { test: 'signed-rank', method: 'exact', n: 10 },
    { test: 'signed-rank', method: 'exact', n: 30 },
    { test: 'signed-rank', method: 'asymptotic', n: 10 },
    { test: 'signed-rank', method: 'asymptotic', n: 30 },
  ] as const;
  it.each(cases)('$test, $method, n = $n', ({ test, method, n }) => {
    const rate = rejectionRate(1000 + n, (draw) =>
      test === 'Mann-Whitney'
        ? mannWhitneyU(sample(draw, n), sample(draw, n), { method }).pValue
        : wilcoxonSignedRank(sample(draw, n), sample(draw, n), { method }).pValue,
    );
    expect(rate).toBeLessThanOrEqual(BOUND);
    expect(rate).toBeGreaterThan(0.02); // and the test does reject sometimes
  });
});
