// Prints the runs to fan out, as a JSON list for withParam: every algorithm × problem × seed.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { algorithms: { type: 'string' }, problems: { type: 'string' }, seeds: { type: 'string' } },
});
const list = (s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const runs = [];
for (const algorithm of list(values.algorithms))
  for (const problem of list(values.problems))
    for (let seed = 1; seed <= Number(values.seeds); seed++)
      runs.push({ algorithm, problem, seed: String(seed) });
console.log(JSON.stringify(runs));
