import { inputError } from '../errors.js';
import { studentizedRangeQuantile, studentizedRangeSf } from './studentized-range.js';

export interface NemenyiResult {
  /** studentized_range(1 − α, k, ∞) / √2, Demšar's (2006) q_α. */
  qAlpha: number;
  criticalDifference: number;
  /** pValues[i][j]: the Nemenyi p-value of algorithms i and j (1 on the diagonal). */
  pValues: number[][];
  /**
   * Maximal groups (column indices, by ascending mean rank) whose mean ranks lie within the
   * critical difference: the bars of a CD diagram. Groups of one are not listed.
   */
  cliques: number[][];
}

/** Nemenyi's all-pairs test on Friedman mean ranks over nBlocks blocks (Demšar 2006, sec. 3.2.2). */
export function nemenyi(
  meanRanks: readonly number[],
  nBlocks: number,
  options: { alpha?: number } = {},
): NemenyiResult {
  const { alpha = 0.05 } = options;
  const k = meanRanks.length;
  if (k < 2) throw inputError(`Nemenyi needs at least 2 algorithms, got ${k}.`);
  if (!(nBlocks >= 1)) throw inputError(`nBlocks is ${nBlocks}; it must be at least 1.`);
  if (!(alpha > 0 && alpha < 1)) throw inputError(`alpha is ${alpha}; it must lie strictly between 0 and 1.`);
  const se = Math.sqrt((k * (k + 1)) / (6 * nBlocks));
  const qAlpha = studentizedRangeQuantile(alpha, k) / Math.SQRT2;
  const criticalDifference = qAlpha * se;
  const pValues = meanRanks.map((ri, i) =>
    meanRanks.map((rj, j) => (i === j ? 1 : studentizedRangeSf((Math.abs(ri - rj) / se) * Math.SQRT2, k))),
  );
  return { qAlpha, criticalDifference, pValues, cliques: cliquesWithin(meanRanks, criticalDifference) };
}

/** Maximal runs of the rank-sorted algorithms whose spread is at most `cd`. */
export function cliquesWithin(meanRanks: readonly number[], cd: number): number[][] {
  const order = meanRanks
    .map((_, i) => i)
    .sort((a, b) => (meanRanks[a] as number) - (meanRanks[b] as number));
  const cliques: number[][] = [];
  let furthest = 0;
  for (let start = 0; start < order.length; start++) {
    let end = start;
    const base = meanRanks[order[start] as number] as number;
    while (end + 1 < order.length && (meanRanks[order[end + 1] as number] as number) - base <= cd) end++;
    if (end > start && end > furthest) {
      cliques.push(order.slice(start, end + 1));
      furthest = end;
    }
  }
  return cliques;
}
