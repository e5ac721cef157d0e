import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('optimizers runs end to end with 2 seeds, checks its claims and writes the report', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'repro-example-'));
    const store = join(tmp, 'artifacts');
    const out = join(tmp, 'report');
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
      '--out',
      out,
    ]);
    expect(r.stderr).toContain('runtime: host');
    expect(r.code).toBe(0);
    // Two seeds cannot make a difference significant, and Rastrigin's median is far from 10.
    expect(r.stdout).toContain('Claims reproduced: 0/2, not reproduced: 1, inconclusive: 1');
    for (const problem of ['ackley', 'rastrigin', 'rosenbrock', 'sphere'])
      expect(r.stdout).toMatch(new RegExp(`${problem}\\s+\\S+ \\(`));
    expect(r.stdout).toContain('has only 2 runs; tests with fewer than 5 runs have little power');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // 3 algorithms x 4 problems x 2 seeds, 4 rows each (every 50 of 200 evaluations).
    expect(summary.results).toMatchObject({ rows: 96, runs: 24, files: 24 });
    expect(summary.provenance).toMatchObject({
      workflow: 'opt-test',
      engine: 'local',
      runtime: 'host',
      parameters: { seeds: '2', budget: '200' },
    });
    expect(summary.provenance.runs).toHaveLength(24 * 1 + 2);
    const merged = readFileSync(join(store, 'opt-test/merged/results.csv'), 'utf8').trim().split('\n');
    expect(merged[0]).toBe('algorithm,dataset,seed,step,value');
    expect(merged).toHaveLength(97);

    // The run folder in the store is enough to report again, provenance included.
    const again = join(tmp, 'again');
    const re = await runCli([
      'report',
      join(store, 'opt-test'),
      '--config',
      join(example('optimizers'), 'repro.yml'),
      '--out',
      again,
    ]);
    expect(re.code).toBe(0);
    const second = JSON.parse(readFileSync(join(again, 'summary.json'), 'utf8'));
    expect(second.results).toMatchObject({ rows: 96, runs: 24, files: 24 });
    expect(second.provenance.workflow).toBe('opt-test');
    expect(second.claims).toEqual(summary.claims);
  });

  it('a workflow that writes no tidy results still succeeds, and the report says where Repro looked', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'repro-noresults-'));
    const dir = join(tmp, 'wf');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'workflow.yaml'),
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: quiet\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: busybox\n        command: [echo, hello]\n',
    );
    const r = await runCli([
      'run',
      dir,
      '--runtime',
      'host',
      '--store',
      join(tmp, 'artifacts'),
      '--out',
      join(tmp, 'report'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`No tidy results found; looked in ${join(tmp, 'artifacts')}/quiet/results/`);
    expect(readFileSync(join(tmp, 'report', 'report.md'), 'utf8')).toContain('No tidy results were found.');
  });
});
