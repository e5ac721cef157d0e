// One run: an algorithm on a problem with a seed. Writes tidy CSV rows
// (algorithm,dataset,seed,step,value) with the best value so far every `every` evaluations.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { algorithms } from './algorithms.mjs';
import { problems } from './problems.mjs';

const { values: opts } = parseArgs({
  options: {
    algorithm: { type: 'string' },
    problem: { type: 'string' },
    seed: { type: 'string' },
    dimension: { type: 'string', default: '10' },
    budget: { type: 'string', default: '2000' },
    every: { type: 'string', default: '50' },
    out: { type: 'string', default: 'results.csv' },
  },
});
const algorithm = algorithms[opts.algorithm];
const problem = problems[opts.problem];
if (!algorithm || !problem) {
  console.error(`unknown algorithm '${opts.algorithm}' or problem '${opts.problem}'`);
  process.exit(2);
}
const budget = Number(opts.budget);
const every = Number(opts.every);

// mulberry32, seeded: the same seed gives the same run on every machine.
let state = (Number(opts.seed) * 2654435761) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const rows = ['algorithm,dataset,seed,step,value'];
let evaluations = 0;
let best = Number.POSITIVE_INFINITY;
const f = (x) => {
  if (evaluations >= budget) return best;
  const value = problem(x);
  evaluations++;
  if (value < best) best = value;
  if (evaluations % every === 0)
    rows.push(`${opts.algorithm},${opts.problem},${opts.seed},${evaluations},${best}`);
  return value;
};
algorithm(f, Number(opts.dimension), budget, random);
writeFileSync(opts.out, `${rows.join('\n')}\n`);
console.log(
  `${opts.algorithm} on ${opts.problem}, seed ${opts.seed}: best ${best.toPrecision(6)} after ${evaluations} evaluations`,
);
