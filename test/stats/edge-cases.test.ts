import { describe, expect, it } from 'vitest';
import {
  cliffsDelta,
  describe as describeSample,
  friedman,
  holm,
  kruskalWallis,
  mannWhitneyU,
  medianCI,
  nemenyi,
  varghaDelaneyA12,
  wilcoxonSignedRank,
} from '../../src/stats/index.js';
import { casesOf, expectClose } from './vectors.js';

describe('degenerate data gives p = 1 with a note, never NaN', () => {
  const cases = [
    { what: 'MWU, n = 1 each, equal', run: () => mannWhitneyU([3], [3]) },
    {
      what: 'MWU, identical samples, asymptotic',
      run: () => mannWhitneyU([2, 2, 2], [2, 2], { method: 'asymptotic' }),
    },
    {
      what: 'MWU, identical samples, exact',
      run: () => mannWhitneyU([2, 2, 2], [2, 2], { method: 'exact' }),
    },
    { what: 'signed-rank, all differences zero', run: () => wilcoxonSignedRank([1, 2, 3], [1, 2, 3]) },
    {
      what: 'signed-rank, all zero, pratt',
      run: () => wilcoxonSignedRank([0, 0], undefined, { zeroMethod: 'pratt' }),
    },
    { what: 'Kruskal-Wallis, all equal', run: () => kruskalWallis([[1, 1], [1]]) },
    {
      what: 'Friedman, every block tied',
      run: () =>
        friedman([
          [4, 4, 4],
          [2, 2, 2],
        ]),
    },
  ];
  it.each(cases)('$what', ({ run }) => {
    const r = run();
    expect(r.pValue).toBe(1);
    expect(r.note).toBeTypeOf('string');
  });

  it('MWU with n = 1 each and different values is exact and not significant', () => {
    expect(mannWhitneyU([1], [2])).toMatchObject({ statistic: 0, pValue: 1, method: 'exact' });
  });

  it('describe() of one value has sd 0, not NaN', () => {
    expect(describeSample([5])).toEqual({ n: 1, mean: 5, sd: 0, median: 5, q1: 5, q3: 5, min: 5, max: 5 });
  });

  it('medianCI of too few values returns the range and says so', () => {
    const r = medianCI([1, 2, 3]);
    expect([r.lower, r.upper]).toEqual([1, 3]);
    expect(r.coverage).toBe(0.75);
    expect(r.note).toMatch(/cannot give 95% coverage/);
  });
});

describe('bad input is a clear error', () => {
  const cases = [
    { what: 'empty x', run: () => mannWhitneyU([], [1]), error: /x is empty/ },
    { what: 'Infinity', run: () => mannWhitneyU([1, Infinity], [1]), error: /x\[1\] is Infinity/ },
    { what: '-Infinity in y', run: () => varghaDelaneyA12([1], [-Infinity]), error: /y\[0\] is -Infinity/ },
    { what: 'unequal pairs', run: () => wilcoxonSignedRank([1, 2], [1]), error: /equal length/ },
    {
      what: 'ragged Friedman rows',
      run: () => friedman([[1, 2], [1]]),
      error: /Row 1 has 1 values but row 0 has 2/,
    },
    { what: 'Friedman with one algorithm', run: () => friedman([[1], [2]]), error: /at least 2 algorithms/ },
    { what: 'Kruskal with one group', run: () => kruskalWallis([[1, 2]]), error: /at least 2 groups/ },
    { what: 'p-value above 1', run: () => holm([0.5, 1.5]), error: /pValues\[1\] is 1.5/ },
    { what: 'alpha 0', run: () => nemenyi([1, 2], 3, { alpha: 0 }), error: /alpha is 0/ },
    { what: 'level 95', run: () => medianCI([1, 2, 3], { level: 95 }), error: /level is 95/ },
    {
      what: 'all NaN with omit',
      run: () => cliffsDelta([Number.NaN], [1], { nanPolicy: 'omit' }),
      error: /no finite values/,
    },
  ];
  it.each(cases)('$what', ({ run, error }) => {
    expect(run).toThrow(error);
  });
});

describe('nanPolicy omit', () => {
  it('drops whole pairs for the signed-rank test', () => {
    const r = wilcoxonSignedRank([1, Number.NaN, 3, 5], [0, 1, Number.NaN, 1], { nanPolicy: 'omit' });
    expect(r).toEqual(wilcoxonSignedRank([1, 5], [0, 1]));
  });
  it('drops whole blocks for Friedman', () => {
    const data = [
      [1, 2, 3],
      [1, Number.NaN, 3],
      [3, 2, 1],
      [1, 3, 2],
    ];
    expect(friedman(data, { nanPolicy: 'omit' })).toEqual(
      friedman([data[0], data[2], data[3]] as number[][]),
    );
  });
});

describe('alternatives are oriented for x', () => {
  it('MWU: x clearly larger gives a small p for greater and a large one for less', () => {
    const x = [10, 11, 12, 13, 14];
    const y = [1, 2, 3, 4, 5];
    expect(mannWhitneyU(x, y, { alternative: 'greater' }).pValue).toBeCloseTo(1 / 252, 12);
    expect(mannWhitneyU(x, y, { alternative: 'less' }).pValue).toBe(1);
    expect(mannWhitneyU(x, y).pValue).toBeCloseTo(2 / 252, 12);
  });
  it('signed-rank: all positive differences give p = 2^-n for greater', () => {
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5, 6]).pValue).toBeCloseTo(2 / 64, 12);
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5, 6], undefined, { alternative: 'greater' }).pValue).toBeCloseTo(
      1 / 64,
      12,
    );
  });
});

describe('Nemenyi cliques', () => {
  it('groups algorithms whose mean ranks lie within the critical difference', () => {
    // Demšar (2006) sec. 3.2.4: CD = 1.25 for k = 4, N = 14, and best − worst = 1.18: one clique.
    expect(nemenyi([3.143, 2.0, 2.893, 1.964], 14).cliques).toEqual([[3, 1, 2, 0]]);
    // Overlapping groups, as the bars of a CD diagram overlap.
    expect(nemenyi([1, 1.5, 2.4, 3.1], 14).cliques).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
  it('lists no clique when every pair differs', () => {
    expect(nemenyi([1, 2, 3], 1000).cliques).toEqual([]);
  });
  it('agrees with the pairwise p-values', () => {
    const ranks = [1.2, 1.9, 2.6, 3.1, 3.9, 4.3];
    const r = nemenyi(ranks, 20);
    expect(r.cliques.length).toBeGreaterThan(0); // else the loop below would check nothing
    for (const clique of r.cliques) {
      for (const a of clique) for (const b of clique) expect(r.pValues[a]?.[b]).toBeGreaterThanOrEqual(0.05);
    }
  });
});

describe('describe() against numpy', () => {
  it('matches numpy 2.4 (mean, std ddof=1, percentile linear) on the 30-run sample of the reference file', () => {
    const x = (casesOf('median_ci').find((c) => c.id === 'median_ci_01')?.input.x ?? []) as number[];
    // python3: a = np.array(x); a.mean(), a.std(ddof=1), np.median(a), np.percentile(a, [25, 75])
    const numpy = {
      n: 30,
      mean: 0.4891343666666667,
      sd: 0.11682596987605799,
      median: 0.507457,
      q1: 0.39518624999999996,
      q3: 0.57575225,
      min: 0.239478,
      max: 0.768321,
    };
    const d = describeSample(x);
    for (const key of Object.keys(numpy) as (keyof typeof numpy)[])
      expectClose(d[key], numpy[key], { rtol: 1e-12, atol: 1e-15 }, key);
  });
});
