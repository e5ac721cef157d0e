// Three optimisers with the same interface: (f, dimension, budget, random) → nothing; every call of
// f counts against the budget, and the caller records the best value seen so far.
import { LOWER, UPPER } from './problems.mjs';

const clip = (v) => Math.min(UPPER, Math.max(LOWER, v));
const uniformPoint = (d, random) => Array.from({ length: d }, () => LOWER + (UPPER - LOWER) * random());

function gaussian(random) {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function randomSearch(f, d, budget, random) {
  for (let i = 0; i < budget; i++) f(uniformPoint(d, random));
}

/** (1+1)-ES with Rechenberg's 1/5th success rule, adapting sigma every 10·d evaluations. */
export function onePlusOneEs(f, d, budget, random) {
  let parent = uniformPoint(d, random);
  let parentValue = f(parent);
  let sigma = (UPPER - LOWER) / 4;
  let successes = 0;
  const window = 10 * d;
  for (let i = 1; i < budget; i++) {
    const child = parent.map((v) => clip(v + sigma * gaussian(random)));
    const value = f(child);
    if (value <= parentValue) {
      parent = child;
      parentValue = value;
      successes++;
    }
    if (i % window === 0) {
      sigma *= successes / window > 0.2 ? 1.5 : 1 / 1.5;
      successes = 0;
    }
  }
}

/** Nelder-Mead with the dimension-adaptive coefficients of Gao & Han (2012). */
export function nelderMead(f, d, budget, random) {
  const alpha = 1;
  const beta = 1 + 2 / d;
  const gamma = 0.75 - 1 / (2 * d);
  const delta = 1 - 1 / d;
  let used = 0;
  const evaluate = (x) => {
    used++;
    return f(x.map(clip));
  };
  const start = uniformPoint(d, random);
  let simplex = [
    start,
    ...Array.from({ length: d }, (_, i) => start.map((v, j) => (i === j ? v + 1 : v))),
  ].map((x) => ({ x, v: evaluate(x) }));
  while (used < budget) {
    simplex.sort((a, b) => a.v - b.v);
    const worst = simplex[d];
    const centroid = Array.from(
      { length: d },
      (_, j) => simplex.slice(0, d).reduce((s, p) => s + p.x[j], 0) / d,
    );
    const along = (t) => centroid.map((c, j) => c + t * (c - worst.x[j]));
    const reflected = along(alpha);
    const rv = evaluate(reflected);
    if (rv < simplex[0].v) {
      const expanded = along(alpha * beta);
      const ev = evaluate(expanded);
      simplex[d] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < simplex[d - 1].v) {
      simplex[d] = { x: reflected, v: rv };
    } else {
      const contracted = rv < worst.v ? along(alpha * gamma) : along(-gamma);
      const cv = evaluate(contracted);
      if (cv < Math.min(rv, worst.v)) simplex[d] = { x: contracted, v: cv };
      else {
        const best = simplex[0].x;
        simplex = simplex.map((p, i) =>
          i === 0 ? p : { x: p.x.map((v, j) => best[j] + delta * (v - best[j])), v: 0 },
        );
        for (let i = 1; i <= d && used < budget; i++) simplex[i].v = evaluate(simplex[i].x);
      }
    }
  }
}

export const algorithms = {
  'random-search': randomSearch,
  'one-plus-one-es': onePlusOneEs,
  'nelder-mead': nelderMead,
};
