import { join } from 'node:path';
import type { AnalysisOptions } from '../analysis/index.js';
import type { ReproConfig } from '../config/index.js';
import {
  buildProvenance,
  gitCommit,
  hostInfo,
  type RunRecord,
  type WrittenReport,
  writeReport,
} from '../report/index.js';
import type { Summary } from '../report/summary.js';
import type { CollectedResults, ReadOptions } from '../results/index.js';
import { formatNumber, table } from './format.js';

/** How to read result files, from repro.yml. */
export function readOptions(config: ReproConfig): ReadOptions {
  return {
    format: config.results.format,
    columns: config.results.columns,
    nonFinite: config.analysis.nanPolicy,
  };
}

export function analysisOptions(config: ReproConfig): AnalysisOptions {
  const a = config.analysis;
  return {
    alpha: a.alpha,
    paired: a.paired,
    ...(a.control ? { control: a.control } : {}),
    direction: config.results.direction,
    twoSample: a.twoSample,
    omnibus: a.omnibus,
    method: a.method,
    claims: config.claims,
  };
}

/** Analyses collected results and writes the report; `dir` is where git is asked for the commit. */
export async function reportOn(
  results: CollectedResults,
  config: ReproConfig,
  out: string,
  run: RunRecord | undefined,
  dir: string,
): Promise<WrittenReport> {
  const provenance = buildProvenance(run, hostInfo(), await gitCommit(dir));
  return writeReport(out, {
    results,
    options: analysisOptions(config),
    metric: config.results.metric,
    provenance,
  });
}

/** What the terminal shows after a report: the verdict, the results table, and where the files are. */
export function printReport(report: WrittenReport, write: (text: string) => void): void {
  const s = report.summary;
  const lines = ['', s.verdict.line];
  for (const c of s.claims) lines.push(`  ${c.verdict.padEnd(15)} ${c.evidence}`);
  if (s.results.runs === 0) lines.push(`No tidy results found; looked in ${s.results.searched}`);
  else lines.push('', resultsTable(s));
  if (s.warnings.length)
    lines.push('', `${s.warnings.length} warning(s):`, ...s.warnings.map((w) => `  - ${w}`));
  lines.push('', `Report: ${join(report.dir, 'report.md')} (and summary.json, tables.tex, plots, badge)`);
  write(`${lines.join('\n')}\n`);
}

/** Median (IQR) of the final values per dataset and algorithm; [brackets] mark the best median. */
export function resultsTable(s: Summary): string {
  const algorithms = [...new Set(s.datasets.flatMap((d) => d.algorithms.map((a) => a.name)))].sort();
  const rows = s.datasets.map((d) => [
    d.name,
    ...algorithms.map((name) => {
      const a = d.algorithms.find((x) => x.name === name);
      if (!a) return '-';
      const text = `${formatNumber(a.median, 4)} (${formatNumber(a.q1, 3)}–${formatNumber(a.q3, 3)})`;
      return name === d.best ? `[${text}]` : text;
    }),
  ]);
  const better = s.direction === 'minimize' ? 'lower is better' : 'higher is better';
  return [
    `Final ${s.metric}, median (IQR) over runs, ${better}; [best]`,
    table([['dataset', ...algorithms], ...rows]),
  ].join('\n');
}
