import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parameterProblem } from '../../src/config/index.js';
import { runCli } from '../cli/run-cli.js';

function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'repro-config-')), 'repro.yml');
  writeFileSync(path, text);
  return path;
}

describe('repro.yml', () => {
  it('gives the documented defaults when there is no file', async () => {
    const { config, file } = await loadConfig(join(tmpdir(), 'nowhere', 'repro.yml'));
    expect(file).toBeUndefined();
    expect(config.results).toEqual({
      prefix: 'results',
      format: 'auto',
      columns: {},
      metric: 'value',
      direction: 'minimize',
    });
    expect(config.analysis).toMatchObject({
      alpha: 0.05,
      paired: 'auto',
      twoSample: 'auto',
      omnibus: 'auto',
      nanPolicy: 'raise',
    });
  });

  it('reads claims of both kinds, with defaults', async () => {
    const { config } = await loadConfig(
      configFile('claims:\n  - better: a\n    than: b\n  - algorithm: a\n    value: 3\n    tolerance: 5%\n'),
    );
    expect(config.claims).toEqual([
      { better: 'a', than: 'b', dataset: 'default' },
      { algorithm: 'a', dataset: 'default', statistic: 'median', value: 3, tolerance: '5%' },
    ]);
  });

  const errors = [
    {
      what: 'an unknown field',
      text: 'results:\n  metrc: loss\n',
      message: /repro\.yml:2:3: results\.metrc: unknown field 'metrc'\./,
    },
    {
      what: 'a value outside the allowed set',
      text: 'results:\n  direction: lower\n',
      message: /repro\.yml:2:14: results\.direction: .*Allowed: minimize, maximize\./,
    },
    {
      what: 'a bad tolerance',
      text: 'claims:\n  - algorithm: a\n    value: 1\n    tolerance: five percent\n',
      message: /repro\.yml:4:16: claims\[0\]\.tolerance: is a number or a percentage like '5%'\./,
    },
    {
      what: 'an alpha out of range',
      text: 'analysis:\n  alpha: 5\n',
      message: /repro\.yml:2:10: analysis\.alpha: /,
    },
    { what: 'a bad regex rule', text: 'allow:\n  name:\n    regex: "([a-z"\n', message: /allow\.name/ },
    { what: 'YAML syntax', text: 'results: [\n', message: /repro\.yml:2:1: YAML: / },
  ];
  it.each(errors)('$what is an error at file:line naming the field', async ({ text, message }) => {
    await expect(loadConfig(configFile(text))).rejects.toThrow(message);
  });

  it('repro init writes a config that loads and a workflow that lints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repro-init-'));
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(0);
    const { config } = await loadConfig(join(dir, 'repro.yml'), { required: true });
    expect(config.workflow).toBe('workflow.yaml');
    expect((await runCli(['lint', dir])).code).toBe(0);
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('allowlist for /reproduce parameters', () => {
  const allow = {
    dataset: { enum: ['iris', 'wine'] },
    seeds: { integer: { min: 1, max: 50 } },
    tag: { regex: '[a-z]+' },
  };
  it.each([
    ['dataset', 'iris', undefined],
    ['dataset', 'mnist', 'dataset=mnist is not one of iris, wine'],
    ['seeds', '30', undefined],
    ['seeds', '0', 'seeds=0 is below the minimum 1'],
    ['seeds', '51', 'seeds=51 is above the maximum 50'],
    ['seeds', '3.5', 'seeds=3.5 is not a whole number'],
    ['tag', 'abc', undefined],
    ['tag', 'abc; rm -rf /', 'tag=abc; rm -rf / does not match /[a-z]+/'],
    ['image', 'x', "parameter 'image' may not be set; allowed: dataset, seeds, tag"],
  ])('%s=%s', (name, value, problem) => {
    expect(parameterProblem(name, value, allow)).toBe(problem);
  });
});
