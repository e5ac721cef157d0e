import type { TidyRow } from '../results/tidy.js';
import { analyseAcrossDatasets } from './across-datasets.js';
import { checkClaims } from './claims.js';
import { analyseDataset } from './per-dataset.js';
import type { Analysis, AnalysisOptions } from './types.js';

export { describeClaim, toleranceOf } from './claims.js';
export { formatValue } from './format.js';
export type * from './types.js';

/** Everything the statistics policy says to compute for a set of final values. Pure. */
export function analyse(finals: readonly TidyRow[], options: AnalysisOptions): Analysis {
  const names = [...new Set(finals.map((r) => r.dataset))].sort();
  const datasets = names.map((name) =>
    analyseDataset(
      name,
      finals.filter((r) => r.dataset === name),
      options,
    ),
  );
  const across = analyseAcrossDatasets(datasets, options);
  const warnings = [
    ...datasets.flatMap((d) => d.notes.map((n) => `${d.name}: ${n}`)),
    ...(across.note ? [across.note] : []),
  ];
  return {
    direction: options.direction,
    alpha: options.alpha,
    datasets,
    acrossDatasets: across.result,
    claims: checkClaims(options.claims, finals, datasets, options.alpha),
    warnings,
  };
}
