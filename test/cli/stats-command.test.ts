import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const fixture = (name: string) => new URL(`../fixtures/stats/${name}`, import.meta.url).pathname;

describe('repro stats', () => {
  it("mwu prints R's W and exact p for the wilcox.test help-page example", async () => {
    const r = await runCli([
      'stats',
      'mwu',
      '--x',
      '0.8,0.83,1.89,1.04,1.45,1.38,1.91,1.64,0.73,1.46',
      '--y',
      '1.15,0.88,0.90,0.74,1.21',
      '--alternative',
      'greater',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mann-Whitney U test (exact, greater)');
    expect(r.stdout).toMatch(/U = 35\s+p = 0\.1272/);
  });

  it('wilcoxon --json gives machine-readable output', async () => {
    const r = await runCli([
      'stats',
      'wilcoxon',
      '--json',
      '--alternative',
      'greater',
      '--x',
      '1.83',
      '0.50',
      '1.62',
      '2.48',
      '1.68',
      '1.88',
      '1.55',
      '3.06',
      '1.30',
      '--y',
      '0.878',
      '0.647',
      '0.598',
      '2.05',
      '1.06',
      '1.29',
      '1.06',
      '3.14',
      '1.29',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ statistic: 40, pValue: 0.01953125, method: 'exact' });
  });

  it('friedman reads a CSV with a label column and names the cliques', async () => {
    const r = await runCli(['stats', 'friedman', fixture('rounding-times.csv'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.statistic).toBeCloseTo(11.142857142857132, 12);
    expect(out.meanRanks['Wide Angle']).toBeCloseTo(1.4545454545454546, 12);
    expect(out.nemenyi.cliques).toEqual([
      ['Wide Angle', 'Narrow Angle'],
      ['Narrow Angle', 'Round Out'],
    ]);
  });

  it('mwu takes two columns of a CSV', async () => {
    const r = await runCli([
      'stats',
      'mwu',
      fixture('rounding-times.csv'),
      '--columns',
      'Round Out,Wide Angle',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).method).toBe('asymptotic'); // ties
  });

  const errors = [
    {
      what: 'a bad number',
      args: ['stats', 'mwu', '--x', '1,zz', '--y', '2'],
      message: "--x: value 2 'zz' is not a number.",
    },
    {
      what: 'a missing sample',
      args: ['stats', 'mwu', '--x', '1'],
      message: 'Give both samples with --x and --y',
    },
    { what: 'NaN without omit', args: ['stats', 'mwu', '--x', '1,NaN', '--y', '2'], message: 'x[1] is NaN' },
    { what: 'a missing file', args: ['stats', 'friedman', 'nope.csv'], message: 'nope.csv: no such file.' },
    {
      what: 'an unknown column',
      args: ['stats', 'mwu', fixture('rounding-times.csv'), '--columns', 'a,b'],
      message: "no column 'a'",
    },
  ];
  it.each(errors)('exits 2 with a clear message on $what', async ({ args, message }) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('names the file and line of a non-numeric cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repro-cli-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'dataset,a,b\niris,1,2\nwine,3,oops\n');
    const r = await runCli(['stats', 'friedman', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: column 'b' holds 'oops', which is not a number.`);
  });

  it('an invalid choice is refused by name', async () => {
    const r = await runCli(['stats', 'mwu', '--x', '1', '--y', '2', '--alternative', 'bigger']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'bigger' is invalid");
  });
});

describe('the committed bundle', () => {
  it('runs `repro stats` with no install', () => {
    const bundle = new URL('../../dist/cli/index.js', import.meta.url).pathname;
    const out = execFileSync(
      process.execPath,
      [bundle, 'stats', 'mwu', '--x', '1,2,3', '--y', '4,5,6', '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toMatchObject({ statistic: 0, pValue: 0.1, method: 'exact' });
  });
});
