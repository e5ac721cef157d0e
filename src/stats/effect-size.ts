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

/**
 * Vargha & Delaney's (2000) A12 = P(X > Y) + ½·P(X = Y). The magnitude compares integer pair counts
 * against the cut-offs 0.56, 0.64 and 0.71 of max(A, 1 − A), so rounding never moves a boundary.
 */
export function varghaDelaneyA12(
  x: readonly number[],
  y: readonly number[],
  options: { nanPolicy?: NanPolicy } = {},
): EffectSize {
  const { greater, equal, pairs } = dominance(
    finiteSample(x, 'x', options.nanPolicy),
    finiteSample(y, 'y', options.nanPolicy),
  );
  const doubledWins = 2 * greater + equal; // A12 = doubledWins / (2·pairs)
  const doubledMax = Math.max(doubledWins, 2 * pairs - doubledWins);
  // max(A, 1−A) < c  ⇔  100·doubledMax < 200·c·pairs, all integers for c in hundredths
  const below = (hundredths: number) => 100 * doubledMax < 2 * hundredths * pairs;
  const magnitude: Magnitude = below(56)
    ? 'negligible'
    : below(64)
      ? 'small'
      : below(71)
        ? 'medium'
        : 'large';
  return { estimate: doubledWins / (2 * pairs), magnitude };
}

/**
 * Cliff's delta = (#(x > y) − #(x < y)) / (n1·n2), with Romano et al.'s (2006) cut-offs 0.147, 0.33
 * and 0.474 on |δ|, compared on integer counts.
 */
export function cliffsDelta(
  x: readonly number[],
  y: readonly number[],
  options: { nanPolicy?: NanPolicy } = {},
): EffectSize {
  const { greater, equal, pairs } = dominance(
    finiteSample(x, 'x', options.nanPolicy),
    finiteSample(y, 'y', options.nanPolicy),
  );
  const less = pairs - greater - equal;
  const diff = Math.abs(greater - less);
  const below = (thousandths: number) => 1000 * diff < thousandths * pairs;
  const magnitude: Magnitude = below(147)
    ? 'negligible'
    : below(330)
      ? 'small'
      : below(474)
        ? 'medium'
        : 'large';
  return { estimate: (greater - less) / pairs, magnitude };
}
