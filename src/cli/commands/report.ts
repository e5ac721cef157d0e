import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, loadConfig } from '../../config/index.js';
import { inputError } from '../../errors.js';
import type { RunRecord } from '../../report/index.js';
import { collectFromPaths } from '../../results/index.js';
import { printReport, readOptions, reportOn } from '../reporting.js';

/** The run record `repro run` leaves in a run folder of the store, if `path` is one. */
async function runRecordIn(path: string): Promise<RunRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(path, 'run.json'), 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .summary('Analyse results and write the report (markdown, JSON, LaTeX, plots, badge)')
    .argument('<inputs...>', 'a run folder (.repro/artifacts/<workflow>) or tidy result files and folders')
    .option('--config <file>', 'the repro.yml to use', CONFIG_FILE)
    .option('--out <dir>', 'where to write the report (default: .repro/report/<workflow>/)')
    .action(async (inputs: string[], flags: { config: string; out?: string }) => {
      const { config, dir } = await loadConfig(flags.config);
      for (const input of inputs) {
        if (!(await stat(input).catch(() => undefined)))
          throw inputError(`${input}: no such file or folder.`);
      }
      const run = inputs.length === 1 ? await runRecordIn(inputs[0] as string) : undefined;
      const read = readOptions(config);
      const results = run
        ? await collectFromPaths([join(inputs[0] as string, config.results.prefix)], read)
        : await collectFromPaths(inputs, read);
      const name = run?.workflow ?? basename(resolve(inputs[0] as string)).replace(/\.[^.]+$/, '');
      const report = await reportOn(results, config, flags.out ?? join('.repro', 'report', name), run, dir);
      printReport(report, (t) => process.stdout.write(t));
    });
}
