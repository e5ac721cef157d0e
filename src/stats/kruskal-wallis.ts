import { inputError } from '../errors.js';
import { chiSquareSf } from './distributions.js';
import { rankWithTies, tieSum } from './ranks.js';
import type { NanPolicy } from './types.js';
import { finiteSample } from './validate.js';

export interface KruskalWallisResult {
  statistic: number;
  df: number;
  pValue: number;
  note?: string;
}

/** Kruskal-Wallis H with the tie correction, against chi-square(k − 1), as R and scipy. */
export function kruskalWallis(
  groupsIn: readonly (readonly number[])[],
  options: { nanPolicy?: NanPolicy } = {},
): KruskalWallisResult {
  if (groupsIn.length < 2)
    throw inputError(`Kruskal-Wallis needs at least 2 groups, got ${groupsIn.length}.`);
  const groups = groupsIn.map((g, i) => finiteSample(g, `groups[${i}]`, options.nanPolicy));
  const all = groups.flat();
  const n = all.length;
  const df = groups.length - 1;
  const { ranks, tieSizes } = rankWithTies(all);
  const correction = 1 - tieSum(tieSizes) / (n * n * n - n);
  if (!(correction > 0)) {
    return { statistic: 0, df, pValue: 1, note: 'All values are equal: no evidence of a difference.' };
  }
  let offset = 0;
  let sum = 0;
  for (const g of groups) {
    let r = 0;
    for (let i = 0; i < g.length; i++) r += ranks[offset + i] as number;
    sum += (r * r) / g.length;
    offset += g.length;
  }
  const statistic = ((12 / (n * (n + 1))) * sum - 3 * (n + 1)) / correction;
  return { statistic, df, pValue: chiSquareSf(statistic, df) };
}
