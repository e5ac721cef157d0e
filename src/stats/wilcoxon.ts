import { normalPValue } from './distributions.js';
import { signedSumDistribution, tails } from './exact-rank-sum.js';
import { EXACT_LIMIT, pickTail } from './mann-whitney.js';
import { rankWithTies, tieSum } from './ranks.js';
import type { Alternative, NanPolicy } from './types.js';
import { finitePairs, finiteSample } from './validate.js';

export type ZeroMethod = 'wilcox' | 'pratt' | 'zsplit';

export interface WilcoxonOptions {
  alternative?: Alternative;
  /** 'auto' is exact when n < 50 with no ties and no zero differences. */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** 'wilcox' drops zero differences; 'pratt' ranks them, then drops them; 'zsplit' gives half their rank to each sign. */
  zeroMethod?: ZeroMethod;
  continuity?: boolean;
  nanPolicy?: NanPolicy;
}

export interface WilcoxonResult {
  /** R+, the rank sum of the positive differences x − y (R's V), for every alternative. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  nZeros: number;
  /** Normal score of R+ (after any continuity correction); only for the asymptotic method. */
  zStatistic?: number;
  note?: string;
}

/**
 * Wilcoxon signed-rank test of x − y (or of x alone) against a zero median. 'greater' means the
 * differences tend to be positive. The exact distribution is conditional on the observed ranks,
 * so ties and zeros keep it exact; the asymptotic one follows scipy's handling of zeros and ties.
 */
export function wilcoxonSignedRank(
  xIn: readonly number[],
  yIn?: readonly number[],
  options: WilcoxonOptions = {},
): WilcoxonResult {
  const {
    alternative = 'two-sided',
    method = 'auto',
    zeroMethod = 'wilcox',
    continuity = true,
    nanPolicy = 'raise',
  } = options;
  let d: number[];
  if (yIn === undefined) d = finiteSample(xIn, 'x', nanPolicy);
  else {
    const pairs = finitePairs(xIn, yIn, nanPolicy);
    d = pairs.x.map((v, i) => v - (pairs.y[i] as number));
  }
  const nZeros = d.filter((v) => v === 0).length;
  const ranked = zeroMethod === 'wilcox' ? d.filter((v) => v !== 0) : d;
  const count = ranked.length;
  const { ranks, tieSizes } = rankWithTies(ranked.map(Math.abs));

  let rPlus = 0;
  let zeroRanks = 0;
  ranked.forEach((v, i) => {
    if (v > 0) rPlus += ranks[i] as number;
    else if (v === 0) zeroRanks += ranks[i] as number;
  });
  if (zeroMethod === 'zsplit') rPlus += zeroRanks / 2;

  const nonZeroCount = count - (zeroMethod === 'wilcox' ? 0 : nZeros);
  const resolved =
    method === 'auto'
      ? count < EXACT_LIMIT && tieSizes.length === 0 && nZeros === 0
        ? 'exact'
        : 'asymptotic'
      : method;
  if (nonZeroCount === 0) {
    return {
      statistic: rPlus,
      pValue: 1,
      method: resolved,
      nZeros,
      note: 'Every difference is zero: no evidence of a shift.',
    };
  }

  if (resolved === 'exact') {
    // R+ = fixed part (zsplit's half zero ranks) + a fair-coin subset of the non-zero ranks.
    const doubled: number[] = [];
    ranked.forEach((v, i) => {
      if (v !== 0) doubled.push(2 * (ranks[i] as number));
    });
    const fixed = zeroMethod === 'zsplit' ? zeroRanks : 0;
    const p = tails(signedSumDistribution(doubled), 2 * rPlus - fixed);
    return { statistic: rPlus, pValue: pickTail(p, alternative), method: 'exact', nZeros };
  }

  let mean = (count * (count + 1)) / 4;
  let variance = count * (count + 1) * (2 * count + 1);
  let ties = tieSum(tieSizes);
  if (zeroMethod === 'pratt') {
    // Cureton (1967): remove the zeros' share, including their tie group, as scipy does.
    mean -= (nZeros * (nZeros + 1)) / 4;
    variance -= nZeros * (nZeros + 1) * (2 * nZeros + 1);
    ties -= nZeros ** 3 - nZeros;
  }
  const se = Math.sqrt((variance - ties / 2) / 24);
  if (!(se > 0)) {
    return {
      statistic: rPlus,
      pValue: 1,
      method: 'asymptotic',
      nZeros,
      note: 'The differences have no spread.',
    };
  }
  let z = (rPlus - mean) / se;
  if (continuity) {
    const towardsNull = alternative === 'greater' ? 1 : alternative === 'less' ? -1 : Math.sign(z);
    z -= (towardsNull * 0.5) / se;
  }
  return {
    statistic: rPlus,
    pValue: normalPValue(z, alternative),
    method: 'asymptotic',
    nZeros,
    zStatistic: z,
  };
}
