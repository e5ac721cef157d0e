import { inputError } from '../errors.js';

/**
 * Holm's (1979) step-down adjustment. Returns adjusted p-values in input order, monotone in the
 * sorted order and capped at 1; reject where adjusted p <= alpha.
 */
export function holm(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw inputError(`pValues[${i}] is ${p}; a p-value must lie in [0, 1].`);
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}
