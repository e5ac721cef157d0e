/**
 * Report benchmark: a 1,000,000-row tidy CSV (10 algorithms x 20 datasets x 30 seeds x ~170 steps)
 * through the full report (read, check, analyse, plot, write), against the I/O floor: reading the
 * file and splitting its lines.
 *   npm run bench:report        (RUNS=3; medians; the report runs in a child process so its peak RSS is its own)
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/stats/index.js';
import { median } from '../timing.js';

const RUNS = Number(process.env.RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'repro-bench-report-'));
const csv = join(dir, 'results.csv');

async function writeInput(): Promise<number> {
  const random = seededRandom(42);
  const out = createWriteStream(csv);
  let rows = 0;
  let chunk = 'algorithm,dataset,seed,step,value\n';
  for (let a = 0; a < 10; a++) {
    for (let d = 0; d < 20; d++) {
      for (let s = 1; s <= 30; s++) {
        let best = 100 + 50 * random();
        const steps = 166 + (s % 9); // about 170 steps, not all runs equally long
        for (let step = 1; step <= steps; step++) {
          best *= 1 - 0.02 * random() * (1 + a / 10);
          chunk += `alg-${a},data-${d},${s},${step * 50},${best.toPrecision(8)}\n`;
          rows++;
        }
        if (chunk.length > 1 << 20) {
          if (!out.write(chunk)) await once(out, 'drain');
          chunk = '';
        }
      }
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
  return rows;
}

/** Seconds to read the file and split it into lines: the floor for any parser. */
async function ioFloor(): Promise<number> {
  const start = performance.now();
  let lines = 0;
  let rest = '';
  for await (const chunk of createReadStream(csv, { encoding: 'utf8' })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines += parts.length;
  }
  if (lines < 1) throw new Error('empty');
  return (performance.now() - start) / 1000;
}

const rows = await writeInput();
const cli = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));
const floors: number[] = [];
const reports: { seconds: number; rssMb: number }[] = [];
for (let r = 0; r < RUNS; r++) {
  floors.push(await ioFloor());
  // /usr/bin/time -v reports the child's peak RSS ("Maximum resident set size", in KB).
  const start = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, '--import', 'tsx', cli, 'report', csv, '--out', join(dir, 'out')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`repro report failed:\n${child.stderr}`);
  const stderr = child.stderr;
  const seconds = (performance.now() - start) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  reports.push({ seconds, rssMb: kb / 1024 });
}
const floor = median(floors);
const report = median(reports.map((r) => r.seconds));
console.log(`Report of ${rows.toLocaleString('en')} rows (median of ${RUNS} runs):`);
console.log(
  `  full report   ${report.toFixed(2)} s   (runs: ${reports.map((r) => r.seconds.toFixed(2)).join(', ')} s; target <= 10 s)`,
);
console.log(
  `  I/O floor     ${floor.toFixed(2)} s   (read and split lines)   ratio ${(report / floor).toFixed(1)}x`,
);
console.log(
  `  peak RSS      ${median(reports.map((r) => r.rssMb)).toFixed(0)} MB   (runs: ${reports.map((r) => r.rssMb.toFixed(0)).join(', ')} MB; target <= 1536 MB)`,
);
rmSync(dir, { recursive: true, force: true });
