/**
 * Small SVG building blocks shared by the plots. Every plot sits on a white card with dark text, so
 * it reads the same in GitHub's light and dark themes; series colours are the Okabe-Ito palette,
 * which stays distinguishable for colour-blind readers.
 */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#999933',
  '#882255',
  '#44AA99',
];
export const FONT = 'DejaVu Sans';
const TEXT = '#1f2328';
const GRID = '#d0d7de';

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/** Rounded to 2 decimals: identical bytes on every machine, and small files. */
export const r2 = (x: number) => Math.round(x * 100) / 100;

export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" rx="8" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export function text(
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number> = {},
): string {
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r2(v) : escapeXml(v)}"`)
    .join('');
  return `<text x="${r2(x)}" y="${r2(y)}" fill="${TEXT}"${extra}>${escapeXml(content)}</text>`;
}

export interface Scale {
  (value: number): number;
  ticks: number[];
  log: boolean;
  format(value: number): string;
}

/** "Nice" tick steps: 1, 2 or 5 times a power of ten. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  if (lo === hi) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) as number;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}

/**
 * A linear or log scale from [lo, hi] to [from, to]. Log when asked and every value is positive;
 * `wantLog` is decided by the caller from the data's range.
 */
export function scale(lo: number, hi: number, from: number, to: number, wantLog = false): Scale {
  const log = wantLog && lo > 0;
  let a = log ? Math.log10(lo) : lo;
  let b = log ? Math.log10(hi) : hi;
  if (a === b) {
    a -= log ? 0.5 : Math.abs(a) * 0.1 || 1;
    b += log ? 0.5 : Math.abs(b) * 0.1 || 1;
  }
  // A little room at both ends, so extreme boxes and lines are not drawn on the frame.
  const pad = (b - a) * 0.04;
  a -= pad;
  b += pad;
  const f = ((v: number) => from + (((log ? Math.log10(v) : v) - a) / (b - a)) * (to - from)) as Scale;
  f.log = log;
  f.ticks = log
    ? Array.from({ length: Math.floor(b) - Math.ceil(a) + 1 }, (_, i) => 10 ** (Math.ceil(a) + i)).filter(
        (_, i, all) => all.length <= 8 || i % Math.ceil(all.length / 8) === 0,
      )
    : niceTicks(a, b, 5);
  f.format = formatTick;
  return f;
}

/** Whether values span enough orders of magnitude to need a log axis. */
export function wantsLog(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length !== values.length || positive.length === 0) return false;
  return Math.max(...positive) / Math.min(...positive) > 1e3;
}

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Axes with ticks, grid lines and labels, as one group of class "axis". */
export function axes(
  frame: Frame,
  x: Scale,
  y: Scale,
  labels: { x: string; y: string },
  xTicks = true,
): string[] {
  const out = ['<g class="axis">'];
  for (const t of y.ticks) {
    const py = y(t);
    out.push(
      `<line x1="${frame.left}" x2="${frame.right}" y1="${r2(py)}" y2="${r2(py)}" stroke="${GRID}" stroke-width="1"/>`,
    );
    out.push(text(frame.left - 6, py + 4, y.format(t), { 'text-anchor': 'end', 'font-size': 11 }));
  }
  if (xTicks) {
    for (const t of x.ticks) {
      const px = x(t);
      out.push(
        `<line x1="${r2(px)}" x2="${r2(px)}" y1="${frame.bottom}" y2="${frame.bottom + 4}" stroke="${TEXT}"/>`,
      );
      out.push(text(px, frame.bottom + 17, x.format(t), { 'text-anchor': 'middle', 'font-size': 11 }));
    }
  }
  out.push(
    `<line class="x-axis" x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}" stroke="${TEXT}"/>`,
  );
  out.push(
    `<line class="y-axis" x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${frame.bottom}" stroke="${TEXT}"/>`,
  );
  if (labels.x)
    out.push(text((frame.left + frame.right) / 2, frame.bottom + 36, labels.x, { 'text-anchor': 'middle' }));
  const cy = (frame.top + frame.bottom) / 2;
  out.push(text(16, cy, labels.y, { 'text-anchor': 'middle', transform: `rotate(-90 16 ${r2(cy)})` }));
  out.push('</g>');
  return out;
}

/** A legend of coloured swatches, one per series, in a row above the plot. */
export function legend(names: readonly string[], x: number, y: number, maxWidth: number): string[] {
  const out = ['<g class="legend">'];
  let cx = x;
  let cy = y;
  names.forEach((name, i) => {
    const width = 22 + name.length * 7;
    if (cx + width > x + maxWidth && cx > x) {
      cx = x;
      cy += 16;
    }
    out.push(
      `<rect x="${r2(cx)}" y="${r2(cy - 9)}" width="12" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`,
    );
    out.push(text(cx + 16, cy, name, { 'font-size': 11 }));
    cx += width;
  });
  out.push('</g>');
  return out;
}
