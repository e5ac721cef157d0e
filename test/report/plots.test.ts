/** SVG structure: axes, one series per algorithm, CD cliques equal to the Nemenyi cliques; PNGs are deterministic. */
import { describe, expect, it } from 'vitest';
import { boxPlot } from '../../src/report/plots/box.js';
import { cdDiagram } from '../../src/report/plots/cd-diagram.js';
import { convergencePlot, convergenceSeries } from '../../src/report/plots/convergence.js';
import { svgToPng } from '../../src/report/plots/png.js';
import type { TidyRow } from '../../src/results/index.js';
import { nemenyi } from '../../src/stats/index.js';

const rows: TidyRow[] = [];
for (const algorithm of ['es', 'nm', 'rs']) {
  for (let seed = 1; seed <= 5; seed++) {
    for (let step = 1; step <= 4; step++)
      rows.push({
        algorithm,
        dataset: 'd',
        seed: String(seed),
        step,
        value: (10 * seed) / step / (algorithm === 'rs' ? 1 : 10_000),
      });
  }
}
const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('plots', () => {
  it('convergence: axes, one series per algorithm with a median line and IQR band, log-y for a wide range', () => {
    const svg = convergencePlot('d', convergenceSeries(rows), { metric: 'loss', direction: 'minimize' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(count(svg, /class="axis"/g)).toBe(1);
    expect(count(svg, /class="x-axis"/g)).toBe(1);
    expect(count(svg, /class="y-axis"/g)).toBe(1);
    expect([...svg.matchAll(/class="series" data-algorithm="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'es',
      'nm',
      'rs',
    ]);
    expect(count(svg, /class="median"/g)).toBe(3);
    expect(count(svg, /class="band"/g)).toBe(3);
    expect(svg).toContain('log scale');
  });

  it('convergence statistics are the median and quartiles over seeds at each step', () => {
    const es = convergenceSeries(rows).find((s) => s.algorithm === 'es');
    expect(es?.points[0]).toEqual({ step: 1, q1: 0.002, median: 0.003, q3: 0.004 });
  });

  it('box plot: one box per algorithm, whiskers and a median line each', () => {
    const groups = ['a', 'b'].map((algorithm, i) => ({
      algorithm,
      values: [1, 2, 3, 4, 100].map((v) => v + i),
    }));
    const svg = boxPlot('d', groups, { metric: 'loss', direction: 'minimize' });
    expect([...svg.matchAll(/data-algorithm="([^"]+)"/g)].map((m) => m[1])).toEqual(['a', 'b']);
    expect(count(svg, /class="box"/g)).toBe(2);
    expect(count(svg, /class="whisker"/g)).toBe(2);
    expect(count(svg, /class="outlier"/g)).toBe(2); // 100 and 101 lie beyond 1.5 IQR
  });

  it('CD diagram: a bar per Nemenyi clique, with the same members', () => {
    const names = ['a', 'b', 'c', 'd'];
    const ranks = [1, 1.5, 2.4, 3.1];
    const post = nemenyi(ranks, 14);
    const cliques = post.cliques.map((c) => c.map((i) => names[i] as string));
    const svg = cdDiagram(
      Object.fromEntries(names.map((n, i) => [n, ranks[i] as number])),
      post.criticalDifference,
      cliques,
      14,
    );
    const drawn = [...svg.matchAll(/class="clique" data-members="([^"]+)"/g)].map((m) =>
      (m[1] as string).split(','),
    );
    expect(drawn).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    expect(drawn).toEqual(cliques);
    expect(svg).toContain('CD = 1.25');
    expect(count(svg, /class="series"/g)).toBe(4);
  });

  it('PNG: a real PNG, byte-identical when rendered twice (bundled font, no system fonts)', async () => {
    const svg = convergencePlot('d', convergenceSeries(rows), { metric: 'loss', direction: 'minimize' });
    const first = await svgToPng(svg);
    const second = await svgToPng(svg);
    expect(first.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(first.readUInt32BE(16)).toBe(2 * 720); // IHDR width: rendered at 2x
    expect(first.equals(second)).toBe(true);
  });
});
