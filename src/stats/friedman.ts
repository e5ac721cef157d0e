import { inputError } from '../errors.js';
import { chiSquareSf, fSf } from './distributions.js';
import { rankWithTies, tieSum } from './ranks.js';
import type { NanPolicy } from './types.js';
import { finiteBlocks } from './validate.js';

export interface FriedmanResult {
  statistic: number;
  df: number;
  pValue: number;
  /** Mean rank per column (algorithm); rank 1 is the smallest value. */
  meanRanks: number[];
  /** Iman & Davenport's (1980) F form of the statistic, less conservative than chi-square. */
  imanDavenport: { statistic: number; df1: number; df2: number; pValue: number };
  /** Blocks actually used (after nanPolicy 'omit'). */
  nBlocks: number;
  note?: string;
}

/**
 * Friedman's rank test for a blocks × treatments matrix (rows are datasets or seeds, columns are
 * algorithms), tie-corrected as R's friedman.test and scipy.
 */
export function friedman(
  data: readonly (readonly number[])[],
  options: { nanPolicy?: NanPolicy } = {},
): FriedmanResult {
  const rows = finiteBlocks(data, options.nanPolicy);
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (k < 2) throw inputError(`Friedman needs at least 2 algorithms (columns), got ${k}.`);
  const rankSums = new Array<number>(k).fill(0);
  let ties = 0;
  for (const row of rows) {
    const { ranks, tieSizes } = rankWithTies(row);
    ranks.forEach((r, j) => {
      rankSums[j] = (rankSums[j] as number) + r;
    });
    ties += tieSum(tieSizes);
  }
  const meanRanks = rankSums.map((s) => s / n);
  const df = k - 1;
  const df2 = (k - 1) * (n - 1);
  const correction = 1 - ties / (k * (k * k - 1) * n);
  if (!(correction > 0)) {
    return {
      statistic: 0,
      df,
      pValue: 1,
      meanRanks,
      imanDavenport: { statistic: 0, df1: df, df2, pValue: 1 },
      nBlocks: n,
      note: 'Every block ranks all algorithms equal: no evidence of a difference.',
    };
  }
  const ssbn = rankSums.reduce((s, r) => s + r * r, 0);
  const statistic = ((12 / (k * n * (k + 1))) * ssbn - 3 * n * (k + 1)) / correction;
  const pValue = chiSquareSf(statistic, df);
  const denominator = n * (k - 1) - statistic;
  const fStatistic = denominator > 0 ? ((n - 1) * statistic) / denominator : Number.POSITIVE_INFINITY;
  const result: FriedmanResult = {
    statistic,
    df,
    pValue,
    meanRanks,
    imanDavenport: { statistic: fStatistic, df1: df, df2, pValue: df2 > 0 ? fSf(fStatistic, df, df2) : 1 },
    nBlocks: n,
  };
  if (df2 === 0) result.note = 'Iman-Davenport needs at least 2 blocks; its p-value is reported as 1.';
  return result;
}
