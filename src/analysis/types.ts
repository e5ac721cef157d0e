import type { Claim } from '../config/schema.js';
import type { Description, Magnitude } from '../stats/index.js';

export type Direction = 'minimize' | 'maximize';

export interface AnalysisOptions {
  alpha: number;
  paired: 'auto' | boolean;
  control?: string;
  direction: Direction;
  twoSample: 'auto' | 'mann-whitney-u' | 'wilcoxon-signed-rank';
  omnibus: 'auto' | 'kruskal-wallis' | 'friedman' | 'none';
  method: 'auto' | 'exact' | 'asymptotic';
  claims: Claim[];
}

export interface AlgorithmSummary extends Description {
  name: string;
  medianCI: { lower: number; upper: number; coverage: number };
}

export interface PairwiseComparison {
  a: string;
  b: string;
  test: 'mann-whitney-u' | 'wilcoxon-signed-rank';
  /** U of a, or R+ of a − b. */
  statistic: number;
  pValue: number;
  /** Holm-adjusted over the comparisons of this dataset. */
  pAdjusted: number;
  /** P(a > b) + ½P(a = b). */
  a12: number;
  a12Magnitude: Magnitude;
  cliffsDelta: number;
  /** The better algorithm under `direction` when the difference is significant after Holm. */
  better: string | null;
  verdict: string;
}

export interface DatasetAnalysis {
  name: string;
  paired: boolean;
  algorithms: AlgorithmSummary[];
  /** The algorithm with the best median under `direction`. */
  best: string;
  omnibus: { test: 'kruskal-wallis' | 'friedman'; statistic: number; df: number; pValue: number } | null;
  pairwise: PairwiseComparison[];
  notes: string[];
}

export interface AcrossDatasets {
  datasets: string[];
  friedman: {
    statistic: number;
    df: number;
    pValue: number;
    imanDavenport: { statistic: number; pValue: number };
  };
  /** Mean rank per algorithm over datasets; rank 1 is best under `direction`. */
  meanRanks: Record<string, number>;
  nemenyi: { qAlpha: number; criticalDifference: number; cliques: string[][] };
}

export type Verdict = 'reproduced' | 'not reproduced' | 'inconclusive';

export interface ClaimResult {
  claim: Claim;
  verdict: Verdict;
  evidence: string;
}

export interface Analysis {
  direction: Direction;
  alpha: number;
  datasets: DatasetAnalysis[];
  acrossDatasets: AcrossDatasets | null;
  claims: ClaimResult[];
  warnings: string[];
}
