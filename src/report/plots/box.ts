import { quantileSorted } from '../../stats/index.js';
import { axes, type Frame, PALETTE, r2, scale, svgDocument, text, wantsLog } from './svg.js';

/** Box plots of the final values per algorithm: quartiles, median, 1.5·IQR whiskers, outliers. */
export function boxPlot(
  dataset: string,
  groups: readonly { algorithm: string; values: readonly number[] }[],
  labels: { metric: string; direction: string },
): string {
  const width = Math.max(520, 120 + groups.length * 80);
  const height = 420;
  const frame: Frame = { left: 72, right: width - 24, top: 44, bottom: height - 84 };
  const all = groups.flatMap((g) => g.values);
  const y = scale(Math.min(...all), Math.max(...all), frame.bottom, frame.top, wantsLog(all));
  const slot = (frame.right - frame.left) / groups.length;
  const x = Object.assign((i: number) => frame.left + slot * (i + 0.5), {
    ticks: [],
    log: false,
    format: String,
  });
  const better = labels.direction === 'minimize' ? 'lower is better' : 'higher is better';
  const body = [
    text(frame.left, 24, `${dataset}: final values (${better})`, { 'font-size': 15, 'font-weight': 'bold' }),
    ...axes(frame, x, y, { x: '', y: `${labels.metric}${y.log ? ' (log scale)' : ''}` }, false),
  ];
  groups.forEach((g, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    const sorted = [...g.values].sort((a, b) => a - b);
    const q1 = quantileSorted(sorted, 0.25);
    const q3 = quantileSorted(sorted, 0.75);
    const median = quantileSorted(sorted, 0.5);
    const iqr = q3 - q1;
    const inside = sorted.filter((v) => v >= q1 - 1.5 * iqr && v <= q3 + 1.5 * iqr);
    const low = inside[0] as number;
    const high = inside[inside.length - 1] as number;
    const cx = x(i);
    const half = Math.min(28, slot * 0.3);
    body.push(`<g class="series" data-algorithm="${g.algorithm.replace(/"/g, '&quot;')}">`);
    body.push(
      `<line class="whisker" x1="${r2(cx)}" x2="${r2(cx)}" y1="${r2(y(low))}" y2="${r2(y(high))}" stroke="${color}" stroke-width="1.5"/>`,
    );
    body.push(
      `<rect class="box" x="${r2(cx - half)}" y="${r2(y(q3))}" width="${r2(2 * half)}" height="${r2(Math.max(1, y(q1) - y(q3)))}" fill="${color}" fill-opacity="0.25" stroke="${color}" stroke-width="1.5"/>`,
    );
    body.push(
      `<line class="median" x1="${r2(cx - half)}" x2="${r2(cx + half)}" y1="${r2(y(median))}" y2="${r2(y(median))}" stroke="${color}" stroke-width="3"/>`,
    );
    for (const v of sorted.filter((v) => v < low || v > high))
      body.push(
        `<circle class="outlier" cx="${r2(cx)}" cy="${r2(y(v))}" r="2.5" fill="none" stroke="${color}"/>`,
      );
    body.push('</g>');
    body.push(
      text(cx, frame.bottom + 16, g.algorithm, {
        'text-anchor': 'end',
        'font-size': 11,
        transform: `rotate(-30 ${r2(cx)} ${r2(frame.bottom + 16)})`,
      }),
    );
  });
  return svgDocument(width, height, `${dataset}: final ${labels.metric}`, body);
}
