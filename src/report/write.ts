import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Analysis, type AnalysisOptions, analyse } from '../analysis/index.js';
import type { CollectedResults } from '../results/collect.js';
import { badgeJson, badgeOf, badgeSvg } from './badge.js';
import { renderLatex } from './latex.js';
import { renderMarkdown } from './markdown.js';
import { writeMergedCsv } from './merged-csv.js';
import { boxPlot } from './plots/box.js';
import { cdDiagram } from './plots/cd-diagram.js';
import { convergencePlot, convergenceSeries } from './plots/convergence.js';
import { svgToPng } from './plots/png.js';
import type { Provenance } from './provenance.js';
import { buildSummary, type Summary } from './summary.js';

export interface ReportInput {
  results: CollectedResults;
  options: AnalysisOptions;
  metric: string;
  provenance: Provenance;
}

export interface WrittenReport {
  dir: string;
  summary: Summary;
  markdown: string;
  files: string[];
}

/** A dataset name as a file name. */
export const slug = (name: string) =>
  name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'dataset';

/** Analyses the results and writes every report file into `dir`. */
export async function writeReport(dir: string, input: ReportInput): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const { results, options, metric } = input;
  const analysis: Analysis = analyse(results.finals, options);
  const summary = buildSummary(
    analysis,
    {
      metric,
      rows: results.rows.length,
      runs: results.finals.length,
      files: results.sources.length,
      searched: results.searched,
      warnings: results.warnings,
    },
    input.provenance,
  );
  const files: string[] = [];
  const put = async (name: string, data: string | Buffer) => {
    await writeFile(join(dir, name), data);
    files.push(name);
  };

  const plots: { dataset: string; file: string; alt: string }[] = [];
  const labels = { metric, direction: options.direction };
  const plot = async (base: string, svg: string, dataset: string, alt: string) => {
    await put(`${base}.svg`, svg);
    await put(`${base}.png`, await svgToPng(svg));
    plots.push({ dataset, file: `${base}.png`, alt });
  };
  // One pass over the rows, not one per dataset: a million rows over 20 datasets is 20 million tests.
  const rowsOf = groupBy(results.rows, (r) => r.dataset);
  const finalsOf = groupBy(results.finals, (r) => `${r.dataset}\u0000${r.algorithm}`);
  for (const d of analysis.datasets) {
    const series = convergenceSeries(rowsOf.get(d.name) ?? []);
    if (series.some((s) => s.points.length > 1))
      await plot(
        `convergence-${slug(d.name)}`,
        convergencePlot(d.name, series, labels),
        d.name,
        `Convergence on ${d.name}`,
      );
    const groups = d.algorithms.map((a) => ({
      algorithm: a.name,
      values: (finalsOf.get(`${d.name}\u0000${a.name}`) ?? []).map((r) => r.value),
    }));
    await plot(`box-${slug(d.name)}`, boxPlot(d.name, groups, labels), d.name, `Final values on ${d.name}`);
  }
  if (analysis.acrossDatasets) {
    const a = analysis.acrossDatasets;
    await plot(
      'cd-diagram',
      cdDiagram(a.meanRanks, a.nemenyi.criticalDifference, a.nemenyi.cliques, a.datasets.length),
      '',
      'Critical difference diagram',
    );
  }

  const markdown = renderMarkdown(summary, { plots });
  await put('report.md', markdown);
  await put('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  await put('tables.tex', renderLatex(summary));
  const badge = badgeOf(summary);
  await put('badge.svg', badgeSvg(badge));
  await put('badge.json', badgeJson(badge));
  await writeMergedCsv(join(dir, 'results.csv'), results.rows);
  files.push('results.csv');
  return { dir, summary, markdown, files };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
