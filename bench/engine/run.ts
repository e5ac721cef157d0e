/**
 * Local engine benchmarks (host runtime):
 *  1. per-step overhead: 200 steps of `true` at parallelism 2, against 200 bare
 *     child_process.spawn('true') calls at the same concurrency (the reference);
 *  2. packing: 40 steps that each burn 1 s of CPU at parallelism 2, against the ideal 20 s.
 *   npm run bench:engine           (RUNS=5 for the overhead, PACKING_RUNS=3; medians)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEngine } from '../../src/engine/local/engine.js';
import { createHostRuntime } from '../../src/engine/local/runtime/host.js';
import { FsArtifactStore } from '../../src/storage/index.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { median } from '../timing.js';

const RUNS = Number(process.env.RUNS ?? 5);
const PACKING_RUNS = Number(process.env.PACKING_RUNS ?? 3);

function workflowOf(steps: number, command: string[]): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: bench
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: step
            template: work
            withSequence:
              count: "${steps}"
    - name: work
      container:
        image: none
        command: ${JSON.stringify(command)}
`;
}

/** Wall-clock seconds to run a workflow with the local engine at parallelism 2 (watching it, as the CLI does, when asked). */
async function timeWorkflow(yaml: string, watch = false): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'repro-bench-'));
  try {
    writeFileSync(join(dir, 'workflow.yaml'), yaml);
    const engine = new LocalEngine({
      store: new FsArtifactStore(join(dir, 'store')),
      runtime: createHostRuntime(),
      workDir: join(dir, 'work'),
      parallelism: 2,
    });
    const workflow = await loadWorkflow(dir);
    const start = performance.now();
    const { name } = await engine.submit(workflow);
    if (watch) for await (const _ of engine.watch(name));
    const status = await engine.wait(name);
    const seconds = (performance.now() - start) / 1000;
    if (status.phase !== 'Succeeded')
      throw new Error(`benchmark workflow ${status.phase}: ${status.message}`);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall-clock seconds for `count` bare spawns of `true`, two at a time. */
async function timeBareSpawns(count: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await new Promise<void>((resolve, reject) => {
        const child = spawn('true', [], { stdio: 'ignore' });
        child.on('error', reject);
        child.on('close', () => resolve());
      });
    }
  };
  await Promise.all([worker(), worker()]);
  return (performance.now() - start) / 1000;
}

const STEPS = 200;
const engineTimes: number[] = [];
const bareTimes: number[] = [];
await timeWorkflow(workflowOf(20, ['true'])); // warm-up
for (let r = 0; r < RUNS; r++) {
  bareTimes.push(await timeBareSpawns(STEPS));
  engineTimes.push(await timeWorkflow(workflowOf(STEPS, ['true'])));
}
const enginePerStep = (median(engineTimes) / STEPS) * 1000;
const barePerStep = (median(bareTimes) / STEPS) * 1000;
console.log(`Per-step overhead, ${STEPS} steps of \`true\` at parallelism 2 (median of ${RUNS} runs):`);
console.log(
  `  repro run   ${enginePerStep.toFixed(2)} ms/step wall   (runs: ${engineTimes.map((t) => t.toFixed(2)).join(', ')} s)`,
);
console.log(
  `  bare spawn  ${barePerStep.toFixed(2)} ms/step wall   (runs: ${bareTimes.map((t) => t.toFixed(2)).join(', ')} s)`,
);
console.log(
  `  overhead    ${(enginePerStep - barePerStep).toFixed(2)} ms/step above a bare spawn (target <= 15), ratio ${(enginePerStep / barePerStep).toFixed(2)}x`,
);

// A shell busy loop stopped by `timeout` after 1 s burns one core for exactly that long;
// `timeout` exits 124 when it stops the loop, so `; true` lets the step succeed.
const burn = ['sh', '-c', "timeout 1 sh -c 'while :; do :; done'; true"];
const packing: number[] = [];
for (let r = 0; r < PACKING_RUNS; r++) {
  packing.push(await timeWorkflow(workflowOf(40, burn)));
}
const packed = median(packing);
console.log(`Packing, 40 steps of 1 s CPU at parallelism 2 (median of ${PACKING_RUNS} runs):`);
console.log(
  `  wall ${packed.toFixed(2)} s against the ideal 20 s: ratio ${(packed / 20).toFixed(3)} (target <= 1.05)   (runs: ${packing.map((t) => t.toFixed(2)).join(', ')} s)`,
);

// Scaling: the per-step cost must not grow with the size of the workflow (watched, as the CLI does).
const big = await timeWorkflow(workflowOf(2000, ['true']), true);
console.log(
  `Scaling, 2,000 steps of \`true\` at parallelism 2, watched: ${((big / 2000) * 1000).toFixed(2)} ms/step wall (${big.toFixed(2)} s; 200 steps: ${enginePerStep.toFixed(2)} ms/step)`,
);
