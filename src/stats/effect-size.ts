import type { Magnitude, NanPolicy } from './types.js';
import { finiteSample } from './validate.js';

export interface EffectSize {
  estimate: number;
  magnitude: Magnitude;
}

/** Counts of pairs (x_i, y_j) with x_i > y_j and with x_i = y_j, by merging two sorted samples. */
function dominance(
  x: readonly number[],
  y: readonly number[],
): { greater: number; equal: number; pairs: number } {
  const xs = [...x].sort((a, b) => a - b);
  const ys = [...y].sort((a, b) => a - b);
  let greater = 0;
  let equal = 0;
  let below = 0; // ys[0..below) < current x
  let atMost = 0; // ys[0..atMost) <= current x
  for (const v of xs) {
    while (below < ys.length && (ys[below] as number) < v) below++;
    while (atMost < ys.length && (ys[atMost] as number) <= v) atMost++;
    greater += below;
    equal += atMost - below;
  }
  return { greater, equal, pairs: xs.length * ys.length };
}

const MAGNITUDES = ['negligible', 'small', 'medium', 'large'] as const satisfies readonly Magnitude[];

/**
 * The magnitude of numerator/denominator against cut-offs written as integers over `scale`
 * (0.56 as 56/100): all-integer comparisons, so rounding never moves a value across a boundary.
 */
function magnitudeOf(
  numerator: number,
  denominator: number,
  cutoffs: readonly number[],
  scale: number,
): Magnitude {
  const index = cutoffs.findIndex((cut) => scale * numerator < cut * denominator);
  return MAGNITUDES[index === -1 ? MAGNITUDES.length - 1 : index] as Magnitude;
}

function countsOf(x: readonly number[], y: readonly number[], nanPolicy: NanPolicy | undefined) {
  return dominance(finiteSample(x, 'x', nanPolicy), finiteSample(y, 'y', nanPolicy));
}

/**
 * Vargha & Delaney's (2000) A12 = P(X > Y) + ½·P(X = Y), with the magnitude of max(A, 1 − A)
 * against the cut-offs 0.56, 0.64 and 0.71.
 */
export function varghaDelaneyA12(
  x: readonly number[],
  y: readonly number[],
  options: { nanPolicy?: NanPolicy } = {},
): EffectSize {
  const { greater, equal, pairs } = countsOf(x, y, options.nanPolicy);
  const doubledWins = 2 * greater + equal; // A12 = doubledWins / (2·pairs)
  const doubledMax = Math.max(doubledWins, 2 * pairs - doubledWins);
  return {
    estimate: doubledWins / (2 * pairs),
    magnitude: magnitudeOf(doubledMax, 2 * pairs, [56, 64, 71], 100),
  };
}

/**
 * Cliff's delta = (#(x > y) − #(x < y)) / (n1·n2), with Romano et al.'s (2006) cut-offs 0.147, 0.33
 * and 0.474 on |δ|.
 */
export function cliffsDelta(
  x: readonly number[],
  y: readonly number[],
  options: { nanPolicy?: NanPolicy } = {},
): EffectSize {
  const { greater, equal, pairs } = countsOf(x, y, options.nanPolicy);
  const less = pairs - greater - equal;
  return {
    estimate: (greater - less) / pairs,
    magnitude: magnitudeOf(Math.abs(greater - less), pairs, [147, 330, 474], 1000),
  };
}
