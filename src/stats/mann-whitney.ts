import { normalSf } from './distributions.js';
import { subsetSumDistribution, subsetSumTails, tails } from './exact-rank-sum.js';
import { rankWithTies, tieSum } from './ranks.js';
import type { Alternative, NanPolicy } from './types.js';
import { finiteSample } from './validate.js';

export interface MannWhitneyOptions {
  alternative?: Alternative;
  /** 'auto' is exact when both samples have fewer than 50 values and there are no ties. */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of the normal approximation. */
  continuity?: boolean;
  nanPolicy?: NanPolicy;
}

export interface MannWhitneyResult {
  /** U of x: #(x > y) + ½·#(x = y), R's W. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  note?: string;
}

export const EXACT_LIMIT = 50;

/**
 * Wilcoxon-Mann-Whitney rank-sum test of x against y. 'greater' means x tends to be larger.
 *
 * Exact p-values come from the permutation distribution of the rank sum conditional on the
 * observed ties (doubled mid-ranks), so 'exact' stays exact with ties. Two-sided exact p is twice
 * the smaller tail, capped at 1. The asymptotic p uses the tie-corrected variance, as R and scipy.
 */
export function mannWhitneyU(
  xIn: readonly number[],
  yIn: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const { alternative = 'two-sided', method = 'auto', continuity = true, nanPolicy = 'raise' } = options;
  const x = finiteSample(xIn, 'x', nanPolicy);
  const y = finiteSample(yIn, 'y', nanPolicy);
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const { ranks, tieSizes } = rankWithTies([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < n1; i++) rankSumX += ranks[i] as number;
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const resolved =
    method === 'auto'
      ? n1 < EXACT_LIMIT && n2 < EXACT_LIMIT && tieSizes.length === 0
        ? 'exact'
        : 'asymptotic'
      : method;

  if (tieSizes.length === 1 && tieSizes[0] === n) {
    return {
      statistic: u1,
      pValue: 1,
      method: resolved,
      note: 'All values are equal: no evidence of a difference.',
    };
  }

  if (resolved === 'exact') {
    const doubled = ranks.map((r) => 2 * r).sort((a, b) => a - b);
    const p =
      tieSizes.length === 0
        ? tails(subsetSumDistribution(doubled, n1), 2 * rankSumX)
        : subsetSumTails(doubled, n1, 2 * rankSumX);
    return { statistic: u1, pValue: pickTail(p, alternative), method: 'exact' };
  }

  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieSum(tieSizes) / (n * (n - 1))));
  const correction = continuity ? 0.5 : 0;
  const u2 = n1 * n2 - u1;
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const pOneSided = normalSf((u - mu - correction) / sigma);
  const pValue = alternative === 'two-sided' ? Math.min(1, 2 * pOneSided) : pOneSided;
  return { statistic: u1, pValue, method: 'asymptotic' };
}

/** The p-value for an alternative, from the two exact tails of a statistic oriented for x. */
export function pickTail(p: { less: number; greater: number }, alternative: Alternative): number {
  if (alternative === 'greater') return p.greater;
  if (alternative === 'less') return p.less;
  return Math.min(1, 2 * Math.min(p.less, p.greater));
}
