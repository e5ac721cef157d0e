/**
 * The studentized range distribution with infinite degrees of freedom: the range of k independent
 * standard normals. P(R > q) = k ∫ φ(z) [Φ(z)^(k−1) − (Φ(z) − Φ(z−q))^(k−1)] dz (Copenhaver &
 * Holland 1988, eq. 2.1 with ν = ∞). The difference of powers is formed as a^m·(1 − (1 − b/a)^m)
 * with expm1/log1p, so the upper tail keeps its relative precision down to ~1e-300.
 */
import { normalCdf, normalPdf } from './distributions.js';
import { integrate, solveDecreasing } from './quadrature.js';

/** P(R > q) for the range R of k standard normals. */
export function studentizedRangeSf(q: number, k: number): number {
  if (q <= 0) return 1;
  const m = k - 1;
  const integrand = (z: number) => {
    const a = normalCdf(z);
    if (a === 0) return 0;
    const b = normalCdf(z - q);
    return normalPdf(z) * a ** m * -Math.expm1(m * Math.log1p(-b / a));
  };
  // φ(z)·Φ(z − q) peaks near q/2; beyond ±9 around the mass the integrand is below 1e-18.
  return Math.min(1, k * integrate(integrand, -9, 9 + q / 2));
}

/** The q with P(R > q) = upperTail. */
export function studentizedRangeQuantile(upperTail: number, k: number): number {
  let hi = 8;
  while (studentizedRangeSf(hi, k) > upperTail) hi *= 2;
  return solveDecreasing((q) => studentizedRangeSf(q, k) - upperTail, 0, hi);
}
