/**
 * Statistics benchmark: the same inputs through Repro's stats module and through python3 + scipy.
 *   npm run bench:stats            (RUNS=5 by default; medians of RUNS runs)
 * Prints per-call times and the ratio Repro / scipy (below 1 means Repro is faster).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { friedman, mannWhitneyU, seededRandom } from '../../src/stats/index.js';
import { median, perCall } from '../timing.js';

const RUNS = Number(process.env.RUNS ?? 5);
const random = seededRandom(2026);
const sample = (n: number) => Array.from({ length: n }, () => Math.round(random() * 1e6) / 1e6);
const mwu = Array.from({ length: 10_000 }, () => [sample(30), sample(30)] as const);
const tables = Array.from({ length: 1_000 }, () => Array.from({ length: 30 }, () => sample(5)));
// 49 vs 49 on a coarse grid: heavy ties, so the exact test takes the conditional (tie-aware) path.
const coarse = () => Array.from({ length: 49 }, () => Math.round(random() * 40));
const tied = Array.from({ length: 50 }, () => [coarse(), coarse()] as const);

const ours = {
  mwu_exact: perCall(RUNS, mwu, ([x, y]) => mannWhitneyU(x, y, { method: 'exact' })),
  mwu_asymptotic: perCall(RUNS, mwu, ([x, y]) => mannWhitneyU(x, y, { method: 'asymptotic' })),
  friedman: perCall(RUNS, tables, (t) => friedman(t)),
};
const tiedTimes = tied.map(([x, y]) => {
  const start = performance.now();
  mannWhitneyU(x, y, { method: 'exact' });
  return (performance.now() - start) / 1000;
});

function scipyTimes(): Record<string, number> | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'repro-bench-'));
  try {
    const file = join(dir, 'inputs.json');
    writeFileSync(file, JSON.stringify({ mwu, friedman: tables, tied: tied[0] }));
    const script = fileURLToPath(new URL('scipy_reference.py', import.meta.url));
    return JSON.parse(execFileSync('python3', [script, file, String(RUNS)], { encoding: 'utf8' }));
  } catch (err) {
    console.log(
      `scipy is not available here (${(err as Error).message.split('\n')[0]}); skipping the comparison.`,
    );
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scipy = scipyTimes();
const us = (s: number) => `${(s * 1e6).toFixed(1)} µs`;
console.log(`Repro stats vs ${scipy ? `scipy ${scipy.scipy}` : 'nothing'}: per call, median of ${RUNS} runs`);
for (const [name, label] of [
  ['mwu_exact', '10,000 Mann-Whitney exact, 30 vs 30'],
  ['mwu_asymptotic', '10,000 Mann-Whitney asymptotic, 30 vs 30'],
  ['friedman', '1,000 Friedman, 30 blocks x 5'],
] as const) {
  const mine = ours[name];
  const ref = scipy?.[name];
  console.log(
    `  ${label.padEnd(44)} repro ${us(mine).padStart(10)}   scipy ${ref ? us(ref).padStart(10) : 'n/a'.padStart(10)}   ratio ${ref ? (mine / ref).toFixed(3) : 'n/a'}`,
  );
}
const sorted = [...tiedTimes].sort((a, b) => a - b);
console.log(
  `  exact Mann-Whitney 49 vs 49 with ties (50 inputs): median ${(median(tiedTimes) * 1e3).toFixed(2)} ms, ` +
    `first call ${((tiedTimes[0] as number) * 1e3).toFixed(2)} ms, max ${((sorted.at(-1) as number) * 1e3).toFixed(2)} ms (target < 5 ms)`,
);
