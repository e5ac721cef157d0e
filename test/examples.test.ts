import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/run-cli.js';

const example = (name: string) => new URL(`../examples/${name}`, import.meta.url).pathname;

describe('examples', () => {
  it.each(['optimizers', 'automl-smac'])('%s passes repro lint', async (name) => {
    const r = await runCli(['lint', example(name)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('optimizers runs end to end with 2 seeds and prints the results table', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'repro-example-')), 'artifacts');
    const r = await runCli([
      'run',
      example('optimizers'),
      '--runtime',
      'host',
      '-p',
      'seeds=2',
      '-p',
      'budget=200',
      '--store',
      store,
      '--name',
      'opt-test',
    ]);
    expect(r.stderr).toContain('runtime: host');
    expect(r.code).toBe(0);
    // 3 algorithms x 4 problems x 2 seeds, 4 rows each (every 50 of 200 evaluations).
    expect(r.stdout).toContain('(96 rows from 24 files under');
    for (const problem of ['ackley', 'rastrigin', 'rosenbrock', 'sphere'])
      expect(r.stdout).toMatch(new RegExp(`${problem}\\s+\\S+ \\(.*\\) n=2`));
    const merged = readFileSync(join(store, 'opt-test/merged/results.csv'), 'utf8').trim().split('\n');
    expect(merged[0]).toBe('algorithm,dataset,seed,step,value');
    expect(merged).toHaveLength(97);
  });
});
