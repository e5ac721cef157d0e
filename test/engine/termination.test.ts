/**
 * Ctrl-C or SIGTERM kills every pod's process group, marks the workflow Failed (Terminated) and
 * leaves no process behind: checked by scanning the OS process table, not by trusting the engine.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { manifest, writeWorkflow } from './harness.js';

const repoRoot = new URL('../..', import.meta.url).pathname;

/** PIDs whose command line contains `marker`. */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(join('/proc', entry, 'cmdline'), 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

it.each(['SIGTERM', 'SIGINT'] as const)(
  '%s terminates every pod and leaves no process behind',
  async (signal) => {
    // A sleep length no other process on the machine will have; sh and its sleep child both carry it.
    const marker = `${400 + Math.floor(Math.random() * 500)}.${process.pid}`;
    const dir = writeWorkflow(
      manifest(`entrypoint: main
templates:
  - name: main
    steps:
      - - name: nap
          template: nap
          withItems: [1, 2, 3]
  - name: nap
    container:
      image: busybox
      command: [sh, -c, "sleep ${marker}; echo never"]`),
    );
    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'src/cli/index.ts'),
        'run',
        dir,
        '--runtime',
        'host',
        '--parallelism',
        '3',
        '--store',
        join(dir, '.repro/artifacts'),
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    cli.stdout.on('data', (d) => (output += d));
    cli.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));

    // Three pods, each an sh and its sleep.
    expect(await until(() => processesWith(marker).length >= 6, 15_000)).toBe(true);
    cli.kill(signal);
    const code = await exited;

    expect(code).toBe(130);
    expect(await until(() => processesWith(marker).length === 0, 5_000)).toBe(true);
    expect(output).toContain("Stopped with strategy 'Terminate'");
    expect(output).toMatch(/Workflow wf Failed/);
  },
);
