import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { NanPolicy } from './types.js';
import { finiteSample } from './validate.js';

export interface Description {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7), the default of
 * R and numpy, so the IQRs in a report match what a reader recomputes. simple-statistics uses a
 * different definition.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function describe(values: readonly number[], options: { nanPolicy?: NanPolicy } = {}): Description {
  const sorted = finiteSample(values, 'values', options.nanPolicy).sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    sd: sorted.length > 1 ? sampleStandardDeviation(sorted) : 0,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}
