import type { TidyRow } from '../../results/tidy.js';
import { quantileSorted } from '../../stats/index.js';
import { axes, type Frame, legend, PALETTE, r2, scale, svgDocument, text, wantsLog } from './svg.js';

export interface ConvergenceSeries {
  algorithm: string;
  /** Per step: the median and quartiles over the runs that reported that step. */
  points: { step: number; q1: number; median: number; q3: number }[];
}

/** Median and IQR per algorithm and step; runs without steps contribute nothing. */
export function convergenceSeries(rows: readonly TidyRow[]): ConvergenceSeries[] {
  const byAlgorithm = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    if (r.step === undefined) continue;
    const steps = byAlgorithm.get(r.algorithm) ?? new Map<number, number[]>();
    byAlgorithm.set(r.algorithm, steps);
    const values = steps.get(r.step) ?? [];
    steps.set(r.step, values);
    values.push(r.value);
  }
  return [...byAlgorithm.keys()].sort().map((algorithm) => {
    const steps = byAlgorithm.get(algorithm) as Map<number, number[]>;
    const points = [...steps.keys()]
      .sort((a, b) => a - b)
      .map((step) => {
        const sorted = (steps.get(step) as number[]).sort((a, b) => a - b);
        return {
          step,
          q1: quantileSorted(sorted, 0.25),
          median: quantileSorted(sorted, 0.5),
          q3: quantileSorted(sorted, 0.75),
        };
      });
    return { algorithm, points };
  });
}

/** Median line and IQR band per algorithm over the budget; log-y when the values span > 3 decades. */
export function convergencePlot(
  dataset: string,
  series: readonly ConvergenceSeries[],
  labels: { metric: string; direction: string },
): string {
  const width = 720;
  const height = 440;
  const frame: Frame = { left: 72, right: width - 24, top: 64, bottom: height - 56 };
  const all = series.flatMap((s) => s.points.flatMap((p) => [p.q1, p.q3]));
  const steps = series.flatMap((s) => s.points.map((p) => p.step));
  const x = scale(Math.min(...steps), Math.max(...steps), frame.left, frame.right);
  const y = scale(Math.min(...all), Math.max(...all), frame.bottom, frame.top, wantsLog(all));
  const body = [
    text(frame.left, 24, `${dataset}: convergence`, { 'font-size': 15, 'font-weight': 'bold' }),
    ...legend(
      series.map((s) => s.algorithm),
      frame.left,
      46,
      frame.right - frame.left,
    ),
    ...axes(frame, x, y, {
      x: 'step',
      y: `${labels.metric} (median, IQR band${y.log ? ', log scale' : ''})`,
    }),
  ];
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    const upper = s.points.map((p) => `${r2(x(p.step))},${r2(y(p.q3))}`);
    const lower = s.points.map((p) => `${r2(x(p.step))},${r2(y(p.q1))}`).reverse();
    const line = s.points.map((p) => `${r2(x(p.step))},${r2(y(p.median))}`);
    body.push(`<g class="series" data-algorithm="${s.algorithm.replace(/"/g, '&quot;')}">`);
    body.push(
      `<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="${color}" fill-opacity="0.18" stroke="none"/>`,
    );
    body.push(
      `<polyline class="median" points="${line.join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`,
    );
    body.push('</g>');
  });
  return svgDocument(width, height, `${dataset}: convergence of ${labels.metric}`, body);
}
