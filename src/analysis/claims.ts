import { type BetterClaim, type Claim, isBetterClaim, type ValueClaim } from '../config/schema.js';
import type { TidyRow } from '../results/tidy.js';
import { bootstrapCI, medianCI } from '../stats/index.js';
import { formatValue } from './format.js';
import type { ClaimResult, DatasetAnalysis } from './types.js';

/** The absolute tolerance of a claim: a number, or a percentage of the claimed value. */
export function toleranceOf(claim: ValueClaim): number {
  const t = claim.tolerance;
  return typeof t === 'number' ? t : (Math.abs(claim.value) * Number(t.slice(0, -1))) / 100;
}

/**
 * An equivalence check, not "p > 0.05": reproduced when the whole confidence interval lies inside
 * value ± tolerance, not reproduced when it lies wholly outside, inconclusive otherwise.
 */
function checkValue(claim: ValueClaim, finals: readonly TidyRow[], level: number): ClaimResult {
  const values = finals
    .filter((r) => r.algorithm === claim.algorithm && r.dataset === claim.dataset)
    .map((r) => r.value);
  if (values.length === 0)
    return { claim, verdict: 'inconclusive', evidence: `no runs of ${claim.algorithm} on ${claim.dataset}` };
  const tol = toleranceOf(claim);
  const low = claim.value - tol;
  const high = claim.value + tol;
  const ci =
    claim.statistic === 'median'
      ? medianCI(values, { level })
      : bootstrapCI(values, (s) => s.reduce((a, b) => a + b, 0) / s.length, { level, seed: 1 });
  const estimate = 'median' in ci ? ci.median : ci.estimate;
  const interval = `${Math.round(level * 100)}% CI ${formatValue(ci.lower)} to ${formatValue(ci.upper)}`;
  const target = `${formatValue(claim.value)} ± ${formatValue(tol)}`;
  const stat = `${claim.statistic} ${formatValue(estimate)} (${interval}, n = ${values.length})`;
  if (ci.lower >= low && ci.upper <= high)
    return { claim, verdict: 'reproduced', evidence: `${stat} lies within ${target}` };
  if (ci.upper < low || ci.lower > high)
    return { claim, verdict: 'not reproduced', evidence: `${stat} lies wholly outside ${target}` };
  return { claim, verdict: 'inconclusive', evidence: `${stat} overlaps the edge of ${target}` };
}

function checkBetter(claim: BetterClaim, datasets: readonly DatasetAnalysis[]): ClaimResult {
  const dataset = datasets.find((d) => d.name === claim.dataset);
  const pair = dataset?.pairwise.find(
    (p) => (p.a === claim.better && p.b === claim.than) || (p.a === claim.than && p.b === claim.better),
  );
  if (!pair)
    return {
      claim,
      verdict: 'inconclusive',
      evidence: `no runs of both ${claim.better} and ${claim.than} on ${claim.dataset}`,
    };
  if (pair.better === claim.better) return { claim, verdict: 'reproduced', evidence: pair.verdict };
  if (pair.better === claim.than) return { claim, verdict: 'not reproduced', evidence: pair.verdict };
  return { claim, verdict: 'inconclusive', evidence: pair.verdict };
}

export function checkClaims(
  claims: readonly Claim[],
  finals: readonly TidyRow[],
  datasets: readonly DatasetAnalysis[],
  alpha: number,
): ClaimResult[] {
  return claims.map((c) => (isBetterClaim(c) ? checkBetter(c, datasets) : checkValue(c, finals, 1 - alpha)));
}

/** A claim in words, for tables. */
export function describeClaim(claim: Claim): string {
  if (claim.description) return claim.description;
  if (isBetterClaim(claim)) return `${claim.better} is better than ${claim.than} on ${claim.dataset}`;
  const tol = typeof claim.tolerance === 'number' ? formatValue(claim.tolerance) : claim.tolerance;
  return `${claim.statistic} of ${claim.algorithm} on ${claim.dataset} is ${formatValue(claim.value)} ± ${tol}`;
}
