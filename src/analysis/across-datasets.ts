import { friedman, nemenyi } from '../stats/index.js';
import type { AcrossDatasets, AnalysisOptions, DatasetAnalysis } from './types.js';

/**
 * Friedman over datasets on per-dataset medians (Demšar 2006), Iman-Davenport, mean ranks with
 * rank 1 best under `direction`, and the Nemenyi critical difference. Only datasets on which every
 * algorithm ran take part; null when fewer than 2 datasets or algorithms remain.
 */
export function analyseAcrossDatasets(
  datasets: readonly DatasetAnalysis[],
  options: AnalysisOptions,
): { result: AcrossDatasets | null; note?: string } {
  const algorithms = [...new Set(datasets.flatMap((d) => d.algorithms.map((a) => a.name)))].sort();
  const complete = datasets.filter((d) => algorithms.every((a) => d.algorithms.some((s) => s.name === a)));
  if (datasets.length < 2 || algorithms.length < 2) return { result: null };
  if (complete.length < 2) {
    return {
      result: null,
      note: 'Fewer than 2 datasets have runs of every algorithm, so there is no comparison across datasets.',
    };
  }
  const sign = options.direction === 'minimize' ? 1 : -1;
  const matrix = complete.map((d) =>
    algorithms.map((a) => sign * (d.algorithms.find((s) => s.name === a)?.median as number)),
  );
  const f = friedman(matrix);
  const post = nemenyi(f.meanRanks, f.nBlocks, { alpha: options.alpha });
  const skipped = datasets.length - complete.length;
  return {
    result: {
      datasets: complete.map((d) => d.name),
      friedman: {
        statistic: f.statistic,
        df: f.df,
        pValue: f.pValue,
        imanDavenport: { statistic: f.imanDavenport.statistic, pValue: f.imanDavenport.pValue },
      },
      meanRanks: Object.fromEntries(algorithms.map((a, i) => [a, f.meanRanks[i] as number])),
      nemenyi: {
        qAlpha: post.qAlpha,
        criticalDifference: post.criticalDifference,
        cliques: post.cliques.map((c) => c.map((i) => algorithms[i] as string)),
      },
    },
    ...(skipped
      ? {
          note: `${skipped} dataset(s) without runs of every algorithm were left out of the comparison across datasets.`,
        }
      : {}),
  };
}
