import { finalValues, type TidyRow } from '../results/index.js';
import { describe } from '../stats/index.js';
import { formatNumber, table } from './format.js';

/** Median (IQR) of the final values per dataset and algorithm: the plain summary `repro run` prints. */
export function resultsTable(rows: readonly TidyRow[]): string {
  const finals = finalValues(rows);
  const datasets = [...new Set(finals.map((r) => r.dataset))].sort();
  const algorithms = [...new Set(finals.map((r) => r.algorithm))].sort();
  const cell = (dataset: string, algorithm: string) => {
    const values = finals
      .filter((r) => r.dataset === dataset && r.algorithm === algorithm)
      .map((r) => r.value);
    if (values.length === 0) return '-';
    const d = describe(values);
    return `${formatNumber(d.median, 4)} (${formatNumber(d.q1, 3)}–${formatNumber(d.q3, 3)}) n=${d.n}`;
  };
  const header = ['dataset', ...algorithms];
  return [
    'Final values: median (IQR) over seeds',
    table([header, ...datasets.map((ds) => [ds, ...algorithms.map((a) => cell(ds, a))])]),
  ].join('\n');
}
