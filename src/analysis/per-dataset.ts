import { bySeed } from '../results/check.js';
import type { TidyRow } from '../results/tidy.js';
import {
  cliffsDelta,
  describe,
  friedman,
  holm,
  kruskalWallis,
  mannWhitneyU,
  medianCI,
  varghaDelaneyA12,
  wilcoxonSignedRank,
} from '../stats/index.js';
import { formatValue } from './format.js';
import type { AlgorithmSummary, AnalysisOptions, DatasetAnalysis, PairwiseComparison } from './types.js';

/** Final values of one dataset, by algorithm and seed. */
export type Cell = Map<string, number>;

/** Paired when every algorithm ran the same set of seeds (and there is more than one). */
export function samePairing(cells: Map<string, Cell>): boolean {
  const sets = [...cells.values()].map((c) => [...c.keys()].sort().join('\u0000'));
  return sets.length > 1 && sets.every((s) => s === sets[0]) && ([...cells.values()][0]?.size ?? 0) > 1;
}

function summarize(name: string, values: number[], level: number): AlgorithmSummary {
  const d = describe(values);
  const ci = medianCI(values, { level });
  return { name, ...d, medianCI: { lower: ci.lower, upper: ci.upper, coverage: ci.coverage } };
}

/** Which pairs to compare: all, or each against the control, plus any pair a claim names. */
function pairsToCompare(algorithms: string[], options: AnalysisOptions, dataset: string): [string, string][] {
  const pairs: [string, string][] = [];
  const add = (a: string, b: string) => {
    if (
      a !== b &&
      algorithms.includes(a) &&
      algorithms.includes(b) &&
      !pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a))
    )
      pairs.push([a, b]);
  };
  if (options.control && algorithms.includes(options.control))
    for (const a of algorithms) add(options.control, a);
  else
    for (let i = 0; i < algorithms.length; i++)
      for (let j = i + 1; j < algorithms.length; j++) add(algorithms[i] as string, algorithms[j] as string);
  for (const claim of options.claims)
    if ('better' in claim && claim.dataset === dataset) add(claim.better, claim.than);
  return pairs;
}

export function analyseDataset(
  name: string,
  finals: readonly TidyRow[],
  options: AnalysisOptions,
): DatasetAnalysis {
  const cells = new Map<string, Cell>();
  for (const r of finals) {
    if (!cells.has(r.algorithm)) cells.set(r.algorithm, new Map());
    (cells.get(r.algorithm) as Cell).set(r.seed, r.value);
  }
  const algorithms = [...cells.keys()].sort();
  const valuesOf = (a: string) => [...(cells.get(a) as Cell).values()];
  const paired = options.paired === 'auto' ? samePairing(cells) : options.paired;
  const notes: string[] = [];
  if (paired && !samePairing(cells))
    notes.push(
      'analysis.paired is true, but the algorithms did not run the same seeds; only seeds common to both sides of each comparison are paired.',
    );

  const level = 1 - options.alpha;
  const summaries = algorithms.map((a) => summarize(a, valuesOf(a), level));
  const sign = options.direction === 'minimize' ? 1 : -1;
  const best = [...summaries].sort((x, y) => sign * (x.median - y.median))[0]?.name ?? '';

  let omnibus: DatasetAnalysis['omnibus'] = null;
  const omnibusTest = options.omnibus === 'auto' ? (paired ? 'friedman' : 'kruskal-wallis') : options.omnibus;
  if (algorithms.length >= 3 && omnibusTest !== 'none') {
    if (omnibusTest === 'friedman') {
      const seeds = commonSeeds(cells, algorithms);
      if (seeds.length >= 2) {
        const f = friedman(seeds.map((s) => algorithms.map((a) => (cells.get(a) as Cell).get(s) as number)));
        omnibus = { test: 'friedman', statistic: f.statistic, df: f.df, pValue: f.pValue };
      } else notes.push('Friedman needs seeds common to every algorithm; there are fewer than 2.');
    } else {
      const k = kruskalWallis(algorithms.map(valuesOf));
      omnibus = { test: 'kruskal-wallis', statistic: k.statistic, df: k.df, pValue: k.pValue };
    }
  }

  const pairs = pairsToCompare(algorithms, options, name);
  const twoSample =
    options.twoSample === 'auto' ? (paired ? 'wilcoxon-signed-rank' : 'mann-whitney-u') : options.twoSample;
  const raw = pairs.map(([a, b]) => compare(a, b, cells, twoSample, options));
  const adjusted = holm(raw.map((r) => r.pValue));
  const pairwise: PairwiseComparison[] = raw.map((r, i) => {
    const pAdjusted = adjusted[i] as number;
    const aLarger = r.shift > 0;
    const better =
      pAdjusted < options.alpha && r.shift !== 0
        ? aLarger === (options.direction === 'maximize')
          ? r.a
          : r.b
        : null;
    return {
      ...r.result,
      pAdjusted,
      better,
      verdict: verdictText(r.result.a, r.result.b, better, pAdjusted, r.result, options.direction),
    };
  });
  return { name, paired, algorithms: summaries, best, omnibus, pairwise, notes };
}

