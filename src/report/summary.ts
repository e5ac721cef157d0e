import type { Analysis } from '../analysis/index.js';
import type { Provenance } from './provenance.js';

/** summary.json, schemaVersion 1 (docs/summary-schema.md). */
export interface Summary extends Omit<Analysis, 'datasets' | 'claims'> {
  schemaVersion: 1;
  metric: string;
  verdict: { total: number; reproduced: number; notReproduced: number; inconclusive: number; line: string };
  datasets: Analysis['datasets'];
  claims: {
    claim: Analysis['claims'][number]['claim'];
    verdict: Analysis['claims'][number]['verdict'];
    evidence: string;
  }[];
  results: { rows: number; runs: number; files: number; searched: string };
  provenance: Provenance;
}

/** One line a reviewer reads first. */
export function verdictLine(claims: Analysis['claims']): Summary['verdict'] {
  const reproduced = claims.filter((c) => c.verdict === 'reproduced').length;
  const notReproduced = claims.filter((c) => c.verdict === 'not reproduced').length;
  const inconclusive = claims.length - reproduced - notReproduced;
  const line =
    claims.length === 0
      ? 'No claims to check (add claims to repro.yml)'
      : `Claims reproduced: ${reproduced}/${claims.length}${notReproduced ? `, not reproduced: ${notReproduced}` : ''}${inconclusive ? `, inconclusive: ${inconclusive}` : ''}`;
  return { total: claims.length, reproduced, notReproduced, inconclusive, line };
}

export function buildSummary(
  analysis: Analysis,
  meta: {
    metric: string;
    rows: number;
    runs: number;
    files: number;
    searched: string;
    warnings: readonly string[];
  },
  provenance: Provenance,
): Summary {
  return {
    schemaVersion: 1,
    metric: meta.metric,
    direction: analysis.direction,
    alpha: analysis.alpha,
    verdict: verdictLine(analysis.claims),
    datasets: analysis.datasets,
    acrossDatasets: analysis.acrossDatasets,
    claims: analysis.claims.map((c) => ({ claim: c.claim, verdict: c.verdict, evidence: c.evidence })),
    warnings: [...meta.warnings, ...analysis.warnings],
    results: { rows: meta.rows, runs: meta.runs, files: meta.files, searched: meta.searched },
    provenance,
  };
}
