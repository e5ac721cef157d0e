/** Numbers as the report writes them: 4 significant digits, exponent form when very small or large. */
export function formatValue(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs < 1e-3 || abs >= 1e6) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return Number(x.toPrecision(digits)).toString();
}