function commonSeeds(cells: Map<string, Cell>, algorithms: string[]): string[] {
  const first = cells.get(algorithms[0] as string) as Cell;
  return [...first.keys()].filter((s) => algorithms.every((a) => (cells.get(a) as Cell).has(s))).sort(bySeed);
}

/** One comparison; `shift` > 0 when a tends to be larger than b. */
function compare(
  a: string,
  b: string,
  cells: Map<string, Cell>,
  test: 'mann-whitney-u' | 'wilcoxon-signed-rank',
  options: AnalysisOptions,
) {
  const ca = cells.get(a) as Cell;
  const cb = cells.get(b) as Cell;
  const x = [...ca.values()];
  const y = [...cb.values()];
  const a12 = varghaDelaneyA12(x, y);
  const delta = cliffsDelta(x, y);
  let statistic: number;
  let pValue: number;
  let shift: number;
  if (test === 'wilcoxon-signed-rank') {
    const seeds = [...ca.keys()].filter((s) => cb.has(s)).sort(bySeed);
    const xs = seeds.map((s) => ca.get(s) as number);
    const ys = seeds.map((s) => cb.get(s) as number);
    const w = wilcoxonSignedRank(xs, ys, { method: options.method });
    const diffs = xs.map((v, i) => v - (ys[i] as number)).filter((d) => d !== 0);
    const positive = diffs.filter((d) => d > 0).length;
    statistic = w.statistic;
    pValue = w.pValue;
    shift = Math.sign(positive - (diffs.length - positive)) || Math.sign(a12.estimate - 0.5);
  } else {
    const u = mannWhitneyU(x, y, { method: options.method });
    statistic = u.statistic;
    pValue = u.pValue;
    shift = Math.sign(a12.estimate - 0.5);
  }
  return {
    a,
    b,
    shift,
    pValue,
    result: {
      a,
      b,
      test,
      statistic,
      pValue,
      a12: a12.estimate,
      a12Magnitude: a12.magnitude,
      cliffsDelta: delta.estimate,
    },
  };
}

/** A pair in plain words; the effect is stated as the chance that one run of one beats one of the other. */
function verdictText(
  a: string,
  b: string,
  better: string | null,
  pAdjusted: number,
  r: { a12: number; a12Magnitude: string },
  direction: AnalysisOptions['direction'],
): string {
  const p = `p_Holm = ${formatValue(pAdjusted)}`;
  // A12 is P(a > b) + ½P(a = b); "beats" means larger when maximizing, smaller when minimizing.
  const aBeats = direction === 'maximize' ? r.a12 : 1 - r.a12;
  if (better) {
    const worse = better === a ? b : a;
    const chance = better === a ? aBeats : 1 - aBeats;
    return `${better} is better than ${worse} (${p}; P(${better} beats ${worse}) = ${formatValue(chance, 3)}, ${r.a12Magnitude} effect)`;
  }
  return `no significant difference between ${a} and ${b} (${p}; P(${a} beats ${b}) = ${formatValue(aBeats, 3)}, ${r.a12Magnitude} effect)`;
}
