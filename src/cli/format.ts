/** Number formatting for the terminal; numbers share the report's format (analysis/format.ts). */
import { formatValue } from '../analysis/format.js';

/** A p-value as a reader expects it: 4 significant digits, and "< 1e-16" below double precision. */
export function formatP(p: number): string {
  if (p < 1e-16) return '< 1e-16';
  if (p < 1e-4) return p.toExponential(2);
  return p.toPrecision(4).replace(/\.?0+$/, '');
}

/** A statistic: whole numbers as they are, anything else as the report writes numbers. */
export function formatNumber(x: number, digits = 6): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x);
  return formatValue(x, digits);
}

/** Left-aligned text columns. */
export function table(rows: string[][]): string {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [],
  );
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
