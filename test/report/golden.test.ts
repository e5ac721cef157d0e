/**
 * Golden files: report.md, summary.json and tables.tex for each fixture folder under
 * test/fixtures/report/<case>/ (results plus repro.yml) must equal the committed expected/ files.
 * After a deliberate change, regenerate them with UPDATE_GOLDEN=1 npx vitest run test/report.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisOptions, readOptions } from '../../src/cli/reporting.js';
import { loadConfig } from '../../src/config/index.js';
import type { Provenance } from '../../src/report/index.js';
import { writeReport } from '../../src/report/index.js';
import { collectFromPaths } from '../../src/results/index.js';

const fixtures = new URL('../fixtures/report/', import.meta.url).pathname;

/** Provenance that does not depend on the machine running the test. */
const FIXED_PROVENANCE: Provenance = {
  workflow: 'fixture',
  parameters: { seeds: '10' },
  engine: 'local',
  runtime: 'host',
  gitCommit: '0123456789abcdef0123456789abcdef01234567',
  host: { os: 'linux 6.1', arch: 'x64', cpuModel: 'Test CPU', cores: 2, memoryBytes: 8 * 2 ** 30 },
  reproVersion: '0.0.0-test',
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:05:00.000Z',
  runs: [],
};

async function reportFixture(name: string) {
  const dir = join(fixtures, name);
  const { config } = await loadConfig(join(dir, 'repro.yml'), { required: true });
  const results = await collectFromPaths([join(dir, 'results')], readOptions(config));
  // Paths in messages are made relative to the fixture folder, so the goldens do not depend on where the repo is.
  results.searched = 'results';
  results.sources = results.sources.map((s) => s.slice(dir.length + 1));
  const out = mkdtempSync(join(tmpdir(), `repro-report-${name}-`));
  return writeReport(out, {
    results,
    options: analysisOptions(config),
    metric: config.results.metric,
    provenance: FIXED_PROVENANCE,
  });
}

describe.each(['two-algorithms', 'three-by-three', 'warnings'])('report of %s', (name) => {
  it.each(['report.md', 'summary.json', 'tables.tex'])('%s matches the golden file', async (file) => {
    const report = await reportFixture(name);
    const actual = readFileSync(join(report.dir, file), 'utf8');
    const golden = join(fixtures, name, 'expected', file);
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
      mkdirSync(join(fixtures, name, 'expected'), { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
