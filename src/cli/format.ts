/** Number formatting shared by every human-readable output. */

/** A p-value as a reader expects it: 4 significant digits, and "< 1e-16" below double precision. */
export function formatP(p: number): string {
  if (p < 1e-16) return '< 1e-16';
  if (p < 1e-4) return p.toExponential(2);
  return p.toPrecision(4).replace(/\.?0+$/, '');
}

/** A statistic to 6 significant digits, without trailing zeros. */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e9)) return x.toExponential(Math.max(0, digits - 3));
  return Number(x.toPrecision(digits)).toString();
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
