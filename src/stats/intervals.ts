import betainc from '@stdlib/math-base-special-betainc';
import { inputError } from '../errors.js';
import { quantileSorted } from './describe.js';
import { seededRandom } from './random.js';
import type { NanPolicy } from './types.js';
import { finiteSample } from './validate.js';

export interface MedianInterval {
  median: number;
  lower: number;
  upper: number;
  /** The interval's actual coverage, at least `level` when the sample allows it. */
  coverage: number;
  note?: string;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw inputError(`level is ${level}; it must lie strictly between 0 and 1.`);
}

/** P(Bin(n, ½) <= j). */
function binomialHalfCdf(j: number, n: number): number {
  if (j < 0) return 0;
  if (j >= n) return 1;
  return betainc(0.5, n - j, j + 1, true, false);
}

/**
 * Distribution-free confidence interval for the median: the order statistics [x_(l), x_(n+1−l)]
 * with the largest l whose coverage 1 − 2·P(Bin(n, ½) <= l − 1) is still at least `level`
 * (as R's DescTools::MedianCI with method 'exact').
 */
export function medianCI(
  values: readonly number[],
  options: { level?: number; nanPolicy?: NanPolicy } = {},
): MedianInterval {
  const { level = 0.95 } = options;
  checkLevel(level);
  const sorted = finiteSample(values, 'values', options.nanPolicy).sort((a, b) => a - b);
  const n = sorted.length;
  const median = quantileSorted(sorted, 0.5);
  let l = 0;
  while (l + 1 <= Math.floor((n + 1) / 2) && 1 - 2 * binomialHalfCdf(l, n) >= level) l++;
  if (l === 0) {
    return {
      median,
      lower: sorted[0] as number,
      upper: sorted[n - 1] as number,
      coverage: 1 - 2 * 0.5 ** n,
      note: `${n} values cannot give ${level * 100}% coverage; the interval is the sample range.`,
    };
  }
  return {
    median,
    lower: sorted[l - 1] as number,
    upper: sorted[n - l] as number,
    coverage: 1 - 2 * binomialHalfCdf(l - 1, n),
  };
}

export interface BootstrapInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/** Seeded percentile bootstrap: the same seed gives the same interval everywhere. */
export function bootstrapCI(
  values: readonly number[],
  statistic: (sample: number[]) => number,
  options: { level?: number; resamples?: number; seed?: number; nanPolicy?: NanPolicy } = {},
): BootstrapInterval {
  const { level = 0.95, resamples = 10_000, seed = 1 } = options;
  checkLevel(level);
  if (!(Number.isInteger(resamples) && resamples >= 100)) {
    throw inputError(`resamples is ${resamples}; use a whole number of at least 100.`);
  }
  const sample = finiteSample(values, 'values', options.nanPolicy);
  const random = seededRandom(seed);
  const draws = new Array<number>(resamples);
  const resample = new Array<number>(sample.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < sample.length; i++)
      resample[i] = sample[Math.floor(random() * sample.length)] as number;
    draws[b] = statistic(resample);
  }
  draws.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    estimate: statistic(sample),
    lower: quantileSorted(draws, tail),
    upper: quantileSorted(draws, 1 - tail),
  };
}
