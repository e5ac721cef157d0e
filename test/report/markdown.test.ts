import { describe, expect, it } from 'vitest';
import { type AnalysisOptions, analyse } from '../../src/analysis/index.js';
import type { Claim } from '../../src/config/index.js';
import { badgeJson, badgeOf, buildSummary, MAX_COMMENT, renderMarkdown } from '../../src/report/index.js';
import type { TidyRow } from '../../src/results/index.js';

const host = { os: 'linux', arch: 'x64', cpuModel: 'cpu', cores: 2, memoryBytes: 1 };
const provenance = {
  workflow: null,
  parameters: {},
  engine: null,
  runtime: null,
  gitCommit: null,
  host,
  reproVersion: 'test',
  startedAt: null,
  finishedAt: null,
  runs: [],
};
const options: AnalysisOptions = {
  alpha: 0.05,
  paired: 'auto',
  direction: 'minimize',
  twoSample: 'auto',
  omnibus: 'auto',
  method: 'auto',
  claims: [],
};

function summaryOf(finals: TidyRow[], claims: Claim[] = []) {
  const analysis = analyse(finals, { ...options, claims });
  return buildSummary(
    analysis,
    {
      metric: 'loss',
      rows: finals.length,
      runs: finals.length,
      files: 1,
      searched: 'results/',
      warnings: [],
    },
    provenance,
  );
}

describe('report.md', () => {
  it('stays within a PR comment (65,536 characters) for 300 datasets x 10 algorithms, and says where the rest is', () => {
    const finals: TidyRow[] = [];
    for (let d = 0; d < 300; d++) {
      for (let a = 0; a < 10; a++) {
        for (let s = 1; s <= 5; s++)
          finals.push({
            algorithm: `algorithm-${a}`,
            dataset: `dataset-number-${d}`,
            seed: String(s),
            step: undefined,
            value: a + s / 10 + d / 1000,
          });
      }
    }
    const md = renderMarkdown(summaryOf(finals), { plots: [] });
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(md).toMatch(/more datasets are in summary\.json|Pairwise comparisons are in summary\.json/);
    expect(md.startsWith('<!-- repro-report -->\n## Repro:')).toBe(true);
  });

  it('a run without results says so, and where Repro looked', () => {
    const s = buildSummary(
      analyse([], options),
      { metric: 'loss', rows: 0, runs: 0, files: 0, searched: '.repro/artifacts/wf/results/', warnings: [] },
      provenance,
    );
    expect(renderMarkdown(s, { plots: [] })).toContain(
      'No tidy results were found. Repro looked in `.repro/artifacts/wf/results/`.',
    );
    expect(badgeOf(s)).toEqual({ label: 'repro', message: 'no results', color: 'lightgrey' });
  });
});

describe('badge', () => {
  const finals: TidyRow[] = [1, 2, 3, 4, 5, 6].flatMap((s) => [
    { algorithm: 'fast', dataset: 'default', seed: String(s), step: undefined, value: s },
    { algorithm: 'slow', dataset: 'default', seed: String(s), step: undefined, value: 100 + s },
  ]);
  it.each([
    {
      claims: [{ better: 'fast', than: 'slow', dataset: 'default' }],
      badge: { label: 'reproduced', message: '1/1 claims', color: 'brightgreen' },
    },
    {
      claims: [{ better: 'slow', than: 'fast', dataset: 'default' }],
      badge: { label: 'not reproduced', message: '0/1 claims', color: 'red' },
    },
    {
      claims: [
        { better: 'fast', than: 'slow', dataset: 'default' },
        { algorithm: 'fast', dataset: 'default', statistic: 'median' as const, value: 3.5, tolerance: 0.1 },
      ],
      badge: { label: 'inconclusive', message: '1/2 claims', color: 'yellow' },
    },
  ] as { claims: Claim[]; badge: object }[])('$badge.label', ({ claims, badge }) => {
    const b = badgeOf(summaryOf(finals, claims));
    expect(b).toEqual(badge);
    expect(JSON.parse(badgeJson(b))).toEqual({ schemaVersion: 1, ...badge });
  });
});
